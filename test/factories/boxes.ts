import { BoxView } from '../../src/boxes/box.views';
import { Role } from '../../src/common/roles';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { TestApp } from '../setup/test-app';
import { createMeeting, createTeam, TestTeam } from './meetings';
import { TestOrg, TestUser } from './organizations';

/** A box as the organiser's routes return it. */
export type TestBox = BoxView;

/** A receipt code as the writer gets it: 16 Crockford base32 characters in groups of four. */
export const RECEIPT_FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The box page's receipt paragraph. */
const RECEIPT_PARAGRAPH = /<p id="receipt" class="receipt">([^<]*)<\/p>/;

export async function openBox(t: TestApp, organiser: TestUser, meetingId: string, body: Record<string, unknown> = {}): Promise<TestBox> {
  const response = await t.http
    .post(`/api/v1/meetings/${meetingId}/boxes`)
    .set(organiser.auth)
    .send({ title: '2026年度民主生活会征求意见箱', ...body });
  if (response.status !== 201) throw new Error(`opening a box failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Sends an opinion through the API and returns the receipt code; any other answer than 201 throws with the body. */
export async function submitOpinion(
  t: TestApp,
  slug: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await t.http
    .post(`/api/v1/public/boxes/${slug}/opinions`)
    .set(headers)
    .send({ text: '会议偏多，文件偏长，建议压缩会议数量。', ...body });
  if (response.status !== 201) throw new Error(`submitting an opinion failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.receipt as string;
}

/** Sends an opinion through the box page's form and returns the receipt code printed on the answer page. */
export async function submitOpinionByPage(
  t: TestApp,
  slug: string,
  form: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await t.http
    .post(`/b/${slug}`)
    .set(headers)
    .type('form')
    .send({ text: '调研多集中在机关，下基层一线的次数偏少。', aspect: '', targetMemberId: '', ...form });
  const receipt = RECEIPT_PARAGRAPH.exec(response.text ?? '')?.[1];
  if (response.status !== 200 || !receipt) throw new Error(`submitting through the box page failed: ${response.status} ${response.text}`);
  return receipt;
}

/** The receipt code on a box page answer, or null when the page shows none. */
export function receiptOnPage(pageHtml: string): string | null {
  return RECEIPT_PARAGRAPH.exec(pageHtml)?.[1] ?? null;
}

/** The one-time nonce in a box page's form (hidden field `nonce`), or null when the page has none. */
export function formNonceOn(pageHtml: string): string | null {
  return /<input type="hidden" name="nonce" value="([^"]*)">/.exec(pageHtml)?.[1] ?? null;
}

/** What the box page's form holds in its textarea, unescaped as a browser would show it. */
export function textareaOn(pageHtml: string): string | null {
  const raw = /<textarea id="text"[^>]*>([\s\S]*?)<\/textarea>/.exec(pageHtml)?.[1];
  return raw === undefined ? null : raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The stored rows of one box, read straight from the database. */
export function storedOpinions(t: TestApp, boxId: string): Promise<RawOpinion[]> {
  return t.dataSource.getRepository(RawOpinion).find({ where: { sourceId: boxId, channel: 'box' } });
}

export function countStoredOpinions(t: TestApp, boxId: string): Promise<number> {
  return t.dataSource.getRepository(RawOpinion).count({ where: { sourceId: boxId, channel: 'box' } });
}

export interface BoxScene {
  organiser: TestUser;
  meeting: { id: string; title: string; aspects: string[] };
  team: TestTeam;
  box: TestBox;
}

/** A meeting with a three-person team and one box, opened by a fresh organiser of `org`. */
export async function createBoxScene(t: TestApp, org: TestOrg, boxBody: Record<string, unknown> = {}): Promise<BoxScene> {
  const organiser = await org.user([Role.Organiser]);
  const meeting = (await createMeeting(t, organiser)) as BoxScene['meeting'];
  const team = await createTeam(t, org, meeting.id, 3);
  const box = await openBox(t, organiser, meeting.id, boxBody);
  return { organiser, meeting, team, box };
}

export const ONE_DAY_MS = 24 * 3600 * 1000;

import { Role } from '../../src/common/roles';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/** Three opinions far enough apart to become three items. */
const TEXTS = {
  meetings: '会议偏多、文件偏长，建议压缩会议数量和时长。',
  travel: '公务接待和差旅报销的制度执行要再严格一些。',
  youth: '年轻干部的培养使用还要加大力度，多给机会。',
};

/** What the staff see on the box page and the receipt look-up, as a writer would. */
describe(`the staff's pages: the box and the receipt look-up (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let meetingId: string;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    meetingId = (await createMeeting(t, organiser, { title: '2026年度主题教育专题民主生活会' })).id;
    await createTeam(t, org, meetingId, 3);
    slug = (await openBox(t, organiser, meetingId, { releaseThreshold: 3 })).slug;
  });
  afterAll(() => t.close());

  async function lookUp(receipt: string): Promise<string> {
    const response = await t.http.post('/r').type('form').send({ receipt });
    expect({ lookUp: receipt, status: response.status }).toEqual({ lookUp: receipt, status: 200 });
    return response.text;
  }

  it('says on the box page that leaders read the words as written, and links to the receipt look-up', async () => {
    const page = await t.http.get(`/b/${slug}`).expect(200);
    expect(page.text).toContain('<p class="lead">为开好2026年度主题教育专题民主生活会，现向您征求意见建议。');
    expect(page.text).toMatch(/<p class="privacy" id="verbatim-note">您写的意见会原样（不改动文字）交给班子成员阅读/);
    expect(page.text).toContain('<a href="/r" id="receipt-lookup-link">凭回执码查询意见办理情况</a>');
  });

  it('tells the writer which published item their opinion went into: after a merge, the wider item the answer is to', async () => {
    const receipts = { meetings: await submitOpinion(t, slug, { text: TEXTS.meetings }), travel: await submitOpinion(t, slug, { text: TEXTS.travel }), youth: await submitOpinion(t, slug, { text: TEXTS.youth }) };
    await t.release();
    const items = (await t.http.get(`/api/v1/meetings/${meetingId}/items`).set(organiser.auth).expect(200)).body as Array<{ id: string; summary: string }>;
    const itemOf = (text: string) => items.find((item) => item.summary === text);
    expect({ items: items.length, each: Object.values(TEXTS).map((text) => Boolean(itemOf(text))) }).toEqual({ items: 3, each: [true, true, true] });

    // A draft is not the writer's to read: nothing about the item yet.
    expect(await lookUp(receipts.travel)).not.toContain('id="receipt-item"');

    await t.http.post(`/api/v1/items/${itemOf(TEXTS.meetings)!.id}/merge`).set(organiser.auth).send({ intoItemId: itemOf(TEXTS.youth)!.id }).expect(200);
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(organiser.auth).expect(200);
    const merged = await lookUp(receipts.meetings);
    expect(merged).toContain(`<p id="receipt-item">您的意见已归入：『${TEXTS.youth}』</p>`);
    expect(merged).toContain('data-status="listed"');
    expect(await lookUp(receipts.travel)).toContain(`<p id="receipt-item">您的意见已归入：『${TEXTS.travel}』</p>`);

    // The API's answer keeps its contract: status (and answer, held) only.
    const api = await t.http.get(`/api/v1/public/receipts/${receipts.meetings}`).expect(200);
    expect(api.body).toEqual({ status: 'listed' });
  });
});

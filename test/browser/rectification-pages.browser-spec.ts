import { Page } from 'playwright-core';
import { Role } from '../../src/common/roles';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, PASSWORD, TestOrg, TestUser } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { clickAndLoad, DESK, Flow, screenshotSeries, signInAs, startServer, useBrowser } from './harness';

/**
 * 整改台账 from end to end in the browser: the organiser turns the answered claims into entries
 * at a desk, the owner reports one done with a photo on a 375 px phone, and the organiser closes
 * it (销号) at the desk. Every page is kept as a screenshot at 1280 px and 375 px in
 * test/browser/artifacts/rectifications/, and each must fit the phone.
 */


const RESEARCH = '调查研究不够深入，下基层次数偏少，听取一线意见不够。';
const MEETINGS = '会议偏多偏长，文件层层加码，基层疲于应付。';
/** A photo of a notice, as a phone takes one: a PNG's signature and a little more. */
const PHOTO = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]);

describe('整改台账 in the browser: generated at a desk, reported on a phone, closed at a desk (headless Chromium)', () => {
  jest.setTimeout(120_000);
  const browser = useBrowser();
  const screenshots = screenshotSeries('rectifications');
  let t: TestApp;
  let baseUrl: string;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meetingId: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer());
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    const meeting = await createMeeting(t, organiser, { title: '2026年度党员领导班子民主生活会' });
    meetingId = meeting.id;
    team = await createTeam(t, org, meetingId, 3);
    const ids: string[] = [];
    for (const summary of [RESEARCH, MEETINGS]) ids.push((await t.http.post(`/api/v1/meetings/${meetingId}/items`).set(organiser.auth).send({ summary, aspect: meeting.aspects[0] }).expect(201)).body.id);
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(organiser.auth).expect(200);
    const answers: Array<[TestUser, string, Record<string, string>]> = [
      [team.secretary, ids[0], { reflection: '调查研究不够深入。', measures: '1. 每季度到基层蹲点调研一次，形成调研报告。\n2. 建立班子成员基层联系点制度。', dueDate: '2027-06-30' }],
      [team.members[0], ids[1], { reflection: '文风会风有待改进。', measures: '1. 精简会议文件，全年会议数量压减三成。\n2. 推行短会、短文件。' }],
    ];
    for (const [who, itemId, answer] of answers) {
      await t.http.post(`/api/v1/items/${itemId}/claims`).set(who.auth).send({ kind: 'lead' }).expect(201);
      await t.http.put(`/api/v1/items/${itemId}/claims/mine`).set(who.auth).send(answer).expect(200);
    }
  });
  afterAll(() => t?.close());

  /** The page as it is now at a desk and on a phone (then back at the width it had); it must fit the phone. */

  const signIn = (flow: Flow, username: string) => signInAs(flow, baseUrl, username, PASSWORD);

  const notice = async (page: Page) => (await page.locator('.alert.notice').first().textContent())?.trim();
  const entry = (page: Page, problem: string) => page.locator('article.entry', { hasText: problem });

  it('the organiser generates the entries from the answered claims', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(DESK);
      await signIn(flow, organiser.username);

      await step('the meeting tab 整改台账 opens an empty ledger', async () => {
        await page.goto(`${baseUrl}/meetings/${meetingId}/claims`);
        await clickAndLoad(page, 'nav.tabs a:has-text("整改台账")');
        expect((await page.textContent('h1'))?.trim()).toBe('整改台账');
        expect(await page.textContent('#counts')).toContain('共 0 条');
        await screenshots(page, 'ledger-empty');
      });

      await step('从已答复的认领生成: two entries, with their owners and deadlines', async () => {
        await clickAndLoad(page, '#from-claims');
        expect(await notice(page)).toContain('新增 2 条');
        expect(await page.textContent('#counts')).toContain('共 2 条：已销号 0、待销号 0、未完成 2');
        const research = entry(page, RESEARCH);
        expect(await research.textContent()).toContain(team.secretary.displayName);
        expect(await research.textContent()).toContain('2027年6月30日');
        expect(await entry(page, MEETINGS).textContent()).toContain('2027年12月31日');
        await screenshots(page, 'ledger-generated');
      });
    }));

  it('the owner reports on a 375 px phone, with a note, the evidence and a photo', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      await signIn(flow, team.members[0].username);

      await step('我的整改 from the menu: the entry, its measures and the form to report', async () => {
        await clickAndLoad(page, 'nav.menu a:has-text("我的整改")');
        expect((await page.textContent('h1'))?.trim()).toBe('我的整改');
        const mine = entry(page, MEETINGS);
        expect(await mine.textContent()).toContain('推行短会、短文件。');
        expect(await page.locator('form[action$="/close"]').count()).toBe(0);
        await screenshots(page, 'mine-open');
      });

      await step('报告完成 with a photo', async () => {
        const mine = entry(page, MEETINGS);
        await mine.locator('details.report summary').click();
        await mine.locator('textarea[name="note"]').fill('已精简会议文件，全年会议数量压减三成以上，推行短会、短文件。');
        await mine.locator('textarea[name="evidence"]').fill('局办〔2027〕3号《关于精简会议文件的通知》');
        await mine.locator('input[type="file"]').setInputFiles({ name: '会议精简通知.png', mimeType: 'image/png', buffer: PHOTO });
        await screenshots(page, 'mine-report-form');
        await clickAndLoad(page, `#${await mine.getAttribute('id')} button:has-text("报告完成")`);
        expect(await notice(page)).toContain('已报告完成');
        const reported = entry(page, MEETINGS);
        expect(await reported.textContent()).toContain('待销号');
        await reported.locator('details.history summary').click();
        expect(await reported.locator('details.history a').textContent()).toBe('会议精简通知.png');
        await screenshots(page, 'mine-reported');
      });
    }));

  it("the secretary sees the report waiting under 待我销号 on a phone, and no 销号 on their own entry", () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      await signIn(flow, team.secretary.username);
      await step('我的整改: 待我销号 with the member\'s report, their own entry to report', async () => {
        await page.goto(`${baseUrl}/me/rectifications`);
        expect(await page.textContent('#to-close h2')).toBe('待我销号（1 条）');
        const waiting = page.locator('#to-close article.entry', { hasText: MEETINGS });
        expect(await waiting.locator('form.close-form').count()).toBe(1);
        const own = page.locator('#mine article.entry', { hasText: RESEARCH });
        expect(await own.locator('form.close-form').count()).toBe(0);
        expect(await own.locator('details.report').count()).toBe(1);
        await screenshots(page, 'secretary-to-close');
      });
    }));

  it('the organiser closes it at a desk (销号)', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(DESK);
      await signIn(flow, organiser.username);

      await step('the reported entry: its history with the photo, and the 销号 and 退回 forms', async () => {
        await page.goto(`${baseUrl}/meetings/${meetingId}/rectifications`);
        expect(await page.textContent('#counts')).toContain('待销号 1');
        const reported = entry(page, MEETINGS);
        await reported.locator('details.history summary').click();
        expect(await reported.locator('details.history').textContent()).toContain('局办〔2027〕3号');
        expect(await reported.locator('form.close-form').count()).toBe(1);
        await screenshots(page, 'ledger-reported');
      });

      await step('销号 with a note', async () => {
        const reported = entry(page, MEETINGS);
        await reported.locator('form.close-form textarea').fill('经核实，会议文件明显精简，整改到位。');
        await clickAndLoad(page, `#${await reported.getAttribute('id')} form.close-form button`);
        expect(await notice(page)).toBe('已销号。');
        expect(await page.textContent('#counts')).toContain('已销号 1');
        expect(await entry(page, MEETINGS).locator('.badge.ok').textContent()).toBe('已销号');
        await screenshots(page, 'ledger-closed');
      });
    }));
});

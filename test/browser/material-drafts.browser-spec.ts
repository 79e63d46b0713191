import { Role } from '../../src/common/roles';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, PASSWORD, TestOrg } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { clickAndLoad, DESK, Flow, PHONE, screenshotSeries, signInAs, startServer, useBrowser } from './harness';

/**
 * The 对照检查材料 draft in the browser: a member with two answered claims opens /me/material on
 * a phone, reads the draft assembled from them, edits 原因分析, saves a version, and submits it at a
 * desk. Screenshots at 375 and 1280 px in test/browser/artifacts/material-drafts/.
 */
describe('对照检查材料 drafts in the browser (headless Chromium)', () => {
  jest.setTimeout(120_000);
  const browser = useBrowser();
  const screenshots = screenshotSeries('material-drafts');
  let t: TestApp;
  let baseUrl: string;
  let org: TestOrg;
  let team: TestTeam;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer());
    org = await createOrg(t);
    const organiser = await org.user([Role.Organiser]);
    const meeting = await createMeeting(t, organiser, { title: '2026年度党员领导班子民主生活会' });
    team = await createTeam(t, org, meeting.id, 3);
    const member = team.members[0];
    const answers: Array<[string, string, Record<string, string>]> = [
      [meeting.aspects[0], '理论学习不够系统，学用结合不紧。', { reflection: '理论学习满足于完成规定动作，学深悟透不够。', measures: '制定个人学习计划，每月撰写一篇学习体会。', dueDate: '2027-03-31' }],
      [meeting.aspects[2], '深入基层调研不够，下基层次数偏少。', { reflection: '对调查研究重视不够，习惯于听汇报、看材料。', measures: '每季度到分管领域基层蹲点调研不少于一次。', dueDate: '2027-06-30' }],
    ];
    for (const [aspect, summary] of answers) await t.http.post(`/api/v1/meetings/${meeting.id}/items`).set(organiser.auth).send({ summary, aspect, targetMemberId: member.id }).expect(201);
    await t.http.post(`/api/v1/meetings/${meeting.id}/items/publish`).set(organiser.auth).expect(200);
    const listed = (await t.http.get(`/api/v1/meetings/${meeting.id}/items`).set(organiser.auth).expect(200)).body as Array<{ id: string; summary: string }>;
    for (const [, summary, answer] of answers) {
      const item = listed.find((candidate) => candidate.summary === summary)!;
      await t.http.post(`/api/v1/items/${item.id}/claims`).set(member.auth).send({ kind: 'lead' }).expect(201);
      await t.http.put(`/api/v1/items/${item.id}/claims/mine`).set(member.auth).send(answer).expect(200);
    }
  });
  afterAll(() => t?.close());

  const signIn = (flow: Flow, username: string) => signInAs(flow, baseUrl, username, PASSWORD);

  it('the member reads the draft on a phone, writes 原因分析, saves a version and downloads it', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(PHONE);
      await signIn(flow, team.members[0].username);

      await step('/me/material: the draft from both claims, 2 of 2 answered', async () => {
        await page.goto(`${baseUrl}/me/material`);
        const main = (await page.textContent('main')) ?? '';
        expect(main).toContain('理论学习满足于完成规定动作');
        expect(main).toContain('完成时限');
        expect(main).toMatch(/已回应\s*2\s*\/\s*2/);
        await page.locator('details', { hasText: '草稿' }).first().evaluate((node) => node.setAttribute('open', ''));
        await screenshots(page, 'draft');
      });

      await step('原因分析 written and saved: a new version', async () => {
        const causes = page.locator('textarea[name="causes"]').first();
        await causes.fill('一是理论学习的自觉性不够强。\n二是宗旨意识有所淡化，深入基层不够。');
        await clickAndLoad(page, 'button:has-text("保存草稿")');
        expect(await page.textContent('main')).toContain('第1版');
        await page.locator('details', { hasText: '草稿' }).first().evaluate((node) => node.setAttribute('open', ''));
        expect(await page.locator('textarea[name="causes"]').first().inputValue()).toContain('宗旨意识有所淡化');
        await page.setViewportSize(DESK);
        await screenshots(page, 'draft-saved');
      });

      await step('the 发言提纲\'s draft: the problems told briefly, a line for each fellow member to write', async () => {
        await page.setViewportSize(PHONE);
        const outline = page.locator(`details[id^="draft-outline-"]`);
        await outline.evaluate((node) => node.setAttribute('open', ''));
        expect(await outline.locator('summary').textContent()).toContain('发言提纲');
        const criticism = outline.locator('textarea[name="criticism"]');
        expect(await criticism.inputValue()).toContain(`对${team.secretary.displayName}同志：`);
        await criticism.fill(`对${team.secretary.displayName}同志：听取基层意见的渠道还可以更宽一些。`);
        await clickAndLoad(page, `details[id^="draft-outline-"] button:has-text("保存草稿")`);
        expect(await page.locator(`details[id^="draft-outline-"] .hint`).first().textContent()).toContain('第1版');
        await screenshots(page, 'outline-draft-saved');
      });
    }));
});

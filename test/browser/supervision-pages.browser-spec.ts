import { Role } from '../../src/common/roles';
import { createMeeting, createTeam } from '../factories/meetings';
import { createOrg, PASSWORD, TestOrg, TestUser } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { clickAndLoad, DESK, Flow, PHONE, screenshotSeries, signInAs, startServer, useBrowser } from './harness';

/**
 * The 督导组 across units in the browser: the parent body's admin forms a group over two of its
 * units at a desk; the group's member opens 督导单位 on a phone and at a desk, the unit behind
 * first, and follows it to the unit's board. Screenshots at 1280 px and 375 px in
 * test/browser/artifacts/supervision/; each page must fit the phone.
 */


describe('督导组 across units in the browser (headless Chromium)', () => {
  jest.setTimeout(120_000);
  const browser = useBrowser();
  const screenshots = screenshotSeries('supervision');
  let t: TestApp;
  let baseUrl: string;
  let parent: TestOrg;
  let onTime: TestOrg;
  let late: TestOrg;
  let duban: TestUser;
  let lateMeeting: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer());
    parent = await createOrg(t);
    onTime = await createOrg(t, { parent });
    late = await createOrg(t, { parent });
    duban = await parent.user([Role.Supervisor], { displayName: '督导组 周正' });
    const first = await createMeeting(t, onTime.admin, { title: '按期单位民主生活会' });
    await createTeam(t, onTime, first.id, 2);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    lateMeeting = (await createMeeting(t, late.admin, { title: '滞后单位民主生活会', deadlines: { collectUntil: day(-3), talksUntil: day(-1), claimUntil: day(5), materialsUntil: day(8), heldOn: day(12) } })).id;
    await createTeam(t, late, lateMeeting, 3);
  });
  afterAll(() => t?.close());


  const signIn = (flow: Flow, username: string) => signInAs(flow, baseUrl, username, PASSWORD);

  it('the parent body forms its 督导组 over two units, without JavaScript', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(DESK);
      await signIn(flow, parent.admin.username);

      await step('下属单位与督导组 from the menu: its two units, no group yet', async () => {
        await clickAndLoad(page, 'nav.menu a:has-text("下属单位与督导组")');
        expect((await page.textContent('h1'))?.trim()).toBe('下属单位与督导组');
        expect(await page.textContent('main')).toContain(onTime.name);
        await screenshots(page, 'groups-empty');
      });

      await step('新建督导组 over both units', async () => {
        await page.fill('#new-group-name', '第一督导组');
        await page.check(`input[name="memberUserIds"][value="${duban.id}"]`);
        await page.check(`input[name="unitIds"][value="${onTime.id}"]`);
        await page.check(`input[name="unitIds"][value="${late.id}"]`);
        await clickAndLoad(page, '#new-group button');
        expect(await page.textContent('.alert.notice')).toContain('已新建督导组');
        expect(await page.textContent('main')).toContain('督导组 周正');
        await screenshots(page, 'groups-formed');
      });

      await step('a second group of the same name is refused, what was typed kept', async () => {
        await page.fill('#new-group-name', '第一督导组');
        await clickAndLoad(page, '#new-group button');
        expect(await page.textContent('.alert.error')).toContain('督导组“第一督导组”已存在');
        expect(await page.inputValue('#new-group-name')).toBe('第一督导组');
      });
    }));

  it('the group member sees the units side by side, the one behind first, and opens its board', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(PHONE);
      await signIn(flow, duban.username);

      await step('督导单位 from the menu: two cards, the late unit first with what is overdue', async () => {
        await clickAndLoad(page, 'nav.menu a:has-text("督导单位")');
        expect((await page.textContent('h1'))?.trim()).toBe('督导单位筹备情况');
        const cards = page.locator('section.unit');
        expect(await cards.count()).toBe(2);
        expect(await cards.nth(0).getAttribute('aria-label')).toBe(late.name);
        expect(await cards.nth(0).textContent()).toContain('谈心谈话逾期');
        expect(await cards.nth(1).textContent()).toContain('各项按期推进');
        await screenshots(page, 'overview');
      });

      await step("the late unit's board, read-only", async () => {
        await clickAndLoad(page, `section.unit[aria-label="${late.name}"] a:has-text("筹备进度")`);
        expect(page.url()).toBe(`${baseUrl}/meetings/${lateMeeting}/board`);
        expect(await page.textContent('main')).toContain('滞后单位民主生活会');
        expect(await page.locator('main form').count()).toBe(0);
        await screenshots(page, 'unit-board');
      });
    }));
});

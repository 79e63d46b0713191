import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { createOrg, PASSWORD, TestOrg } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { ARTIFACTS_DIR, clickAndLoad, Flow, pageWidth, startServer, useBrowser } from './harness';

/**
 * The preparation from end to end, with only the browser, from a freshly bootstrapped
 * organisation with no demo data: the organiser sets the meeting up, staff write, the opinions are
 * released and aggregated (a test clock), the organiser reviews and publishes, a leader claims,
 * releases, re-claims and answers and logs a talk, the secretary confirms it, and the organiser
 * downloads the list. Each step checks what a person would see; every page is kept as a
 * screenshot at 1280 px and at 375 px in test/browser/artifacts/workbench/.
 */

const DESK = { width: 1280, height: 900 };
const SHOTS_DIR = join(ARTIFACTS_DIR, 'workbench');

/** Staff opinions: the first two say the same thing (one item, two sources: the one to split). */
const MEETINGS_TOO_MANY = '会议太多太长，文山会海问题突出，基层疲于应付。';
const MEETINGS_TOO_MANY_AGAIN = '会议太多太长，文山会海的问题比较突出，基层疲于应付。';
const RESEARCH = '调查研究不深入，领导下基层次数偏少，听取一线意见不够。';
/** Symposium lines: two different items the organiser merges by hand. */
const TRAINING = '干部培训形式单一，针对性和实效性不强。';
const YOUNG_CADRES = '对年轻干部的培养锻炼重视不够，缺少实践机会。';

const PEOPLE = [
  ['张明', '办公室', '党委书记'],
  ['李华', '财务处', '副局长'],
  ['王芳', '财务处', '处长'],
  ['赵强', '办公室', '科员'],
];

interface Scene {
  meetingId: string;
  boxAddress: string;
  accounts: Record<string, { username: string; password: string }>;
}

describe('the organiser\'s workbench, from an empty organisation to a downloaded list (headless Chromium)', () => {
  // A whole preparation per test, on a machine that may be busy.
  jest.setTimeout(180_000);
  const browser = useBrowser();
  let t: TestApp;
  let baseUrl: string;
  let org: TestOrg;
  const scene: Partial<Scene> = {};
  let shot = 0;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer({ BOX_SUBMIT_RATE_LIMIT: '1000' }));
    org = await createOrg(t);
    // An earlier run's screenshots must not pass for this one's.
    rmSync(SHOTS_DIR, { recursive: true, force: true });
    mkdirSync(SHOTS_DIR, { recursive: true });
  });
  afterAll(() => t?.close());

  /** The page as it is now, at a desk and on a phone (then back at the width it had), and that it fits the phone. */
  async function screenshots(page: Page, name: string): Promise<void> {
    shot += 1;
    const prefix = join(SHOTS_DIR, `${String(shot).padStart(2, '0')}-${name}`);
    const before = page.viewportSize() ?? DESK;
    await page.setViewportSize(DESK);
    await page.screenshot({ path: `${prefix}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: `${prefix}-375.png`, fullPage: true });
    const widths = await pageWidth(page);
    expect({ page: name, ...widths, fitsThePhone: widths.scrollWidth <= widths.clientWidth }).toEqual({ page: name, ...widths, fitsThePhone: true });
    await page.setViewportSize(before);
  }

  async function signIn({ page, step }: Flow, username: string, password: string, landing: string): Promise<void> {
    await step(`sign in as ${username}`, async () => {
      await page.goto(`${baseUrl}/login`);
      await page.fill('#username', username);
      await page.fill('#password', password);
      await clickAndLoad(page, '#login');
      expect(new URL(page.url()).pathname).toBe(landing);
    });
  }

  const heading = async (page: Page) => (await page.textContent('h1'))?.trim();
  const notice = async (page: Page) => (await page.locator('.alert.notice').first().textContent())?.trim();
  const path = (page: Page) => new URL(page.url()).pathname;

  it('the organiser creates the meeting, the people and the team, opens a box and records a symposium', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(DESK);
      await signIn(flow, org.admin.username, PASSWORD, '/meetings');

      await step('an empty list of meetings says what to do first', async () => {
        expect(await heading(page)).toBe('民主生活会');
        expect(await page.textContent('header.top')).toContain('退出登录');
        await screenshots(page, 'meetings-empty');
      });

      await step('create a meeting from the preset', async () => {
        await clickAndLoad(page, '#new-meeting');
        expect(path(page)).toBe('/meetings/new');
        expect(await page.inputValue('#aspects')).not.toBe('');
        await screenshots(page, 'meeting-new');
        await page.fill('#title', '2026年度党员领导班子民主生活会');
        await clickAndLoad(page, '#create-meeting');
        scene.meetingId = path(page).split('/')[2];
        expect(path(page)).toMatch(/^\/meetings\/[^/]+$/);
        expect(await page.textContent('main')).toContain('还没有设置班子');
        await screenshots(page, 'meeting-overview-new');
        await page.goto(`${baseUrl}/meetings`);
        expect(await page.textContent('table.meetings')).toContain('2026年度党员领导班子民主生活会');
        await screenshots(page, 'meetings');
      });

      await step('paste the list of people, see what will be created, create it', async () => {
        await page.goto(`${baseUrl}/people/import`);
        await page.fill('#list', PEOPLE.map((row) => row.join('\t')).join('\n'));
        await clickAndLoad(page, '#preview-paste');
        expect(await page.textContent('#new-departments')).toBe('2');
        expect(await page.textContent('#new-accounts')).toBe('4');
        await screenshots(page, 'people-import-preview');
        await clickAndLoad(page, '#confirm-import');
        expect(await heading(page)).toBe('导入完成');
        const rows = page.locator('table.accounts-printout tbody tr');
        const accounts: Scene['accounts'] = {};
        for (let index = 0; index < (await rows.count()); index += 1) {
          const [name, , , username, password] = (await rows.nth(index).locator('td').allTextContents()).map((cell) => cell.trim());
          accounts[name] = { username, password };
        }
        scene.accounts = accounts;
        expect(Object.keys(accounts).sort()).toEqual(PEOPLE.map(([name]) => name).sort());
        await screenshots(page, 'people-imported');
        await page.goto(`${baseUrl}/people`);
        expect(await page.textContent('main')).toContain('财务处');
        await screenshots(page, 'people');
      });

      await step('set the team: the secretary, a member, the department the member oversees', async () => {
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}/team`);
        const row = (name: string) => page.locator('tr', { hasText: name });
        await row('张明').locator('input[name="secretary"]').check();
        await row('李华').locator('input[name="members"]').check();
        await row('李华').locator('label', { hasText: '财务处' }).locator('input').check();
        await clickAndLoad(page, '#save-team');
        expect(await notice(page)).toContain('已保存');
        await screenshots(page, 'team');
      });

      await step('open a box (released in threes) and open its poster', async () => {
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}/boxes`);
        await page.fill('input[name="releaseThreshold"]', '3');
        await clickAndLoad(page, '#open-box-button');
        const link = page.locator('a', { hasText: '填写页面' }).first();
        scene.boxAddress = new URL((await link.getAttribute('href'))!, baseUrl).href;
        await screenshots(page, 'boxes');
        await clickAndLoad(page, 'a:has-text("海报")');
        expect(await page.locator('svg').count()).toBeGreaterThan(0);
        expect(await page.textContent('#poster-url')).toContain('/b/');
        expect(await page.textContent('body')).toContain('回执码');
        await screenshots(page, 'box-poster');
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}/surveys`);
        expect(await page.textContent('main')).toContain('还没有征求意见表');
        await screenshots(page, 'surveys-empty');
      });

      await step('a survey from the template, its tokens for a department printed as cards', async () => {
        await clickAndLoad(page, '#create-from-template');
        expect(path(page)).toMatch(/^\/surveys\/[^/]+$/);
        await screenshots(page, 'survey');
        await page.fill('#token-count', '4');
        await page.selectOption('#token-department', { label: '办公室' });
        await clickAndLoad(page, '#issue-tokens-sheet');
        expect(await page.locator('text=/\\/s\\//').count()).toBeGreaterThan(0);
        await screenshots(page, 'survey-token-sheet');
      });

      await step('the meeting\'s settings', async () => {
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}/settings`);
        expect(await page.inputValue('#title')).toBe('2026年度党员领导班子民主生活会');
        await screenshots(page, 'meeting-settings');
      });

      await step('record a symposium, its opinions pasted one per line', async () => {
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}/records`);
        await page.fill('input[name="attendeeCount"]', '12');
        await page.fill('input[name="audience"]', '中层干部');
        await page.fill('textarea[name="opinions"] >> nth=0', `${TRAINING}\n\n${YOUNG_CADRES}\n`);
        await clickAndLoad(page, 'button:has-text("保存座谈会记录")');
        expect(await notice(page)).toContain('2');
        await screenshots(page, 'records');
      });

      await step('the overview says what is done and what is missing', async () => {
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}`);
        expect(await page.textContent('main')).not.toContain('还没有设置班子');
        await screenshots(page, 'meeting-overview');
      });
    }));

  it('staff write three opinions on the box page, on a phone, and keep their receipts', () =>
    browser.flow({ javaScript: true }, async ({ page, step }) => {
      for (const text of [MEETINGS_TOO_MANY, MEETINGS_TOO_MANY_AGAIN, RESEARCH]) {
        await step(`write "${text.slice(0, 8)}…"`, async () => {
          await page.goto(scene.boxAddress!);
          await page.fill('textarea[name="text"]', text);
          await clickAndLoad(page, '#submit');
          expect(await page.textContent('.receipt')).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
        });
      }
      await screenshots(page, 'box-receipt');
    }));

  it('after the release, the organiser merges two items, splits one and publishes', async () => {
    // The release time comes (a test clock), the held opinions go out together and are aggregated.
    expect(await t.release()).toBeGreaterThan(0);
    await browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(DESK);
      await signIn(flow, org.admin.username, PASSWORD, '/meetings');
      const review = `${baseUrl}/meetings/${scene.meetingId}/items`;
      const item = (text: string) => page.locator('section.review-item', { hasText: text });

      await step('the review lists every opinion as a draft item, verbatim', async () => {
        await page.goto(review);
        for (const text of [MEETINGS_TOO_MANY, RESEARCH, TRAINING, YOUNG_CADRES]) expect(await page.textContent('#review')).toContain(text);
        await screenshots(page, 'review');
      });

      await step('merge the two symposium items', async () => {
        const code = (await item(YOUNG_CADRES).locator('code').first().textContent())!.trim();
        await item(TRAINING).locator('input[name="intoItemId"]').fill(code);
        await item(TRAINING).locator('form:has(input[name="intoItemId"]) button[type="submit"]').click();
        await page.locator('#review-notice', { hasText: '合并' }).waitFor();
        expect(await item(YOUNG_CADRES).textContent()).toContain(TRAINING);
        await screenshots(page, 'review-merged');
      });

      await step('split one source off the item that holds the two alike box opinions', async () => {
        const both = item(MEETINGS_TOO_MANY_AGAIN).filter({ hasText: MEETINGS_TOO_MANY });
        expect(await both.count()).toBe(1);
        await both.locator('details > summary').first().click();
        await both.locator('label', { hasText: MEETINGS_TOO_MANY_AGAIN }).locator('input[name="sourceIds"]').check();
        await both.locator('form:has(input[name="sourceIds"]) button[type="submit"]', { hasText: '拆分为新意见' }).click();
        await page.locator('#review-notice', { hasText: '拆分' }).waitFor();
        expect(await page.locator('section.review-item', { hasText: MEETINGS_TOO_MANY_AGAIN }).count()).toBe(2);
      });

      await step('publish the drafts, with their count on the button', async () => {
        await page.goto(review);
        const button = page.locator('form.publish button');
        expect(await button.textContent()).toMatch(/发布 \d+ 条草稿/);
        // The review's script sends the form and swaps the list in, without a page load.
        await button.click();
        await page.locator('#review-notice', { hasText: '已发布' }).waitFor();
        expect(await page.locator('form.publish').count()).toBe(0);
        await screenshots(page, 'review-published');
      });
    });
  });

  it('a leader claims, releases, claims again, answers, and logs a talk with the secretary', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      const leader = scene.accounts!['李华'];
      await signIn(flow, leader.username, leader.password, '/me/items');
      const item = () => page.locator('section.item', { hasText: RESEARCH });

      await step('claim the item as its lead', async () => {
        await clickAndLoad(page, `section.item:has-text("${RESEARCH}") button[value="lead"]`);
        expect(await notice(page)).toContain('已认领');
        await screenshots(page, 'my-items-claimed');
      });
      await step('release the claim, after a confirmation', async () => {
        await clickAndLoad(page, `section.item:has-text("${RESEARCH}") a.release`);
        expect(await heading(page)).toBe('确定放弃认领这条意见吗？');
        await screenshots(page, 'my-items-release');
        await clickAndLoad(page, '#confirm-release');
        expect(await notice(page)).toContain('已放弃认领');
        expect(await item().textContent()).toContain('尚无人牵头认领');
      });
      await step('claim it again and answer it', async () => {
        await clickAndLoad(page, `section.item:has-text("${RESEARCH}") button[value="lead"]`);
        await item().locator('textarea[name="reflection"]').fill('调查研究的作风不够扎实，满足于听汇报、看材料。');
        await item().locator('textarea[name="measures"]').fill('每季度到基层蹲点调研不少于一次，形成调研报告。');
        await clickAndLoad(page, `section.item:has-text("${RESEARCH}") form.answer-form button[type="submit"]`);
        expect(await item().locator('.answer').textContent()).toContain('每季度到基层蹲点调研');
        await screenshots(page, 'my-items-answered');
      });
      await step('log the talk with the secretary, with an opinion raised', async () => {
        await page.goto(`${baseUrl}/me/talks`);
        expect(await page.textContent('main')).toContain('张明');
        await screenshots(page, 'my-talks');
        await clickAndLoad(page, 'a:has-text("记录一次谈话")');
        const option = await page.locator('select[name="with"] option', { hasText: '张明' }).first().getAttribute('value');
        await page.selectOption('select[name="with"]', option!);
        await page.fill('textarea[name="summary"]', '交流了班子团结和分管工作，相互提出了批评意见。');
        await page.fill('textarea[name="opinions"]', '分管领域的制度执行检查不够经常。');
        await screenshots(page, 'talk-new');
        await clickAndLoad(page, 'button:has-text("保存谈话记录")');
        expect(await notice(page)).toBeTruthy();
        expect(await page.textContent('main')).toContain('与张明的谈话');
      });
      await step('the material page says what to upload, by when', async () => {
        await page.goto(`${baseUrl}/me/material`);
        expect(await heading(page)).toBe('对照检查材料');
        await screenshots(page, 'my-material');
      });
    }));

  it('a staff account lands on the page that says what staff do here, and changes its password', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      const staff = scene.accounts!['赵强'];
      await signIn(flow, staff.username, staff.password, '/me');
      await step('the landing page: write by link or QR code, without signing in; look up a receipt', async () => {
        expect(await page.locator('a#receipt-link').getAttribute('href')).toBe('/r');
        await screenshots(page, 'staff-landing');
      });
      await step('change the initial password', async () => {
        await clickAndLoad(page, 'header.top a.name');
        expect(await heading(page)).toBe('修改密码');
        await page.fill('#currentPassword', staff.password);
        await page.fill('#newPassword', 'my-own-password-1');
        await page.fill('#confirmPassword', 'my-own-password-1');
        await clickAndLoad(page, '#change-password');
        expect(await notice(page)).toContain('密码已修改');
        await screenshots(page, 'own-password');
      });
      await step('a page that does not exist says so, with the way back', async () => {
        const response = await page.goto(`${baseUrl}/meetings/00000000-0000-4000-8000-000000000000/items`);
        expect(response?.status()).toBe(403);
        expect(await page.locator('form[action="/logout"]').count()).toBe(1);
        await screenshots(page, 'error-page');
      });
    }));

  it('the secretary confirms the talk', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      const secretary = scene.accounts!['张明'];
      await signIn(flow, secretary.username, secretary.password, '/me/items');
      await step('confirm the talk the member recorded', async () => {
        await page.goto(`${baseUrl}/me/talks`);
        const talk = page.locator('article.talk', { hasText: '李华' });
        await Promise.all([page.waitForNavigation(), talk.locator('button', { hasText: /^确认$/ }).click()]);
        expect(await page.locator('article.talk', { hasText: '李华' }).textContent()).toContain('已确认');
        await screenshots(page, 'talks-confirmed');
      });
    }));

  it('the organiser reads the claims and downloads the list as xlsx', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(DESK);
      await signIn(flow, org.admin.username, PASSWORD, '/meetings');
      await step('the claims page shows who claimed what', async () => {
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}/claims`);
        expect(await page.textContent('main')).toContain('李华');
        await screenshots(page, 'claims');
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}/list`);
        expect(await page.textContent('main')).toContain('每季度到基层蹲点调研');
        await screenshots(page, 'published-list');
      });
      await step('the board', async () => {
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}/board`);
        await screenshots(page, 'board');
      });
      await step('request the export from the meeting page, wait for it, download it', async () => {
        await page.goto(`${baseUrl}/meetings/${scene.meetingId}`);
        await clickAndLoad(page, 'button:has-text("导出意见清单 Excel")');
        expect(path(page)).toMatch(/^\/exports\//);
        await page.waitForSelector('#download', { timeout: 20_000 });
        await screenshots(page, 'export-ready');
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
        expect(download.suggestedFilename()).toMatch(/意见清单\.xlsx$/);
        const file = await download.path();
        const bytes = readFileSync(file);
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
      });
    }));
});

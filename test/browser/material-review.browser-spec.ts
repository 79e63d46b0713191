import { Page } from 'playwright-core';
import { Role } from '../../src/common/roles';
import { docx, PDF } from '../factories/files';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, PASSWORD, TestOrg, TestUser } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { clickAndLoad, DESK, Flow, PHONE, screenshotSeries, signInAs, startServer, useBrowser } from './harness';

/**
 * The 督导组's review of the team's materials in the browser, without JavaScript: a member uploads
 * and submits a 发言提纲 on a 375 px phone, the supervisor reads it and writes 督导组意见 at a
 * desk, and the member sees the 意见 on their page. Each page is kept as a screenshot at 1280 px
 * and 375 px in test/browser/artifacts/material-review/, and each must fit the phone.
 */

const OUTLINE = docx('王刚同志民主生活会发言提纲');
const ADVICE = '发言提纲的自我批评要联系分管工作实际，相互批评要点明具体问题。';
const TEAM_ADVICE = '班子对照检查要逐条回应征求到的意见，原因分析要从思想上找根源。';

describe('督导组 reviewing materials in the browser: a 发言提纲 submitted on a phone, commented at a desk (headless Chromium)', () => {
  jest.setTimeout(120_000);
  const browser = useBrowser();
  const screenshots = screenshotSeries('material-review');
  let t: TestApp;
  let baseUrl: string;
  let org: TestOrg;
  let supervisor: TestUser;
  let organiser: TestUser;
  let team: TestTeam;
  let meetingId: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer());
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    supervisor = await org.user([Role.Supervisor]);
    meetingId = (await createMeeting(t, organiser, { title: '2026年度党员领导班子民主生活会' })).id;
    team = await createTeam(t, org, meetingId, 3);
  });
  afterAll(() => t?.close());


  const signIn = (flow: Flow, username: string) => signInAs(flow, baseUrl, username, PASSWORD);

  const notice = async (page: Page) => (await page.locator('.alert.notice').first().textContent())?.trim();

  it('the member uploads and submits a 发言提纲 on a phone', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      const member = team.members[0];
      await page.setViewportSize(PHONE);
      await signIn(flow, member.username);
      await step('对照检查材料 from the menu: both materials, not started', async () => {
        await page.goto(`${baseUrl}/me/material`);
        expect(await page.locator('h3', { hasText: '我的发言提纲' }).count()).toBe(1);
        await screenshots(page, 'member-not-started');
      });
      await step('upload the 发言提纲 and submit it', async () => {
        const outline = page.locator(`#outline-${meetingId}-${member.id}`);
        await outline.locator('input[type="file"]').setInputFiles({ name: '发言提纲.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: OUTLINE });
        await clickAndLoad(page, `#outline-${meetingId}-${member.id} button:has-text("上传文件")`);
        expect(await notice(page)).toBe('文件已上传。');
        await clickAndLoad(page, `#outline-${meetingId}-${member.id} button:has-text("提交审核")`);
        expect(await notice(page)).toBe('已提交审核。');
        expect(await page.locator(`#outline-${meetingId}-${member.id} .badge`).first().textContent()).toBe('已提交');
        await screenshots(page, 'member-submitted');
      });
    }));

  it('the supervisor reads it and writes 督导组意见 at a desk', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      const member = team.members[0];
      await page.setViewportSize(DESK);
      await signIn(flow, supervisor.username);
      await step('the materials page: the submitted 发言提纲 with a form, the rest waiting', async () => {
        await page.goto(`${baseUrl}/meetings/${meetingId}/materials`);
        expect((await page.textContent('h1'))?.trim()).toBe('对照检查材料与发言提纲');
        const outline = page.locator(`#outline-${member.id}`);
        expect(await outline.locator('a', { hasText: '发言提纲.docx' }).count()).toBe(1);
        expect(await page.locator('form[action*="/comments"]').count()).toBe(1);
        await screenshots(page, 'supervisor-list');
      });
      await step('督导组意见 on it', async () => {
        await page.locator(`#outline-${member.id} textarea[name="text"]`).fill(ADVICE);
        await clickAndLoad(page, `#outline-${member.id} button:has-text("提出意见")`);
        expect(await notice(page)).toBe('督导组意见已记入材料的办理记录。');
        expect(await page.locator(`#outline-${member.id} .supervision`).textContent()).toContain(ADVICE);
        await screenshots(page, 'supervisor-commented');
      });
    }));

  it('the member sees the 督导组意见 beside their 发言提纲', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      const member = team.members[0];
      await page.setViewportSize(PHONE);
      await signIn(flow, member.username);
      await step('the 意见 under 督导组意见, the status unchanged', async () => {
        await page.goto(`${baseUrl}/me/material`);
        const outline = page.locator(`#outline-${meetingId}-${member.id}`);
        expect(await outline.locator('.supervision h5').textContent()).toBe('督导组意见（1）');
        expect(await outline.locator('.supervision').textContent()).toContain(ADVICE);
        expect(await outline.locator('.badge').first().textContent()).toBe('已提交');
        await screenshots(page, 'member-sees-comment');
      });
    }));
  it('the secretary submits the 领导班子对照检查材料 on a phone; the organiser returns it, then approves it, at a desk', async () => {
    const secretary = team.secretary;
    const mine = `#team-${meetingId}-${secretary.id}`;
    const reviewed = `#team-${secretary.id}`;
    await browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(PHONE);
      await signIn(flow, secretary.username);
      await step('the team\'s material above its draft: upload a file and submit it', async () => {
        await page.goto(`${baseUrl}/me/material`);
        expect(await page.locator(`#team-${meetingId} h3`).first().textContent()).toBe('领导班子对照检查材料');
        await page.locator(`${mine} input[type="file"]`).setInputFiles({ name: '领导班子对照检查材料.pdf', mimeType: 'application/pdf', buffer: PDF });
        await clickAndLoad(page, `${mine} button:has-text("上传文件")`);
        await clickAndLoad(page, `${mine} button:has-text("提交审核")`);
        expect(await notice(page)).toBe('已提交审核。');
        expect(await page.locator(`${mine} .badge`).first().textContent()).toBe('已提交');
        await screenshots(page, 'secretary-team-submitted');
      });
    });
    await browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(DESK);
      await signIn(flow, organiser.username);
      await step('the review page: the team\'s material first, with the review form', async () => {
        await page.goto(`${baseUrl}/meetings/${meetingId}/materials`);
        expect(await page.locator('#team h2').textContent()).toBe('领导班子');
        expect(await page.locator(`${reviewed} a`, { hasText: '领导班子对照检查材料.pdf' }).count()).toBe(1);
        await screenshots(page, 'organiser-team-to-review');
      });
      await step('退回修改 without a reason: refused beside it; with one: returned', async () => {
        await clickAndLoad(page, `${reviewed} button:has-text("退回修改")`);
        expect(await page.locator(`${reviewed} .alert.error`).textContent()).toContain('退回时请写明修改意见');
        await page.locator(`${reviewed} textarea[name="comment"]`).fill(TEAM_ADVICE);
        await clickAndLoad(page, `${reviewed} button:has-text("退回修改")`);
        expect(await notice(page)).toBe('材料已退回修改，修改意见已告知本人。');
        expect(await page.locator(`${reviewed} .alert.error`).textContent()).toBe(`退回修改意见：${TEAM_ADVICE}`);
        await screenshots(page, 'organiser-team-returned');
      });
    });
    await browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(PHONE);
      await signIn(flow, secretary.username);
      await step('the secretary reads the reason and submits again', async () => {
        await page.goto(`${baseUrl}/me/material`);
        expect(await page.locator(`${mine} .alert.error`).first().textContent()).toBe(`退回修改意见：${TEAM_ADVICE}`);
        await clickAndLoad(page, `${mine} button:has-text("提交审核")`);
        expect(await page.locator(`${mine} .badge`).first().textContent()).toBe('已提交');
      });
    });
    await browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      await page.setViewportSize(DESK);
      await signIn(flow, organiser.username);
      await step('审核通过', async () => {
        await page.goto(`${baseUrl}/meetings/${meetingId}/materials`);
        await clickAndLoad(page, `${reviewed} button:has-text("审核通过")`);
        expect(await notice(page)).toBe('材料已审核通过。');
        expect(await page.locator(`${reviewed} .badge`).first().textContent()).toBe('审核通过');
        await screenshots(page, 'organiser-team-approved');
      });
    });
  });
});

import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, PASSWORD } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { clickAndLoad, Flow, pageWidth, startServer, useBrowser } from './harness';

const OWN_ITEM = '公务用车管理不够规范，存在公车私用的苗头。';
const TEAM_ITEM = '会议太多太长，文山会海问题突出，基层疲于应付。';

describe("the leader's page /me/items in a phone browser (headless Chromium)", () => {
  const browser = useBrowser();
  let t: TestApp;
  let baseUrl: string;
  let team: TestTeam;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer({ BOX_SUBMIT_RATE_LIMIT: '1000' }));
    const org = await createOrg(t);
    const meeting = await createMeeting(t, org.admin);
    team = await createTeam(t, org, meeting.id, 3);
    // k = 3: the three opinions are released together.
    const box = await openBox(t, org.admin, meeting.id, { releaseThreshold: 3 });
    for (const member of team.members) await submitOpinion(t, box.slug, { text: OWN_ITEM, targetMemberId: member.id });
    await submitOpinion(t, box.slug, { text: TEAM_ITEM });
    await t.release();
    const published = await t.http.post(`/api/v1/meetings/${meeting.id}/items/publish`).set(org.admin.auth);
    if (published.status !== 200) throw new Error(`publishing failed: ${published.status} ${JSON.stringify(published.body)}`);
  });
  afterAll(() => t?.close());

  /** Signs in as the member through the page, landing on their items. */
  async function signIn({ page, step }: Flow, username: string): Promise<void> {
    await step('open /me/items: sent to the sign-in page', async () => {
      await page.goto(`${baseUrl}/me/items`);
      expect({ path: new URL(page.url()).pathname, heading: (await page.textContent('h1'))?.trim() }).toEqual({ path: '/login', heading: '登录' });
    });
    await step('sign in', async () => {
      await page.fill('#username', username);
      await page.fill('#password', PASSWORD);
      await clickAndLoad(page, '#login');
      expect({ path: new URL(page.url()).pathname, heading: (await page.textContent('h1'))?.trim() }).toEqual({ path: '/me/items', heading: '我的意见清单' });
    });
  }

  async function claimAndAnswer(flow: Flow, memberIndex: number): Promise<void> {
    const { page, step } = flow;
    await signIn(flow, team.members[memberIndex].username);
    await step('the list shows my item and the team\'s, in Chinese, fitting the phone', async () => {
      const summaries = await page.locator('.item .summary').allTextContents();
      expect(summaries.sort()).toEqual([OWN_ITEM, TEAM_ITEM].sort());
      const widths = await pageWidth(page);
      expect({ ...widths, fits: widths.scrollWidth <= widths.clientWidth }).toEqual({ ...widths, fits: true });
    });
    const item = page.locator('section.item', { hasText: OWN_ITEM });
    await step('claim my item as its lead', async () => {
      await Promise.all([page.waitForNavigation(), item.locator('button[value="lead"]').click()]);
      expect(await page.locator('.alert.notice').textContent()).toContain('已认领');
    });
    await step('answer it', async () => {
      const mine = page.locator('section.item', { hasText: OWN_ITEM });
      await mine.locator('textarea[name="reflection"]').fill('对公车管理制度执行不严，监督不到位。');
      await mine.locator('textarea[name="measures"]').fill('建立用车台账，每月公开使用情况。');
      await Promise.all([page.waitForNavigation(), mine.locator('form.answer-form button[type="submit"]').click()]);
      expect(await page.locator('section.item', { hasText: OWN_ITEM }).locator('.answer').textContent()).toContain('整改措施：建立用车台账，每月公开使用情况。');
    });
  }

  it('with JavaScript: sign in, claim, answer', () => browser.flow({ javaScript: true }, (flow) => claimAndAnswer(flow, 0)));
  it('without JavaScript: the same', () => browser.flow({ javaScript: false }, (flow) => claimAndAnswer(flow, 1)));
});

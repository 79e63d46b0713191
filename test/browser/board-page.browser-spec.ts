import { Role } from '../../src/common/roles';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam } from '../factories/meetings';
import { createOrg, PASSWORD, TestUser } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { clickAndLoad, Flow, launchChromium, pageWidth, PHONE, startServer, useBrowser } from './harness';

const ONE_MINUTE_MS = 60_000;

describe('the progress board /meetings/:id/board in a browser (headless Chromium)', () => {
  const browser = useBrowser();
  let t: TestApp;
  let baseUrl: string;
  let organiser: TestUser;
  let meetingId: string;
  let board: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer({ BOX_SUBMIT_RATE_LIMIT: '1000' }));
    const org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    const meeting = await createMeeting(t, organiser);
    await createTeam(t, org, meeting.id, 3);
    // k = 3: the three opinions are released together.
    const box = await openBox(t, organiser, meeting.id, { releaseThreshold: 3 });
    await submitOpinion(t, box.slug, { text: '理论学习走过场，联系实际不够。', aspect: meeting.aspects[0] });
    await submitOpinion(t, box.slug, { text: '会议偏多，文件偏长，基层疲于应付。', aspect: meeting.aspects[4] });
    await submitOpinion(t, box.slug, { text: '督查检查频次偏高，基层负担重。', aspect: meeting.aspects[4] });
    await t.release();
    meetingId = meeting.id;
    board = `/meetings/${meeting.id}/board`;
  });
  afterAll(() => t?.close());

  /** The number of opinions the server has for the meeting, as the board's API reads it. */
  async function total(): Promise<number> {
    const response = await t.http.get(`/api/v1${board.replace('/board', '/progress')}`).set(organiser.auth);
    if (response.status !== 200) throw new Error(`reading progress failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.opinions.total as number;
  }

  /** Opens the board signed out, signs in on the page it is sent to, and lands back on the board. */
  async function signInToBoard({ page, step }: Flow): Promise<void> {
    await step('open the board signed out: sent to the sign-in page', async () => {
      await page.goto(`${baseUrl}${board}`);
      expect({ path: new URL(page.url()).pathname, heading: (await page.textContent('h1'))?.trim() }).toEqual({ path: '/login', heading: '登录' });
    });
    await step('sign in as the organiser: back on the board', async () => {
      await page.fill('#username', organiser.username);
      await page.fill('#password', PASSWORD);
      await clickAndLoad(page, '#login');
      expect({ path: new URL(page.url()).pathname, heading: (await page.textContent('h1'))?.trim() }).toEqual({ path: board, heading: '2026年度专题民主生活会' });
    });
  }

  async function chartsRender({ page, step }: Flow, opinions: number): Promise<void> {
    await step('the figures, both charts and the talk grid are on the page, fitting a phone', async () => {
      expect(await page.textContent('#opinions-total')).toBe(String(opinions));
      for (const chart of ['#chart-aspects', '#chart-days']) {
        const size = await page.locator(chart).boundingBox();
        expect({ chart, drawn: !!size && size.width > 100 && size.height > 40 }).toEqual({ chart, drawn: true });
      }
      expect(await page.locator('#chart-aspects rect.chart-bar').count()).toBeGreaterThan(0);
      // Three required pairs, none held yet; the team's columns read both ways, so each shows twice.
      expect(await page.locator('#talk-grid td.talk-pending').count()).toBe(6);
      const widths = await pageWidth(page);
      expect({ ...widths, fits: widths.scrollWidth <= widths.clientWidth }).toEqual({ ...widths, fits: true });
    });
  }

  it('with JavaScript: the charts render, and once a minute (never sooner) new figures are swapped in without a reload', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      // A fake clock in the page, paused, so a minute passes at once and only when the test says:
      // a running one also moved with real time, and a slow sign-in then brought the refresh early.
      // The server's time is untouched.
      const start = new Date(Date.now() + 60_000);
      await page.clock.install({ time: start });
      // Paused a minute on, so that the moment the install took can never make it a step back.
      await page.clock.pauseAt(new Date(start.getTime() + 60_000));
      const before = await total();
      await signInToBoard(flow);
      await chartsRender(flow, before);

      const fragments: string[] = [];
      let navigations = 0;
      page.on('request', (request) => {
        if (request.url().includes('fragment=1')) fragments.push(request.url());
      });
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations += 1;
      });
      await page.evaluate('window.boardMarker = "same document"');
      // A written answer's opinion counts at once (a box's would wait for its release).
      const written = await t.http.post(`/api/v1/meetings/${meetingId}/written-opinions`).set(organiser.auth).send({ fromBody: '派驻纪检监察组', opinions: [{ text: '年轻干部培养力度不够，交流轮岗偏少。' }] });
      if (written.status !== 201) throw new Error(`recording a written answer failed: ${written.status}`);
      await t.drain();

      await step('59 seconds later: nothing has been asked for yet', async () => {
        await page.clock.runFor(ONE_MINUTE_MS - 1_000);
        expect({ fragmentRequests: fragments.length, shown: await page.textContent('#opinions-total') }).toEqual({ fragmentRequests: 0, shown: String(before) });
      });
      await step('a minute: the figures are fetched and the new total swapped in, in the same document', async () => {
        await Promise.all([page.waitForResponse((response) => response.url().includes('fragment=1') && response.status() === 200), page.clock.runFor(1_000)]);
        await page.locator('#opinions-total', { hasText: new RegExp(`^${before + 1}$`) }).waitFor();
        expect({ fragmentRequests: fragments.length, navigations, marker: await page.evaluate('window.boardMarker') }).toEqual({ fragmentRequests: 1, navigations: 0, marker: 'same document' });
        expect(await page.locator('#chart-days circle.chart-dot').count()).toBeGreaterThan(0);
      });
      await step('the next one comes a minute after, not before', async () => {
        await page.clock.runFor(ONE_MINUTE_MS - 1_000);
        expect(fragments.length).toBe(1);
        await Promise.all([page.waitForResponse((response) => response.url().includes('fragment=1')), page.clock.runFor(1_000)]);
        expect(fragments.length).toBe(2);
      });
    }));

  // Outside the harness's flow: Chromium logs the refused refresh (401) as a console error, which
  // the flow counts as a problem. Here exactly that one line is expected, and nothing else.
  it('signed out, the refresh stops at the next minute and says so, without leaving the page', async () => {
    const chromium = await launchChromium();
    try {
      const context = await chromium.newContext({ viewport: PHONE, locale: 'zh-CN', serviceWorkers: 'block' });
      context.setDefaultTimeout(5_000);
      const consoleErrors: string[] = [];
      // As in the harness: nothing may be fetched from another host.
      await context.route('**/*', (route) => {
        if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
        consoleErrors.push(`request to another host: ${route.request().url()}`);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
      const fragments: number[] = [];
      page.on('response', (response) => {
        if (response.url().includes('fragment=1')) fragments.push(response.status());
      });
      const start = new Date(Date.now() + 60_000);
      await page.clock.install({ time: start });
      // Paused a minute on, so that the moment the install took can never make it a step back.
      await page.clock.pauseAt(new Date(start.getTime() + 60_000));
      await signInToBoard({ page, context, step: (_name, run) => run() });

      await context.clearCookies();
      await Promise.all([page.waitForResponse((response) => response.url().includes('fragment=1')), page.clock.runFor(ONE_MINUTE_MS)]);
      await page.locator('#board-expired').waitFor({ state: 'visible' });
      expect(await page.textContent('#board-expired')).toContain('登录已过期，请重新登录');
      await page.clock.runFor(5 * ONE_MINUTE_MS);
      expect({ fragments, path: new URL(page.url()).pathname, figuresStillShown: await page.locator('#opinions-total').isVisible() }).toEqual({ fragments: [401], path: board, figuresStillShown: true });
      expect(consoleErrors.filter((line) => !/^Failed to load resource: the server responded with a status of 401\b.*fragment=1\)$/.test(line))).toEqual([]);
      await context.close();
    } finally {
      await chromium.close();
    }
  });

  it('without JavaScript: everything is on the page, with a note to reload by hand', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      await signInToBoard(flow);
      await chartsRender(flow, await total());
      await flow.step('the page says to reload by hand, and offers no form to post (but the shell\'s sign-out)', async () => {
        expect(await flow.page.textContent('main')).toContain('请手动刷新页面查看最新数据');
        expect(await flow.page.locator('main form').count()).toBe(0);
        expect(await flow.page.locator('form').count()).toBe(await flow.page.locator('header form.logout').count());
      });
    }));
});

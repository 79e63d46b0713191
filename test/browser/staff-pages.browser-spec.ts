import { Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoService } from '../../src/demo/demo.service';
import { login } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { unique } from '../setup/test-env';
import { clickAndLoad, Flow, pageWidth, startServer, useBrowser } from './harness';

const SMALL_PHONE = { width: 320, height: 640 };
const PHONE = { width: 375, height: 740 };
/** The least font size, in CSS pixels as drawn, of any text in the board's charts. */
const LEAST_CHART_TEXT_PX = 11;

/** The little of the DOM these flows read inside the page (the test build has no DOM types). */
interface DomRect {
  top: number;
}
interface DomElement {
  textContent: string | null;
  firstChild: unknown;
  getScreenCTM(): { a: number } | null;
}
declare const document: {
  getElementById(id: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createRange(): { setStart(node: unknown, offset: number): void; setEnd(node: unknown, offset: number): void; getClientRects(): ArrayLike<DomRect> };
};
declare const getComputedStyle: (element: unknown) => { fontSize: string };

/**
 * The staff's pages and the board on phones, from the demo organisation (示范单位) as a newcomer
 * finds it: the receipt code whole within each group at 320 px, the box page's way to the
 * receipt look-up, and the board fitting 375 px with readable chart labels.
 */
describe('staff pages and the board on a phone (headless Chromium, 320/375 px)', () => {
  const browser = useBrowser();
  let t: TestApp;
  let baseUrl: string;
  let boxPage: string;
  let board: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer({ BOX_SUBMIT_RATE_LIMIT: '1000' }));
    await t.app.get(DemoService).seedDemo();
    const auth = { authorization: `Bearer ${await login(t, 'organiser', DEMO_PASSWORD)}` };
    const [meeting] = (await t.http.get('/api/v1/meetings').set(auth)).body as Array<{ id: string }>;
    const [box] = (await t.http.get(`/api/v1/meetings/${meeting.id}/boxes`).set(auth)).body as Array<{ url: string }>;
    boxPage = `${baseUrl}${new URL(box.url).pathname}`;
    board = `/meetings/${meeting.id}/board`;
  });
  afterAll(() => t?.close());

  async function expectNoPageScroll(page: Page, width: number): Promise<void> {
    const widths = await pageWidth(page);
    expect({ width, ...widths, fits: widths.scrollWidth <= width }).toEqual({ width, ...widths, fits: true });
  }

  /** The receipt code's characters grouped by the line each is drawn on. */
  async function receiptLines(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const paragraph = document.getElementById('receipt')!;
      const text = paragraph.firstChild;
      const code = (paragraph.textContent ?? '').trim();
      const start = (paragraph.textContent ?? '').indexOf(code);
      const lines = new Map<number, string>();
      Array.from(code).forEach((character, index) => {
        const range = document.createRange();
        range.setStart(text, start + index);
        range.setEnd(text, start + index + 1);
        const top = Math.round(range.getClientRects()[0].top);
        lines.set(top, (lines.get(top) ?? '') + character);
      });
      return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line);
    });
  }

  for (const viewport of [SMALL_PHONE, PHONE]) {
    it(`at ${viewport.width} px: the box page links to the receipt look-up, and the receipt code never breaks inside a group`, () =>
      browser.flow({ javaScript: true }, async ({ page, step }: Flow) => {
        await page.setViewportSize(viewport);
        await step('open the demo box page: it fits, says leaders read the words as written, and links to /r', async () => {
          await page.goto(boxPage);
          await expectNoPageScroll(page, viewport.width);
          expect(await page.textContent('#verbatim-note')).toContain('原样');
          expect(await page.getAttribute('#receipt-lookup-link', 'href')).toBe('/r');
        });
        await step('write and send an opinion', async () => {
          await page.fill('#text', unique('节假日加班较多，希望合理安排工作任务，保障职工休息。'));
          const response = await clickAndLoad(page, '#submit');
          expect(response.status()).toBe(200);
        });
        await step('the receipt code: every group of four on one line, the page no wider than the phone', async () => {
          const lines = await receiptLines(page);
          const code = lines.join('');
          const groups = code.split('-');
          expect({ code, groupsOfFour: groups.length === 4 && groups.every((group) => group.length === 4) }).toEqual({ code, groupsOfFour: true });
          // A line may end after a group, never inside one.
          const brokenGroups = groups.filter((group) => !lines.some((line) => line.includes(group)));
          expect({ lines, brokenGroups }).toEqual({ lines, brokenGroups: [] });
          await expectNoPageScroll(page, viewport.width);
        });
      }));
  }

  /** The smallest chart text on the page, in CSS pixels as drawn (its font size times the chart's scale). */
  async function smallestChartText(page: Page): Promise<{ px: number; text: string }> {
    return page.evaluate(() => {
      const sizes = Array.from(document.querySelectorAll('svg.chart text')).map((element) => ({
        px: Math.round(parseFloat(getComputedStyle(element).fontSize) * (element.getScreenCTM()?.a ?? 0) * 10) / 10,
        text: element.textContent ?? '',
      }));
      return sizes.sort((a, b) => a.px - b.px)[0] ?? { px: 0, text: '(no chart text)' };
    });
  }

  for (const viewport of [PHONE, SMALL_PHONE]) {
    it(`at ${viewport.width} px: the supervisor's board fits without page scroll, its chart labels at ${LEAST_CHART_TEXT_PX} px or more`, () =>
      browser.flow({ javaScript: false }, async ({ page, step }: Flow) => {
        await page.setViewportSize(viewport);
        await step('sign in as the demo supervisor and open the board', async () => {
          await page.goto(`${baseUrl}${board}`);
          await page.fill('#username', 'supervisor1');
          await page.fill('#password', DEMO_PASSWORD);
          await clickAndLoad(page, '#login');
          expect(new URL(page.url()).pathname).toBe(board);
        });
        await step('no horizontal page scroll: wide tables scroll in their own box', async () => {
          await expectNoPageScroll(page, viewport.width);
          expect(await page.locator('#talk-grid td').count()).toBeGreaterThan(10);
        });
        await step('chart labels are readable', async () => {
          const smallest = await smallestChartText(page);
          expect({ smallest, readable: smallest.px >= LEAST_CHART_TEXT_PX }).toEqual({ smallest, readable: true });
        });
        await step('the board links the 督导组 to the published list', async () => {
          expect(await page.getAttribute('#list-link', 'href')).toBe(board.replace('/board', '/list'));
        });
      }));
  }
});

import { Page } from 'playwright-core';
import { Role } from '../../src/common/roles';
import { BoxScene, createBoxScene, submitOpinion } from '../factories/boxes';
import { createOrg, PASSWORD } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { clickAndLoad, Flow, pageWidth, startServer, useBrowser } from './harness';

const DESK = { width: 1280, height: 900 };
const TEXTS = ['某领导经常不在岗，找不到人。', '评先评优总是那几个人，希望更公开透明。', '公务用车管理要更规范。', '政治理论学习有时流于形式。', '对新情况新问题研究不够。'];

/**
 * 追问 in a browser: the organiser asks from the review page (with and without its script), the
 * writer answers on the receipt page of a 375 px phone without JavaScript, and the reply reaches
 * the review page only after the release.
 */
describe('asking an anonymous writer back (headless Chromium)', () => {
  const browser = useBrowser();
  let t: TestApp;
  let baseUrl: string;
  let scene: BoxScene;
  let receipts: string[];

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer());
    const org = await createOrg(t);
    scene = await createBoxScene(t, org);
    await org.user([Role.Staff]);
    await t.http.post(`/api/v1/meetings/${scene.meeting.id}/phase`).set(scene.organiser.auth).send({ phase: 'collecting' }).expect(200);
    receipts = [];
    for (const text of TEXTS) receipts.push(await submitOpinion(t, scene.box.slug, { text }));
    await t.release();
  });
  afterAll(() => t?.close());

  async function expectNoPageScroll(page: Page, width: number): Promise<void> {
    const widths = await pageWidth(page);
    expect({ width, ...widths, fits: widths.scrollWidth <= width }).toEqual({ width, ...widths, fits: true });
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${baseUrl}/meetings/${scene.meeting.id}/items`);
    await page.fill('#username', scene.organiser.username);
    await page.fill('#password', PASSWORD);
    await clickAndLoad(page, '#login');
    expect(new URL(page.url()).pathname).toBe(`/meetings/${scene.meeting.id}/items`);
  }

  /** The 追问 controls of the source with this text. */
  const sourceItem = (page: Page, text: string) => page.locator('.sources li', { hasText: text });

  it('at 375 px without a script: the organiser asks beside the anonymous source', () =>
    browser.flow({ javaScript: false }, async ({ page, step }: Flow) => {
      await step('sign in and open the review page', () => signIn(page));
      await step('open the sources and the 追问 form beside the first opinion, and ask', async () => {
        const source = sourceItem(page, TEXTS[0]);
        await page.locator('.review-item', { hasText: TEXTS[0] }).locator('details.sources > summary').first().click();
        await source.locator('details.ask > summary').click();
        await source.locator('textarea').fill('请问是哪个科室的领导？大约是哪几个月？');
        await clickAndLoad(page, `.sources li:has-text("${TEXTS[0]}") details.ask button`);
        expect(new URL(page.url()).search).toBe('?done=question');
        expect(await page.textContent('body')).toContain('已发出追问');
        expect(await page.textContent('body')).toContain('请问是哪个科室的领导？大约是哪几个月？');
        await expectNoPageScroll(page, 375);
      });
    }));

  it('at 375 px without a script: the writer reads the question with their receipt and replies', () =>
    browser.flow({ javaScript: false }, async ({ page, step }: Flow) => {
      await step('look up the receipt code', async () => {
        await page.goto(`${baseUrl}/r`);
        await page.fill('#receipt-input', receipts[0]);
        await clickAndLoad(page, '#lookup');
        expect(await page.textContent('#receipt-questions')).toContain('请问是哪个科室的领导？大约是哪几个月？');
        await expectNoPageScroll(page, 375);
      });
      await step('an empty reply comes back in the page', async () => {
        await page.fill('.reply-form textarea', '   ');
        // The browser itself refuses an empty required field; send blanks past it as a phone without validation would.
        await page.evaluate(() => document.querySelector('.reply-form textarea')?.removeAttribute('required'));
        const response = await clickAndLoad(page, '.reply-form button');
        expect(response.status()).toBe(400);
        expect(await page.textContent('#receipt-questions')).toContain('请填写答复内容');
      });
      await step('reply, and be told when it reaches the organiser', async () => {
        await page.fill('.reply-form textarea', '是后勤处的一位副处长，今年三月到六月经常不在办公室。');
        const response = await clickAndLoad(page, '.reply-form button');
        expect(response.status()).toBe(200);
        expect(await page.textContent('.reply-sent')).toMatch(/已收到您的答复，将在下次统一整理时（\d+月\d+日 \d{2}:00）转给组织者/);
        expect(await page.textContent('.asked .reply')).toBe('是后勤处的一位副处长，今年三月到六月经常不在办公室。');
        expect(await page.locator('.reply-form').count()).toBe(0);
        await expectNoPageScroll(page, 375);
      });
    }));

  it('at 1280 px with the script: the reply shows beside its source only after the release', () =>
    browser.flow({ javaScript: true }, async ({ page, step }: Flow) => {
      await page.setViewportSize(DESK);
      await step('before the release: the question, no reply', async () => {
        await signIn(page);
        expect(await sourceItem(page, TEXTS[0]).textContent()).toContain('尚无答复');
        expect(await page.textContent('body')).not.toContain('今年三月到六月');
      });
      await step('after the release: 答复（…整理）beside the source', async () => {
        await t.release();
        await page.reload();
        const [year, month, day] = t.clock.today().split('-').map(Number);
        expect(await sourceItem(page, TEXTS[0]).textContent()).toContain(`答复（${year}年${month}月${day}日整理）：是后勤处的一位副处长`);
      });
      await step('ask another question through the page script', async () => {
        const source = sourceItem(page, TEXTS[1]);
        await page.locator('.review-item', { hasText: TEXTS[1] }).locator('details.sources > summary').first().click();
        await source.locator('details.ask > summary').click();
        await source.locator('textarea').fill('能否举一两个例子？');
        await source.locator('details.ask button').click();
        await page.waitForSelector('text=已发出追问');
        expect(await sourceItem(page, TEXTS[1]).textContent()).toContain('能否举一两个例子？');
      });
    }));
});

declare const document: { querySelector(selector: string): { removeAttribute(name: string): void } | null };

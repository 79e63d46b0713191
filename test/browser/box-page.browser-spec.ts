import { Page } from 'playwright-core';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { RECEIPT_STATUS_TEXT } from '../../src/receipts/views/receipt-page';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { unique } from '../setup/test-env';
import { clickAndLoad, Flow, pageWidth, PHONE, startServer, useBrowser } from './harness';

const RECEIPT_FORMAT = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;
const ASPECT = '工作作风';

describe('意见箱 page in a phone browser (headless Chromium, 375 px)', () => {
  const browser = useBrowser();
  let t: TestApp;
  let baseUrl: string;
  let team: TestTeam;
  /** The box page's address on the test server (the path of the `url` the API gave). */
  let boxPage: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer());
    const org = await createOrg(t);
    const meeting = await createMeeting(t, org.admin);
    if (!meeting.aspects.includes(ASPECT)) throw new Error(`the test meeting's aspects (${meeting.aspects.join('、')}) lack ${ASPECT}`);
    team = await createTeam(t, org, meeting.id);
    const box = await t.http.post(`/api/v1/meetings/${meeting.id}/boxes`).set(org.admin.auth).send({ title: '2026年度民主生活会意见箱' });
    if (box.status !== 201) throw new Error(`opening a box failed: ${box.status} ${JSON.stringify(box.body)}`);
    boxPage = `${baseUrl}${new URL(box.body.url).pathname}`;
  });
  afterAll(() => t?.close());

  /** Opens the box page and checks it fits the phone's width. */
  async function openBoxPage({ page, step }: Flow): Promise<void> {
    await step(`open the box page ${boxPage}`, async () => {
      const response = await page.goto(boxPage);
      expect({ status: response?.status() }).toEqual({ status: 200 });
      await page.waitForSelector('form#opinion-form');
    });
    await step('the page fits 375 px: no horizontal scrolling', async () => {
      await expectFitsPhone(page);
    });
  }

  /** No horizontal scrolling: the page is no wider than the phone's 375 px. */
  async function expectFitsPhone(page: Page): Promise<void> {
    const widths = await pageWidth(page);
    expect({ ...widths, fitsIn375px: widths.scrollWidth <= PHONE.width }).toEqual({ ...widths, fitsIn375px: true });
  }

  /** Sends the form and reads the receipt code off the page that answers. */
  async function sendAndReadReceipt({ page, step }: Flow): Promise<string> {
    await step('send the form', async () => {
      const response = await clickAndLoad(page, '#submit');
      expect({ method: response.request().method(), url: response.url(), status: response.status() }).toEqual({ method: 'POST', url: `${boxPage}/opinions`, status: 200 });
    });
    return step('read the receipt code', async () => {
      const receipt = (await page.textContent('p#receipt'))?.trim() ?? '';
      expect({ receipt }).toEqual({ receipt: expect.stringMatching(RECEIPT_FORMAT) });
      return receipt;
    });
  }

  /** Follows the page's link to /r, looks the receipt up there, and expects "received". */
  async function lookUpReceipt({ page, step }: Flow, receipt: string): Promise<void> {
    await step('follow the link to the lookup page /r', async () => {
      const response = await clickAndLoad(page, 'main a[href="/r"]');
      expect({ url: response.url(), status: response.status() }).toEqual({ url: `${baseUrl}/r`, status: 200 });
    });
    await step('the lookup page fits 375 px', async () => {
      await expectFitsPhone(page);
    });
    await step(`look up the receipt ${receipt}`, async () => {
      await page.locator('#receipt-input').pressSequentially(receipt);
      const response = await clickAndLoad(page, '#lookup');
      expect({ method: response.request().method(), status: response.status() }).toEqual({ method: 'POST', status: 200 });
    });
    await step('the lookup says the opinion was received', async () => {
      const status = page.locator('p#receipt-status');
      expect({ status: await status.getAttribute('data-status'), text: (await status.textContent())?.trim() }).toEqual({
        status: 'received',
        text: RECEIPT_STATUS_TEXT.received,
      });
    });
  }

  /** The row the box stored for this text: exactly one, with what the form said. */
  async function storedOpinion(text: string): Promise<Pick<RawOpinion, 'text' | 'aspect' | 'targetMemberId' | 'channel'>[]> {
    const rows = await t.dataSource.getRepository(RawOpinion).find({ where: { text } });
    return rows.map(({ text: stored, aspect, targetMemberId, channel }) => ({ text: stored, aspect, targetMemberId, channel }));
  }

  const characters = (text: string) => Array.from(text).length;

  it('with JavaScript: fits 375 px, counts characters, sends, shows a receipt that /r finds, and sets no cookie', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, context, step } = flow;
      const text = unique('会议通知经常临时下发，基层准备时间太短，希望提前一周通知。');
      await openBoxPage(flow);

      await step('the page script replaces the served hint with a live count', async () => {
        expect({ count: await page.textContent('#text-count') }).toEqual({ count: '0 / 2000 字（至少 5 字）' });
      });
      await step(`choose the aspect ${ASPECT}`, () => page.selectOption('#aspect', { label: ASPECT }));
      await step('type the opinion', () => page.locator('#text').pressSequentially(text));
      await step('the character count follows the typing', async () => {
        expect({ count: await page.textContent('#text-count') }).toEqual({ count: `${characters(text)} / 2000 字` });
      });

      const receipt = await sendAndReadReceipt(flow);
      await lookUpReceipt(flow, receipt);

      await step('the box stored the opinion with the chosen aspect, for the team as a whole', async () => {
        expect(await storedOpinion(text)).toEqual([{ text, aspect: ASPECT, targetMemberId: null, channel: 'box' }]);
      });
      await step('no cookie was set on the way', async () => {
        expect({ cookies: await context.cookies() }).toEqual({ cookies: [] });
      });
    }));

  it('without JavaScript: the same flow works; the count stays as served and the copy button keeps its hidden attribute', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, context, step } = flow;
      const text = unique('学习安排和业务工作冲突时，希望班子统筹好时间。');
      const target = team.members[0];
      await openBoxPage(flow);

      await step(`choose the aspect ${ASPECT} and the team member ${target.displayName}`, async () => {
        await page.selectOption('#aspect', { label: ASPECT });
        await page.selectOption('#target', { label: target.displayName });
      });
      await step('type the opinion', () => page.locator('#text').pressSequentially(text));
      await step('without the script the count is the text the server wrote', async () => {
        expect({ count: await page.textContent('#text-count') }).toEqual({ count: '最多 2000 字' });
      });

      const receipt = await sendAndReadReceipt(flow);
      await step('the copy button keeps its hidden attribute without the script', async () => {
        expect({ hiddenAttribute: await page.locator('#copy-receipt').getAttribute('hidden') }).toEqual({ hiddenAttribute: '' });
      });
      await lookUpReceipt(flow, receipt);

      await step('the box stored the opinion with the chosen aspect and team member', async () => {
        expect(await storedOpinion(text)).toEqual([{ text, aspect: ASPECT, targetMemberId: target.id, channel: 'box' }]);
      });
      await step('no cookie was set on the way', async () => {
        expect({ cookies: await context.cookies() }).toEqual({ cookies: [] });
      });
    }));

  it('without JavaScript the copy button is not on screen: it cannot work without the script', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      await openBoxPage(flow);
      await step('type an opinion', () => page.locator('#text').pressSequentially(unique('复制按钮检查：')));
      await sendAndReadReceipt(flow);
      await step('the copy button is not visible', async () => {
        const button = page.locator('#copy-receipt');
        expect({ hiddenAttribute: await button.getAttribute('hidden'), visible: await button.isVisible() }).toEqual({ hiddenAttribute: '', visible: false });
      });
    }));

  it('a text too short for the server shows the error and keeps what was typed and chosen', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      const text = '太短了';
      await openBoxPage(flow);

      // A phone browser that ignores minlength sends the short text; the server must answer in words.
      await step("remove the textarea's minlength, as a browser that ignores it would", () =>
        page.locator('#text').evaluate((area) => area.removeAttribute('minlength')),
      );
      await step(`choose the aspect ${ASPECT} and type "${text}"`, async () => {
        await page.selectOption('#aspect', { label: ASPECT });
        await page.locator('#text').pressSequentially(text);
      });
      await step('send the form: 400 with the form again', async () => {
        const response = await clickAndLoad(page, '#submit');
        expect({ method: response.request().method(), status: response.status() }).toEqual({ method: 'POST', status: 400 });
      });
      await step('the error says what is wrong, in Chinese', async () => {
        expect({ alerts: await page.locator('.alert.error').allTextContents() }).toEqual({ alerts: [expect.stringContaining('意见内容至少 5 个字')] });
      });
      await step('what was typed and chosen is still there', async () => {
        expect({ text: await page.inputValue('#text'), aspect: await page.inputValue('#aspect'), target: await page.inputValue('#target') }).toEqual({
          text,
          aspect: ASPECT,
          target: '',
        });
      });
      await step('the page still fits 375 px with the error shown', async () => {
        await expectFitsPhone(page);
      });
      await step('nothing was stored', async () => {
        expect(await storedOpinion(text)).toEqual([]);
      });
    }));

  it('a text that is long enough only with its surrounding spaces passes the browser, and the server refuses it in words', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      const text = '   太短   ';
      await openBoxPage(flow);
      await step(`type "${text}" (2 characters once trimmed)`, () => page.locator('#text').pressSequentially(text));
      await step('the count tells the writer it is too short', async () => {
        expect({ count: await page.textContent('#text-count') }).toEqual({ count: '2 / 2000 字（至少 5 字）' });
      });
      await step('send the form: 400 with the error and the text kept', async () => {
        const response = await clickAndLoad(page, '#submit');
        expect({ status: response.status(), alerts: await page.locator('.alert.error').allTextContents(), text: await page.inputValue('#text') }).toEqual({
          status: 400,
          alerts: [expect.stringContaining('意见内容至少 5 个字')],
          text,
        });
      });
    }));
});

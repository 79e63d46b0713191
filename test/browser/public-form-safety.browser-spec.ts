import { Page } from 'playwright-core';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { SurveyResponse } from '../../src/surveys/survey-response.entity';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { unique } from '../setup/test-env';
import { clickAndLoad, Flow, launchChromium, PHONE, startServer, useBrowser } from './harness';

const RECEIPT_FORMAT = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;
const HOUR_MS = 3600 * 1000;

/** The start of the next clock hour (a window of the default PUBLIC_RATE_WINDOW_SECONDS), plus a second. */
const nextWindowStart = (now: Date) => new Date(Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS + 1000);

describe('the box page keeps words and sends once (headless Chromium, default limits)', () => {
  const browser = useBrowser();
  let t: TestApp;
  let baseUrl: string;
  let org: TestOrg;
  let meetingId: string;

  beforeAll(async () => {
    // No limit is set: what an office gets out of the box.
    ({ t, baseUrl } = await startServer());
    org = await createOrg(t);
    meetingId = (await createMeeting(t, org.admin)).id;
  });
  afterAll(() => t?.close());

  /** A new box (with an access code when given); returns its id and its page on the test server. */
  async function newBox(accessCode?: string): Promise<{ id: string; page: string }> {
    const box = await t.http.post(`/api/v1/meetings/${meetingId}/boxes`).set(org.admin.auth).send({ title: '食堂和后勤意见箱', ...(accessCode ? { accessCode } : {}) });
    if (box.status !== 201) throw new Error(`opening a box failed: ${box.status} ${JSON.stringify(box.body)}`);
    return { id: box.body.id, page: `${baseUrl}${new URL(box.body.url).pathname}` };
  }

  const storedCount = (boxId: string) => t.dataSource.getRepository(RawOpinion).count({ where: { sourceId: boxId, channel: 'box' } });

  async function openForm({ page, step }: Flow, boxPage: string): Promise<void> {
    await step(`open the box page ${boxPage}`, async () => {
      const response = await page.goto(boxPage);
      expect({ status: response?.status() }).toEqual({ status: 200 });
      await page.waitForSelector('form#opinion-form');
    });
  }

  /** Types the text (and the code), sends, and returns the status the page came back with. */
  async function write({ page, step }: Flow, text: string, accessCode?: string): Promise<number> {
    await step('type the opinion', () => page.fill('#text', text));
    if (accessCode !== undefined) await step(`type the access code ${accessCode}`, () => page.fill('#access-code', accessCode));
    return step('send the form', async () => (await clickAndLoad(page, '#submit')).status());
  }

  async function expectTextKept(page: Page, text: string, alert: RegExp): Promise<void> {
    expect({ text: await page.inputValue('#text'), alerts: await page.locator('.alert.error').allTextContents() }).toEqual({ text, alerts: [expect.stringMatching(alert)] });
  }

  it.each([{ javaScript: true }, { javaScript: false }])('a reload of the receipt page (javaScript: $javaScript) stores nothing, says it was already sent, and shows no receipt again', ({ javaScript }) =>
    browser.flow({ javaScript }, async (flow) => {
      const { page, step } = flow;
      const box = await newBox();
      await openForm(flow, box.page);
      expect(await write(flow, unique('回执页会被手机自动刷新：'))).toBe(200);
      await step('the receipt is shown', async () => {
        expect({ receipt: (await page.textContent('p#receipt'))?.trim() }).toEqual({ receipt: expect.stringMatching(RECEIPT_FORMAT) });
      });
      const stored = await storedCount(box.id);
      expect(stored).toBe(1);

      await step('reload the receipt page: the form is sent again, and refused as already sent', async () => {
        const response = await page.reload();
        expect({ method: response?.request().method(), status: response?.status(), heading: (await page.textContent('h1'))?.trim(), receipts: await page.locator('#receipt').count() }).toEqual({
          method: 'POST',
          status: 409,
          heading: '这条意见已经提交过了',
          receipts: 0,
        });
      });
      await step('nothing more was stored', async () => {
        expect({ stored: await storedCount(box.id) }).toEqual({ stored: 1 });
      });
    }));

  // The harness routes every request (to refuse other hosts), and Playwright turns the HTTP cache
  // off for a routed context; Back from the receipt page is served from that cache in a phone's
  // browser. So this flow runs in a context of its own, without routing, as a phone would.
  it('Back and send again stores nothing either: Back shows the form as it was sent, with its nonce', async () => {
    const box = await newBox();
    const text = unique('返回上一页再点一次提交：');
    const chromium = await launchChromium();
    try {
      const page = await (await chromium.newContext({ viewport: PHONE, locale: 'zh-CN' })).newPage();
      await page.goto(box.page);
      const sentNonce = await page.inputValue('input[name="nonce"]');
      await page.fill('#text', text);
      expect((await clickAndLoad(page, '#submit')).status()).toBe(200);
      await page.goBack();
      await page.waitForSelector('form#opinion-form');
      expect({ nonceAfterBack: await page.inputValue('input[name="nonce"]') }).toEqual({ nonceAfterBack: sentNonce });
      if ((await page.inputValue('#text')) !== text) await page.fill('#text', text);
      const again = await clickAndLoad(page, '#submit');
      expect({ status: again.status(), heading: (await page.textContent('h1'))?.trim(), stored: await storedCount(box.id) }).toEqual({ status: 409, heading: '这条意见已经提交过了', stored: 1 });
    } finally {
      await chromium.close();
    }
  });

  it('a refused submission keeps its text: too short (400) and a wrong access code (403)', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      const box = await newBox('ROOM42');
      await openForm(flow, box.page);
      await step("remove the textarea's required length checks, as a browser that ignores them would", () =>
        page.locator('#text').evaluate((area) => {
          area.removeAttribute('minlength');
          area.removeAttribute('required');
        }),
      );
      expect(await write(flow, '太短了', 'ROOM42')).toBe(400);
      await step('400: the text is still there, with the problem', () => expectTextKept(page, '太短了', /意见内容至少 5 个字。您写的内容已保留在下面/));

      const text = unique('访问码抄错了，但意见要留住：');
      expect(await write(flow, text, 'ROOM24')).toBe(403);
      await step('403: the text and the code are still there, with what to do', async () => {
        await expectTextKept(page, text, /访问码不正确，请核对海报上的访问码。您写的内容已保留在下面，改好访问码后再提交/);
        expect({ code: await page.inputValue('#access-code') }).toEqual({ code: 'ROOM24' });
      });
      expect(await write(flow, text, 'ROOM42')).toBe(200);
      await step('with the right code it goes through, once', async () => {
        expect({ receipt: (await page.textContent('p#receipt'))?.trim(), stored: await storedCount(box.id) }).toEqual({ receipt: expect.stringMatching(RECEIPT_FORMAT), stored: 1 });
      });
    }));

  it(
    'takes 300 submissions from one address within an hour, refuses a flood from it with 429, and keeps the refused text',
    () =>
      browser.flow({ javaScript: true }, async (flow) => {
        const { page, step } = flow;
        const box = await newBox();
        // A fresh clock hour: the limiter's windows follow the app's clock.
        t.clock.set(nextWindowStart(t.clock.now()));

        const refused: Array<{ colleague: number; status: number }> = [];
        for (let colleague = 1; colleague <= 300; colleague += 1) {
          // 300 colleagues behind the office's one address, one after another over 55 minutes.
          await page.goto(box.page);
          const status = await write(flow, `第${colleague}位同事：希望减少重复填表，基层负担能轻一些（${colleague}）。`);
          if (status !== 200) refused.push({ colleague, status });
          t.clock.advance(11_000);
        }
        await step('all 300 were accepted and stored', async () => {
          expect({ refused, stored: await storedCount(box.id) }).toEqual({ refused: [], stored: 300 });
        });

        await step('a script floods the box from the same address in the same hour: refused after 600 accepted', async () => {
          const statuses: number[] = [];
          for (let index = 1; index <= 301; index += 1) {
            statuses.push((await t.http.post(`/api/v1/public/boxes/${box.page.split('/b/')[1]}/opinions`).send({ text: `灌水脚本的第${index}条意见。` })).status);
          }
          expect({ accepted: statuses.filter((status) => status === 201).length, last: statuses[300] }).toEqual({ accepted: 300, last: 429 });
        });

        const text = unique('被限流时写好的意见不能丢：');
        await page.goto(box.page);
        expect(await write(flow, text)).toBe(429);
        await step('429: the text is still there, with how long to wait', () => expectTextKept(page, text, /提交太频繁，请 \d+ 分钟后再试，您写的内容已保留在下面/));
        await step('nothing more was stored', async () => {
          expect({ stored: await storedCount(box.id) }).toEqual({ stored: 600 });
        });
      }),
    // 300 real submissions through the page: minutes on a busy 2-core machine.
    600_000,
  );
});

describe('the survey page keeps words when refused (headless Chromium, one answer per address and hour)', () => {
  const browser = useBrowser();
  let t: TestApp;
  let baseUrl: string;
  let org: TestOrg;
  let meetingId: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer({ SURVEY_SUBMIT_RATE_LIMIT: '1' }));
    org = await createOrg(t);
    meetingId = (await createMeeting(t, org.admin)).id;
  });
  afterAll(() => t?.close());

  async function surveyPages(count: number): Promise<{ surveyId: string; pages: string[] }> {
    const questions = [
      { kind: 'rating', prompt: '您对领导班子的总体评价（1–5 分）' },
      { kind: 'text', prompt: '您对班子还有哪些意见建议？' },
    ];
    const survey = await t.http.post(`/api/v1/meetings/${meetingId}/surveys`).set(org.admin.auth).send({ title: '征求意见表', questions });
    if (survey.status !== 201) throw new Error(`creating a survey failed: ${survey.status} ${JSON.stringify(survey.body)}`);
    const issued = await t.http.post(`/api/v1/surveys/${survey.body.id}/tokens`).set(org.admin.auth).send({ count });
    if (issued.status !== 201) throw new Error(`issuing tokens failed: ${issued.status} ${JSON.stringify(issued.body)}`);
    return { surveyId: survey.body.id, pages: issued.body.urls.map((url: string) => `${baseUrl}${new URL(url).pathname}`) };
  }

  it('a 429 shows the form again with the text and the rating kept; the answer goes through in the next hour', () =>
    browser.flow({ javaScript: true }, async ({ page, step }) => {
      const { surveyId, pages } = await surveyPages(2);
      t.clock.set(nextWindowStart(t.clock.now()));
      const answerOn = async (surveyPage: string, text: string) => {
        await page.goto(surveyPage);
        await page.check('#q0-3');
        await page.fill('#q1', text);
        return (await clickAndLoad(page, '#submit')).status();
      };
      await step('the first colleague answers: 303 to the thanks', async () => {
        expect(await answerOn(pages[0], '第一位同事的意见。')).toBe(303);
      });
      const text = unique('第二位同事写了很长的意见，被限流了也不能丢：');
      await step('the second colleague from the same address in the same hour: 429', async () => {
        expect(await answerOn(pages[1], text)).toBe(429);
      });
      await step('the text and the rating are still there, with how long to wait', async () => {
        expect({
          text: await page.inputValue('#q1'),
          rating: await page.isChecked('#q0-3'),
          alerts: await page.locator('.alert.error').allTextContents(),
        }).toEqual({ text, rating: true, alerts: [expect.stringMatching(/提交太频繁，请 \d+ 分钟后再试。您填写的内容都已保留在下面/)] });
      });
      await step('in the next hour the same form goes through as it is', async () => {
        t.clock.advance(HOUR_MS);
        const response = await clickAndLoad(page, '#submit');
        expect({ status: response.status() }).toEqual({ status: 303 });
        expect(await t.dataSource.getRepository(SurveyResponse).count({ where: { surveyId } })).toBe(2);
      });
    }));
});

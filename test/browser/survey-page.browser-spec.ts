import { Page } from 'playwright-core';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { SurveyResponse } from '../../src/surveys/survey-response.entity';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg } from '../factories/organizations';
import { TestApp } from '../setup/test-app';
import { unique } from '../setup/test-env';
import { clickAndLoad, Flow, pageWidth, startServer, useBrowser } from './harness';

const ASPECT = '工作作风';
const SURVEY_TITLE = '2026年度民主生活会征求意见表';
/** A small phone: narrower than the harness's 375 px. */
const PHONE_360 = { width: 360, height: 740 };
/** The form's red (#b42318), as the browser computes it. */
const ERROR_RED = 'rgb(180, 35, 24)';

/** Questions of every kind: 0 rating, 1 single, 2 multi, 3 text under an aspect (required), 4 optional text. */
const QUESTIONS = [
  { kind: 'rating', prompt: '您对领导班子的总体评价（1–5 分）' },
  { kind: 'single', prompt: '班子作风建设情况', options: ['好', '较好', '一般', '较差'] },
  { kind: 'multi', prompt: '您认为最需要改进的方面（可多选）', options: ['调查研究', '联系群众', '会风文风', '干部培养'] },
  { kind: 'text', prompt: `在“${ASPECT}”方面，您对班子有何意见建议？`, aspect: ASPECT },
  { kind: 'text', prompt: '其他意见建议', required: false },
];

/** The little of the DOM these flows read inside the page (the test build has no DOM types). */
declare const getComputedStyle: (element: unknown) => { color: string };

describe('征求意见表 page in a phone browser (headless Chromium, 360 px)', () => {
  const browser = useBrowser();
  let t: TestApp;
  let baseUrl: string;
  let org: TestOrg;
  let meetingId: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startServer());
    org = await createOrg(t);
    const meeting = await createMeeting(t, org.admin);
    if (!meeting.aspects.includes(ASPECT)) throw new Error(`the test meeting's aspects (${meeting.aspects.join('、')}) lack ${ASPECT}`);
    meetingId = meeting.id;
  });
  afterAll(() => t?.close());

  /** A new survey with one token; returns the survey's id and the page's address on the test server (the path of the `url` the API gave). */
  async function newSurvey(): Promise<{ surveyId: string; surveyPage: string }> {
    const survey = await t.http.post(`/api/v1/meetings/${meetingId}/surveys`).set(org.admin.auth).send({ title: SURVEY_TITLE, questions: QUESTIONS });
    if (survey.status !== 201) throw new Error(`creating a survey failed: ${survey.status} ${JSON.stringify(survey.body)}`);
    const issued = await t.http.post(`/api/v1/surveys/${survey.body.id}/tokens`).set(org.admin.auth).send({ count: 1 });
    if (issued.status !== 201 || issued.body.urls?.length !== 1) throw new Error(`issuing a token failed: ${issued.status} ${JSON.stringify(issued.body)}`);
    return { surveyId: survey.body.id, surveyPage: `${baseUrl}${new URL(issued.body.urls[0]).pathname}` };
  }

  /** Opens the survey page at 360 px and checks it is the Chinese form and fits the phone's width. */
  async function openSurveyPage({ page, step }: Flow, surveyPage: string): Promise<void> {
    await step('narrow the phone to 360 px', () => page.setViewportSize(PHONE_360));
    await step(`open the survey page ${surveyPage}`, async () => {
      const response = await page.goto(surveyPage);
      expect({ status: response?.status() }).toEqual({ status: 200 });
      await page.waitForSelector('form#survey-form');
    });
    await step('the form is in Chinese, with every question', async () => {
      expect({
        lang: await page.getAttribute('html', 'lang'),
        heading: (await page.textContent('h1'))?.trim(),
        questions: await page.locator('fieldset.question').count(),
        firstQuestion: (await page.textContent('#q0-field legend'))?.replace(/\s+/g, ' ').trim(),
        submit: (await page.textContent('#submit'))?.trim(),
      }).toEqual({ lang: 'zh-CN', heading: SURVEY_TITLE, questions: QUESTIONS.length, firstQuestion: `1. ${QUESTIONS[0].prompt} *`, submit: '提交' });
    });
    await step('the page fits 360 px: no horizontal scrolling', async () => {
      await expectFitsPhone(page);
    });
  }

  /** No horizontal scrolling: the page is no wider than the phone's 360 px. */
  async function expectFitsPhone(page: Page): Promise<void> {
    const widths = await pageWidth(page);
    expect({ ...widths, fitsIn360px: widths.scrollWidth <= PHONE_360.width }).toEqual({ ...widths, fitsIn360px: true });
  }

  /** Which of a question's radios or checkboxes are ticked, by position. */
  async function ticked(page: Page, questionIndex: number, positions: number): Promise<number[]> {
    const checked: number[] = [];
    for (let position = 0; position < positions; position += 1) if (await page.isChecked(`#q${questionIndex}-${position}`)) checked.push(position);
    return checked;
  }

  /** What this survey stored: its answers and the opinions its texts became. */
  async function storedFor(surveyId: string) {
    const responses = await t.dataSource.getRepository(SurveyResponse).find({ where: { surveyId } });
    const opinions = await t.dataSource.getRepository(RawOpinion).find({ where: { sourceId: surveyId, channel: 'survey' } });
    return {
      answers: responses.map((response) => response.answers),
      opinions: opinions.map(({ text, aspect }) => ({ text, aspect })).sort((a, b) => a.text.localeCompare(b.text)),
    };
  }

  /**
   * The whole flow: the form at 360 px; sent with the rating (required) left out, it comes back
   * with the problem beside that question and everything kept; completed, it thanks without a
   * receipt; the same link then says it was used.
   */
  async function answerTheSurvey(flow: Flow): Promise<void> {
    const { page, step } = flow;
    const { surveyId, surveyPage } = await step('create a survey with one token', () => newSurvey());
    const aspectText = unique('调研多集中在机关，下基层次数偏少。');
    const otherText = unique('希望多开座谈会，听听基层的声音。');
    await openSurveyPage(flow, surveyPage);

    await step('choose "较好", tick "调查研究" and "会风文风", type both texts, leave the rating out', async () => {
      await page.check('#q1-1');
      await page.check('#q2-0');
      await page.check('#q2-2');
      await page.locator('#q3').pressSequentially(aspectText);
      await page.locator('#q4').pressSequentially(otherText);
    });
    await step('send the form: 400 with the form again', async () => {
      const response = await clickAndLoad(page, '#submit');
      expect({ method: response.request().method(), url: response.url(), status: response.status() }).toEqual({ method: 'POST', url: surveyPage, status: 400 });
    });
    await step('a red message beside the rating says it must be answered, and nowhere else', async () => {
      const error = page.locator('#q0-error');
      expect({
        alerts: await page.locator('.alert.error').allTextContents(),
        message: (await error.textContent())?.trim(),
        visible: await error.isVisible(),
        colour: await error.evaluate((node) => getComputedStyle(node).color),
        insideTheRatingQuestion: await page.locator('#q0-field > #q0-error').count(),
        ratingQuestionClass: await page.getAttribute('#q0-field', 'class'),
        ratingDescribedBy: await page.getAttribute('#q0-0', 'aria-describedby'),
        errorsOnThePage: await page.locator('.field-error').count(),
        invalidQuestions: await page.locator('fieldset.invalid').count(),
      }).toEqual({
        alerts: ['有 1 道题需要修改，请看题目下方的红色提示。您填写的内容都已保留。'],
        message: '此题为必答题，请作答',
        visible: true,
        colour: ERROR_RED,
        insideTheRatingQuestion: 1,
        ratingQuestionClass: 'question invalid rating',
        ratingDescribedBy: 'q0-error',
        errorsOnThePage: 1,
        invalidQuestions: 1,
      });
    });
    await step('the message is shown in the rating question, above its choices', async () => {
      const [field, error, firstChoice] = await Promise.all(['#q0-field', '#q0-error', '#q0-0'].map((selector) => page.locator(selector).boundingBox()));
      expect({
        withinTheQuestion: !!field && !!error && error.y >= field.y && error.y + error.height <= field.y + field.height,
        aboveTheChoices: !!error && !!firstChoice && error.y + error.height <= firstChoice.y,
      }).toEqual({ withinTheQuestion: true, aboveTheChoices: true });
    });
    await step('what was typed and ticked is still there', async () => {
      expect({
        rating: await ticked(page, 0, 5),
        single: await ticked(page, 1, 4),
        multi: await ticked(page, 2, 4),
        aspectText: await page.inputValue('#q3'),
        otherText: await page.inputValue('#q4'),
      }).toEqual({ rating: [], single: [1], multi: [0, 2], aspectText, otherText });
    });
    await step('the page still fits 360 px with the error shown', async () => {
      await expectFitsPhone(page);
    });
    await step('nothing was stored', async () => {
      expect(await storedFor(surveyId)).toEqual({ answers: [], opinions: [] });
    });

    await step('give the rating 4', () => page.check('#q0-3'));
    await step('send the form: 303 to the page again (post/redirect/get), which thanks', async () => {
      const response = await clickAndLoad(page, '#submit');
      expect({ method: response.request().method(), url: response.url(), status: response.status() }).toEqual({ method: 'POST', url: surveyPage, status: 303 });
      await page.waitForURL(`${surveyPage}?sent=1`);
    });
    await step('the page thanks the person and shows no receipt', async () => {
      const text = (await page.textContent('main')) ?? '';
      expect({
        heading: (await page.textContent('h1'))?.trim(),
        forms: await page.locator('form').count(),
        receipts: await page.locator('#receipt, .receipt').count(),
        mentionsAReceipt: text.includes('回执码'),
      }).toEqual({ heading: '提交成功，感谢您的参与！', forms: 0, receipts: 0, mentionsAReceipt: false });
    });
    await step('the thanks page fits 360 px', async () => {
      await expectFitsPhone(page);
    });
    await step('the survey stored the answers, and the texts as opinions under their aspects', async () => {
      expect(await storedFor(surveyId)).toEqual({
        answers: [{ 0: 4, 1: 1, 2: [0, 2], 3: true, 4: true }],
        opinions: [
          { text: aspectText, aspect: ASPECT },
          { text: otherText, aspect: null },
        ].sort((a, b) => a.text.localeCompare(b.text)),
      });
    });

    await step('reload the thanks page, as phones do on their own: the thanks again, nothing sent', async () => {
      const response = await page.reload();
      expect({ method: response?.request().method(), status: response?.status(), heading: (await page.textContent('h1'))?.trim(), forms: await page.locator('form').count() }).toEqual({
        method: 'GET',
        status: 200,
        heading: '提交成功，感谢您的参与！',
        forms: 0,
      });
      expect((await storedFor(surveyId)).answers).toHaveLength(1);
    });
    await step('open the same link again: already answered, said kindly (200, not an error)', async () => {
      const response = await page.goto(surveyPage);
      expect({ status: response?.status(), title: await page.title(), heading: (await page.textContent('h1'))?.trim(), forms: await page.locator('form').count() }).toEqual({
        status: 200,
        title: '已经提交过了',
        heading: '这份征求意见表已经提交过了',
        forms: 0,
      });
    });
    await step('that page fits 360 px too', async () => {
      await expectFitsPhone(page);
    });
  }

  it('with JavaScript: fits 360 px; a missing answer is shown beside its question with everything kept; then thanks, and the link is used', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      await answerTheSurvey(flow);
      await flow.step('no cookie was set on the way', async () => {
        expect({ cookies: await flow.context.cookies() }).toEqual({ cookies: [] });
      });
    }));

  it('without JavaScript: the same flow works, and the counts stay as served', () =>
    browser.flow({ javaScript: false }, async (flow) => {
      const { page, step } = flow;
      await answerTheSurvey(flow);
      await step('no cookie was set on the way', async () => {
        expect({ cookies: await flow.context.cookies() }).toEqual({ cookies: [] });
      });

      const { surveyPage } = await step('create another survey with one token', () => newSurvey());
      await openSurveyPage(flow, surveyPage);
      await step('type in the aspect question', () => page.locator('#q3').pressSequentially('会议太多。'));
      await step('without the script every count is the text the server wrote', async () => {
        expect({ counts: await page.locator('textarea[data-max] + output.count').allTextContents() }).toEqual({ counts: ['最多 2000 字', '最多 2000 字'] });
      });
    }));

  // /assets/tanxin.js finds a textarea's counter by `getElementById(area.id + '-count')`.
  it('with JavaScript: the page script turns each text counter into a live count that follows the typing', () =>
    browser.flow({ javaScript: true }, async (flow) => {
      const { page, step } = flow;
      const { surveyPage } = await step('create a survey with one token', () => newSurvey());
      const text = '会议通知经常临时下发，希望提前一周。😀';
      await openSurveyPage(flow, surveyPage);
      await step('the page script replaces the served hints with live counts', async () => {
        expect({ counts: await page.locator('textarea[data-max] + output.count').allTextContents() }).toEqual({ counts: ['0 / 2000 字', '0 / 2000 字'] });
      });
      await step('type in the aspect question', () => page.locator('#q3').pressSequentially(text));
      await step("that question's count follows the typing, in characters; the other stays at 0", async () => {
        expect({ counts: await page.locator('textarea[data-max] + output.count').allTextContents() }).toEqual({
          counts: [`${Array.from(text).length} / 2000 字`, '0 / 2000 字'],
        });
      });
    }));
});

import ExcelJS from 'exceljs';
import { Role } from '../../src/common/roles';
import { SurveyToken } from '../../src/surveys/survey-token.entity';
import { createMeeting, createTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { answer, createSurvey, fullAnswers, issueTokens, storedForSurvey, surveyBody, TOKEN_FORMAT } from '../factories/surveys';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';

describe(`surveys (征求意见表) (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let meeting: { id: string; aspects: string[] };
  let aspect: string;

  beforeAll(async () => {
    t = await createTestApp({ SURVEY_SUBMIT_RATE_LIMIT: '100000', PUBLIC_READ_RATE_LIMIT: '100000' });
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    meeting = await createMeeting(t, organiser);
    await createTeam(t, org, meeting.id, 3);
    aspect = meeting.aspects[0];
  });
  afterAll(() => t.close());

  /** A fresh survey of `surveyBody` with `count` tokens. */
  async function surveyWithTokens(count: number, overrides: Record<string, unknown> = {}) {
    const survey = await createSurvey(t, organiser, meeting.id, surveyBody(aspect, overrides));
    return { survey, tokens: await issueTokens(t, organiser, survey.id, count) };
  }

  const post = (token: string, body: unknown) => t.http.post(`/api/v1/public/surveys/${token}/responses`).send(body as object);

  describe('building a survey', () => {
    it('creates a survey, open at once, anonymous unless said otherwise, every question required unless said otherwise', async () => {
      const body = surveyBody(aspect);
      delete (body as { anonymous?: boolean }).anonymous;
      const response = await t.http.post(`/api/v1/meetings/${meeting.id}/surveys`).set(organiser.auth).send(body);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ meetingId: meeting.id, title: body.title, anonymous: true, open: true, closedAt: null, tokensIssued: 0, responses: 0 });
      expect(response.body.questions.map((question: { index: number; kind: string; required: boolean; aspect: string | null }) => [question.index, question.kind, question.required, question.aspect])).toEqual([
        [0, 'rating', true, null],
        [1, 'single', true, null],
        [2, 'multi', true, null],
        [3, 'text', true, aspect],
        [4, 'text', false, null],
      ]);
      const list = await t.http.get(`/api/v1/meetings/${meeting.id}/surveys`).set(organiser.auth).expect(200);
      expect(list.body.map((survey: { id: string }) => survey.id)).toContain(response.body.id);
    });

    it('offers a ready-made form for the meeting\'s aspects and creates it in one step', async () => {
      const template = await t.http.get(`/api/v1/meetings/${meeting.id}/surveys/template`).set(organiser.auth).expect(200);
      const texts = template.body.questions.filter((question: { kind: string }) => question.kind === 'text');
      expect(texts.map((question: { aspect?: string }) => question.aspect).filter(Boolean)).toEqual(meeting.aspects);
      expect(texts[texts.length - 1].prompt).toMatch(/^对照以上.+个方面，您对班子和班子成员还有哪些意见建议？$/);

      const created = await t.http.post(`/api/v1/meetings/${meeting.id}/surveys/from-template`).set(organiser.auth).expect(201);
      expect(created.body.questions).toHaveLength(template.body.questions.length);
      expect(created.body.anonymous).toBe(true);
    });

    it.each([
      ['a choice question without options', { questions: [{ kind: 'single', prompt: '评价' }] }, 'questions.0.options'],
      ['options on a rating question', { questions: [{ kind: 'rating', prompt: '评分', options: ['a', 'b'] }] }, 'questions.0.options'],
      ['the same option twice', { questions: [{ kind: 'multi', prompt: '评价', options: ['好', '好'] }] }, 'questions.0.options'],
      ['an aspect on a choice question', { questions: [{ kind: 'single', prompt: '评价', options: ['好', '差'], aspect: '政治建设' }] }, 'questions.0.aspect'],
      ['an aspect the meeting does not have', { questions: [{ kind: 'text', prompt: '意见', aspect: '不存在的方面' }] }, 'questions.0.aspect'],
      ['an unknown kind', { questions: [{ kind: 'essay', prompt: '意见' }] }, 'questions.0.kind'],
      ['no questions', { questions: [] }, 'questions'],
      ['an unknown field', { colour: 'red' }, 'colour'],
    ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
      const response = await t.http.post(`/api/v1/meetings/${meeting.id}/surveys`).set(organiser.auth).send({ title: '征求意见表', ...overrides });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    });

    it('is for organisers: a team member may not create one (403), another organisation cannot see it (404)', async () => {
      const leader = await org.user([Role.Leader]);
      await t.http.post(`/api/v1/meetings/${meeting.id}/surveys`).set(leader.auth).send(surveyBody(aspect)).expect(403);
      const { survey } = await surveyWithTokens(1);
      const stranger = (await createOrg(t)).admin;
      for (const path of [`/api/v1/surveys/${survey.id}`, `/api/v1/surveys/${survey.id}/results`]) {
        await t.http.get(path).set(stranger.auth).expect(404);
      }
      await t.http.post(`/api/v1/surveys/${survey.id}/tokens`).set(stranger.auth).send({ count: 1 }).expect(404);
    });
  });

  describe('tokens (填写码)', () => {
    it('issues N one-time tokens with their links, stores only keyed hashes, and counts them', async () => {
      const survey = await createSurvey(t, organiser, meeting.id, surveyBody(aspect));
      const response = await t.http.post(`/api/v1/surveys/${survey.id}/tokens`).set(organiser.auth).send({ count: 25 });
      expect(response.status).toBe(201);
      expect(response.headers['cache-control']).toBe('no-store');
      const { tokens, urls } = response.body;
      expect(tokens).toHaveLength(25);
      expect(new Set(tokens).size).toBe(25);
      for (const token of tokens) expect(token).toMatch(TOKEN_FORMAT);
      expect(urls[0]).toBe(`${t.config.publicBaseUrl}/s/${tokens[0]}`);

      const stored = await t.dataSource.getRepository(SurveyToken).find({ where: { surveyId: survey.id } });
      expect(stored).toHaveLength(25);
      const everything = JSON.stringify(stored);
      for (const token of tokens) expect(everything).not.toContain(token);

      const view = await t.http.get(`/api/v1/surveys/${survey.id}`).set(organiser.auth).expect(200);
      expect(view.body.tokensIssued).toBe(25);
    });

    it.each([
      ['no count', {}],
      ['a count of 0', { count: 0 }],
      ['more than 1000 at once', { count: 1001 }],
      ['a department id that is not an id', { count: 1, departmentId: 'sales' }],
    ])('refuses %s with 400', async (_case, body) => {
      const survey = await createSurvey(t, organiser, meeting.id, surveyBody(aspect));
      const response = await t.http.post(`/api/v1/surveys/${survey.id}/tokens`).set(organiser.auth).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await t.dataSource.getRepository(SurveyToken).count({ where: { surveyId: survey.id } })).toBe(0);
    });

    it('refuses a department of another organisation as unknown (400 UNKNOWN_DEPARTMENT)', async () => {
      const foreign = await (await createOrg(t)).department();
      const survey = await createSurvey(t, organiser, meeting.id, surveyBody(aspect));
      const response = await t.http.post(`/api/v1/surveys/${survey.id}/tokens`).set(organiser.auth).send({ count: 2, departmentId: foreign.id });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'UNKNOWN_DEPARTMENT' });
    });

    it('prints the tokens as a sheet of QR cards (HTML) and as a workbook with the QR codes (xlsx)', async () => {
      const department = await org.department();
      const survey = await createSurvey(t, organiser, meeting.id, surveyBody(aspect));

      const sheet = await t.http.post(`/api/v1/surveys/${survey.id}/tokens?format=html`).set(organiser.auth).send({ count: 3, departmentId: department.id });
      expect(sheet.status).toBe(201);
      expect(sheet.headers['content-type']).toMatch(/^text\/html/);
      const links = [...sheet.text.matchAll(/<p class="url">([^<]+)<\/p>/g)].map((match) => match[1]);
      expect(links).toHaveLength(3);
      expect(sheet.text.match(/<svg/g)).toHaveLength(3);
      expect(sheet.text).toContain(department.name);
      for (const link of links) await t.http.get(new URL(link).pathname).expect(200);

      const workbookResponse = await t.http
        .post(`/api/v1/surveys/${survey.id}/tokens?format=xlsx`)
        .set(organiser.auth)
        .send({ count: 2 })
        .buffer(true)
        .parse(binaryBody);
      expect(workbookResponse.status).toBe(201);
      expect(workbookResponse.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(workbookResponse.body as unknown as ExcelJS.Buffer);
      const worksheet = workbook.getWorksheet('填写码')!;
      expect(worksheet.getRow(1).values).toEqual([undefined, '序号', '部门', '填写链接', '二维码']);
      const urls = [2, 3].map((row) => String(worksheet.getRow(row).getCell(3).value));
      for (const url of urls) expect(url).toMatch(new RegExp(`/s/${TOKEN_FORMAT.source.slice(1, -1)}$`));
      expect(worksheet.getImages()).toHaveLength(2);

      const view = await t.http.get(`/api/v1/surveys/${survey.id}`).set(organiser.auth).expect(200);
      expect(view.body.tokensIssued).toBe(5);
    });

    it('refuses an unknown format with 400 and issues nothing', async () => {
      const survey = await createSurvey(t, organiser, meeting.id, surveyBody(aspect));
      const response = await t.http.post(`/api/v1/surveys/${survey.id}/tokens?format=pdf`).set(organiser.auth).send({ count: 2 });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await t.dataSource.getRepository(SurveyToken).count({ where: { surveyId: survey.id } })).toBe(0);
    });
  });

  describe('answering', () => {
    it('shows the questions for a token, and 404 for a token that does not exist', async () => {
      const { survey, tokens } = await surveyWithTokens(1);
      const response = await t.http.get(`/api/v1/public/surveys/${tokens[0]}`).expect(200);
      expect(response.body).toMatchObject({ title: survey.title, anonymous: true, open: true });
      expect(response.body.questions[1]).toEqual({ index: 1, kind: 'single', prompt: '班子作风建设情况', aspect: null, options: ['好', '较好', '一般', '较差'], required: true });

      for (const token of ['0000000000000000000a', 'not-a-token', tokens[0].slice(0, -1)]) {
        const missing = await t.http.get(`/api/v1/public/surveys/${token}`);
        expect({ token, status: missing.status, code: missing.body.code }).toEqual({ token, status: 404, code: 'NOT_FOUND' });
      }
    });

    it('takes one answer per token: the second is 410 TOKEN_USED, and so is showing the form again', async () => {
      const { survey, tokens } = await surveyWithTokens(1);
      const first = await post(tokens[0], fullAnswers());
      expect({ status: first.status, body: first.body }).toEqual({ status: 201, body: { received: true } });
      const second = await post(tokens[0], fullAnswers());
      expect({ status: second.status, code: second.body.code }).toEqual({ status: 410, code: 'TOKEN_USED' });
      const again = await t.http.get(`/api/v1/public/surveys/${tokens[0]}`);
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 410, code: 'TOKEN_USED' });
      expect((await storedForSurvey(t, survey.id)).responses).toHaveLength(1);
    });

    it('stores exactly one answer when answers for the same token race', async () => {
      const { survey, tokens } = await surveyWithTokens(1);
      const results = await Promise.all(Array.from({ length: 12 }, () => post(tokens[0], fullAnswers())));
      const statuses = results.map((result) => result.status).sort();
      expect(statuses).toEqual([201, ...Array(11).fill(410)]);
      const stored = await storedForSurvey(t, survey.id);
      expect({ responses: stored.responses.length, opinions: stored.opinions.length }).toEqual({ responses: 1, opinions: 1 });
    });

    const tooLong = '意'.repeat(2001);
    it.each<[string, unknown]>([
      ['a required question left out', { answers: fullAnswers({ 1: undefined }).answers }],
      ['a required text answered with spaces only', fullAnswers({ 3: '   ' })],
      ['a choice outside the options', fullAnswers({ 1: '很好' })],
      ['a choice by an index outside the options', fullAnswers({ 1: 4 })],
      ['a multiple choice with one option outside', fullAnswers({ 2: ['调查研究', '其他'] })],
      ['a multiple choice that is not a list', fullAnswers({ 2: '调查研究' })],
      ['a rating of 0', fullAnswers({ 0: 0 })],
      ['a rating of 6', fullAnswers({ 0: 6 })],
      ['a rating of 3.5', fullAnswers({ 0: 3.5 })],
      ['a rating as text', fullAnswers({ 0: '4' })],
      ['an unknown question index', { answers: [...fullAnswers().answers, { questionIndex: 9, value: '多余的回答' }] }],
      ['a negative question index', { answers: [...fullAnswers().answers, { questionIndex: -1, value: 3 }] }],
      ['the same question twice', { answers: [...fullAnswers().answers, { questionIndex: 0, value: 2 }] }],
      ['a text over 2000 characters', fullAnswers({ 3: tooLong })],
      ['text where a text answer is expected to be words', fullAnswers({ 3: 12345 })],
      ['an unknown field', { ...fullAnswers(), respondent: '张三' }],
      ['an unknown field in an answer', { answers: [{ questionIndex: 0, value: 4, comment: 'x' }, ...fullAnswers().answers.slice(1)] }],
      ['answers that are not a list', { answers: { 0: 4 } }],
      ['no answers at all', {}],
    ])('refuses %s with 400 and stores nothing; the token still answers afterwards', async (_case, body) => {
      const { survey, tokens } = await surveyWithTokens(1);
      const response = await post(tokens[0], body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(response.body.details.length).toBeGreaterThan(0);
      const stored = await storedForSurvey(t, survey.id);
      expect({ responses: stored.responses.length, opinions: stored.opinions.length }).toEqual({ responses: 0, opinions: 0 });
      await post(tokens[0], fullAnswers()).expect(201);
    });

    it('says which question is wrong, for each one, in the details', async () => {
      const { tokens } = await surveyWithTokens(1);
      const response = await post(tokens[0], { answers: [{ questionIndex: 0, value: 9 }, { questionIndex: 1, value: '很好' }] });
      expect(response.status).toBe(400);
      expect(response.body.details.map((detail: { field: string; questionIndex: number }) => [detail.field, detail.questionIndex])).toEqual([
        ['answers.0.value', 0],
        ['answers.1.value', 1],
        ['questions.2', 2],
        ['questions.3', 3],
      ]);
    });

    it('accepts options by text or by index, and leaves an optional question out', async () => {
      const { survey, tokens } = await surveyWithTokens(1);
      await post(tokens[0], fullAnswers({ 1: 2, 2: [3, '联系群众', 3] })).expect(201);
      const [stored] = (await storedForSurvey(t, survey.id)).responses;
      expect(stored.answers).toEqual({ 0: 4, 1: 2, 2: [1, 3], 3: true });
    });

    it('answers 409 SURVEY_CLOSED once the survey is closed, and takes answers again once reopened', async () => {
      const { survey, tokens } = await surveyWithTokens(2);
      const closed = await t.http.post(`/api/v1/surveys/${survey.id}/close`).set(organiser.auth).expect(200);
      expect(closed.body).toMatchObject({ open: false, closedAt: expect.any(String) });
      const refused = await post(tokens[0], fullAnswers());
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SURVEY_CLOSED' });
      expect((await t.http.get(`/api/v1/public/surveys/${tokens[0]}`).expect(200)).body.open).toBe(false);
      const noMoreTokens = await t.http.post(`/api/v1/surveys/${survey.id}/tokens`).set(organiser.auth).send({ count: 1 });
      expect({ status: noMoreTokens.status, code: noMoreTokens.body.code }).toEqual({ status: 409, code: 'SURVEY_CLOSED' });
      expect((await storedForSurvey(t, survey.id)).responses).toHaveLength(0);

      await t.http.post(`/api/v1/surveys/${survey.id}/open`).set(organiser.auth).expect(200);
      await post(tokens[0], fullAnswers()).expect(201);
    });

    it('stops taking answers once the meeting has been held, and cannot be reopened then', async () => {
      const heldMeeting = await createMeeting(t, organiser);
      const survey = await createSurvey(t, organiser, heldMeeting.id, surveyBody(heldMeeting.aspects[0]));
      const [token] = await issueTokens(t, organiser, survey.id, 1);
      await t.http.post(`/api/v1/meetings/${heldMeeting.id}/phase`).set(organiser.auth).send({ phase: 'held' }).expect(200);
      const refused = await post(token, fullAnswers({ 3: '会后也想补充一条意见。' }));
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SURVEY_CLOSED' });
      const reopen = await t.http.post(`/api/v1/surveys/${survey.id}/open`).set(organiser.auth);
      expect({ status: reopen.status, code: reopen.body.code }).toEqual({ status: 409, code: 'SURVEY_CLOSED' });
    });

    it('puts each text answer in the opinion pool as channel survey with its question\'s aspect; "无" is counted but not kept', async () => {
      const { survey, tokens } = await surveyWithTokens(5);
      await answer(t, tokens[0], fullAnswers({ 3: '  联系基层不够，调研流于形式。 ', 4: '会议太多，希望精简。' }));
      await answer(t, tokens[1], fullAnswers({ 3: '无', 4: '暂无意见。' }));
      await answer(t, tokens[2], fullAnswers({ 3: '干部培养渠道窄。' }));
      // Three answers are fewer than an anonymous survey's k (5): they are counted once two more
      // have come and a release has let all five out.
      await answer(t, tokens[3], fullAnswers({ 3: '无', 4: undefined }));
      await answer(t, tokens[4], fullAnswers({ 3: '无', 4: undefined }));
      await t.release();

      const { opinions } = await storedForSurvey(t, survey.id);
      const pool = opinions
        .map(({ channel, text, aspect: stored, targetMemberId, receivedOn, receiptHash, meetingId }) => ({ channel, text, aspect: stored, targetMemberId, receivedOn, receiptHash, meetingId }))
        .sort((a, b) => a.text.localeCompare(b.text));
      const expected = (text: string, withAspect: string | null) => ({ channel: 'survey', text, aspect: withAspect, targetMemberId: null, receivedOn: t.clock.today(), receiptHash: null, meetingId: meeting.id });
      expect(pool).toEqual([expected('联系基层不够，调研流于形式。', aspect), expected('会议太多，希望精简。', null), expected('干部培养渠道窄。', aspect)].sort((a, b) => a.text.localeCompare(b.text)));

      const results = await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(organiser.auth).expect(200);
      expect(results.body.questions.slice(3).map((question: { answered: number }) => question.answered)).toEqual([5, 2]);
    });
  });

  describe('results', () => {
    it('counts choices and ratings exactly as submitted (a named survey: counted at once)', async () => {
      const { survey, tokens } = await surveyWithTokens(5, { anonymous: false });
      const given = [
        { 0: 5, 1: '好', 2: ['调查研究'] },
        { 0: 4, 1: '较好', 2: ['调查研究', '联系群众'] },
        { 0: 4, 1: '好', 2: ['会风文风'] },
        { 0: 2, 1: '一般', 2: ['调查研究', '干部培养', '会风文风'] },
      ];
      for (const [index, values] of given.entries()) await answer(t, tokens[index], fullAnswers(values));

      const response = await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(organiser.auth).expect(200);
      expect(response.body).toMatchObject({ surveyId: survey.id, tokensIssued: 5, responses: 4, responseRate: 0.8 });
      const [rating, single, multi] = response.body.questions;
      expect(rating).toMatchObject({ answered: 4, ratings: { counts: [{ rating: 1, count: 0 }, { rating: 2, count: 1 }, { rating: 3, count: 0 }, { rating: 4, count: 2 }, { rating: 5, count: 1 }], average: 3.75 } });
      expect(single.options).toEqual([{ option: '好', count: 2 }, { option: '较好', count: 1 }, { option: '一般', count: 1 }, { option: '较差', count: 0 }]);
      expect(multi.options).toEqual([{ option: '调查研究', count: 3 }, { option: '联系群众', count: 1 }, { option: '会风文风', count: 2 }, { option: '干部培养', count: 1 }]);
    });

    it('shows a department on its own only from 5 answers, and never so that a smaller group is left to subtraction', async () => {
      const survey = await createSurvey(t, organiser, meeting.id, surveyBody(aspect));
      const [big, middle, small] = [await org.department(), await org.department(), await org.department()];
      const answerFor = async (departmentId: string, issued: number, answered: number, rating: number) => {
        const tokens = await issueTokens(t, organiser, survey.id, issued, departmentId);
        for (const token of tokens.slice(0, answered)) await answer(t, token, fullAnswers({ 0: rating }));
      };
      await answerFor(big.id, 8, 6, 5);
      await answerFor(middle.id, 6, 5, 3);
      await answerFor(small.id, 4, 2, 1);
      await t.release();

      const response = await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(organiser.auth).expect(200);
      expect(response.body.responses).toBe(13);
      const byId = new Map(response.body.departments.map((department: { departmentId: string }) => [department.departmentId, department]));
      // `middle` alone would reach 5, but showing it and `big` would leave `small` (2 answers) to subtraction.
      expect(byId.get(big.id)).toMatchObject({ name: big.name, tokensIssued: 8, responses: 6, responseRate: 0.75 });
      expect((byId.get(big.id) as { questions: Array<{ ratings: { average: number } }> }).questions[0].ratings.average).toBe(5);
      expect(byId.get(middle.id)).toMatchObject({ tokensIssued: 6, responses: null, responseRate: null, questions: null });
      expect(byId.get(small.id)).toMatchObject({ tokensIssued: 4, responses: null, responseRate: null, questions: null });
      expect(response.body.withheld).toEqual({ departments: 2, responses: 7 });
    });

    it('is readable by supervisors, not by team members', async () => {
      const { survey } = await surveyWithTokens(1);
      const supervisor = await org.user([Role.Supervisor]);
      await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(supervisor.auth).expect(200);
      const leader = await org.user([Role.Leader]);
      await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(leader.auth).expect(403);
    });
  });

  describe('a named survey', () => {
    it('keeps the token with the answer, as the organiser chose', async () => {
      const { survey, tokens } = await surveyWithTokens(1, { anonymous: false });
      await answer(t, tokens[0]);
      const token = await t.dataSource.getRepository(SurveyToken).findOneByOrFail({ surveyId: survey.id });
      const [stored] = (await storedForSurvey(t, survey.id)).responses;
      expect(stored.tokenId).toBe(token.id);
    });
  });

  describe('the page /s/:token', () => {
    it('shows the form in Chinese without the token anywhere in the markup', async () => {
      const { tokens } = await surveyWithTokens(1);
      const page = await t.http.get(`/s/${tokens[0]}`).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<html lang="zh-CN">');
      expect(page.text).toContain('班子作风建设情况');
      expect(page.text).not.toContain(tokens[0]);
      expect(page.text).toMatch(/<form id="survey-form" method="post" novalidate>/);
    });

    it('keeps what was typed and says beside each question what is wrong', async () => {
      const { survey, tokens } = await surveyWithTokens(1);
      const page = await t.http.post(`/s/${tokens[0]}`).type('form').send('q1=1&q2=0&q2=2&q3=&q4=%E4%BC%9A%E8%AE%AE%E5%A4%AA%E5%A4%9A%3Cscript%3E');
      expect(page.status).toBe(400);
      expect(page.text).toMatch(/<fieldset id="q0-field" class="question invalid rating">[\s\S]*?<p class="field-error" id="q0-error">此题为必答题，请作答<\/p>/);
      expect(page.text).toMatch(/<fieldset id="q3-field" class="question invalid">[\s\S]*?<p class="field-error" id="q3-error">此题为必答题，请作答<\/p>/);
      expect(page.text).not.toMatch(/id="q1-error"/);
      expect(page.text).toMatch(/id="q1-1" name="q1" value="1" checked/);
      expect(page.text).toMatch(/id="q2-0" name="q2" value="0" checked/);
      expect(page.text).toMatch(/id="q2-2" name="q2" value="2" checked/);
      expect(page.text).not.toMatch(/id="q2-1" name="q2" value="1" checked/);
      expect(page.text).toContain('会议太多&lt;script&gt;</textarea>');
      expect((await storedForSurvey(t, survey.id)).responses).toHaveLength(0);
    });

    it('stores the answer, redirects to a thanks page without a receipt (post/redirect/get), and then says the token was used', async () => {
      const { survey, tokens } = await surveyWithTokens(1);
      const sent = await t.http.post(`/s/${tokens[0]}`).type('form').send({ q0: '4', q1: '0', q2: ['1', '3'], q3: '调研多在机关，基层去得少。', q4: '' });
      expect({ status: sent.status, location: sent.headers.location }).toEqual({ status: 303, location: `/s/${tokens[0]}?sent=1` });
      const page = await t.http.get(sent.headers.location);
      expect(page.status).toBe(200);
      expect(page.text).toContain('提交成功，感谢您的参与！');
      expect(page.text).not.toContain('回执码');
      const stored = await storedForSurvey(t, survey.id);
      expect(stored.responses.map((response) => response.answers)).toEqual([{ 0: 4, 1: 0, 2: [1, 3], 3: true }]);
      expect(stored.opinions.map((opinion) => opinion.text)).toEqual(['调研多在机关，基层去得少。']);

      // Opening the link again is a normal state of it, said kindly; sending again stores nothing (410).
      const again = await t.http.get(`/s/${tokens[0]}`);
      expect(again.status).toBe(200);
      expect(again.text).toContain('已经提交过了');
      expect(again.text).not.toContain('<form');
      const twice = await t.http.post(`/s/${tokens[0]}`).type('form').send({ q0: '4' });
      expect(twice.status).toBe(410);
      expect(twice.text).toContain('已经提交过了');
    });

    it('shows a closed survey as closed, and an unknown token as an error page', async () => {
      const { survey, tokens } = await surveyWithTokens(1);
      await t.http.post(`/api/v1/surveys/${survey.id}/close`).set(organiser.auth).expect(200);
      const page = await t.http.get(`/s/${tokens[0]}`).expect(200);
      expect(page.text).toContain('已经截止');
      expect(page.text).not.toContain('<form');
      const posted = await t.http.post(`/s/${tokens[0]}`).type('form').send({ q0: '4' });
      expect(posted.status).toBe(409);
      const unknown = await t.http.get('/s/0000000000000000000z');
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/^text\/html/);
    });
  });
});

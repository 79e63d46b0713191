import { countStoredOpinions, createBoxScene, formNonceOn, openBox, receiptOnPage, textareaOn, TestBox } from '../factories/boxes';
import { createOrg, TestUser } from '../factories/organizations';
import { createSurvey, fullAnswers, issueTokens, storedForSurvey, surveyBody } from '../factories/surveys';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/** Typed with characters that must come back as text, not markup. */
const TYPED = '食堂排队太久，建议错峰就餐 <b>&</b> 增加窗口。';

describe(`refusals on the box page keep the words (${driverName})`, () => {
  let t: TestApp;
  let scene: Awaited<ReturnType<typeof createBoxScene>>;
  let codedBox: TestBox;
  let clientNumber = 0;
  const newClient = () => ({ 'x-forwarded-for': `198.51.100.${(clientNumber += 1)}` });

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1', BOX_SUBMIT_RATE_LIMIT: '1' });
    scene = await createBoxScene(t, await createOrg(t));
    codedBox = await openBox(t, scene.organiser, scene.meeting.id, { title: '会议室意见箱', accessCode: 'ROOM42' });
  });
  afterAll(() => t?.close());

  async function nonceOf(box: TestBox): Promise<string> {
    const nonce = formNonceOn((await t.http.get(`/b/${box.slug}`).expect(200)).text);
    if (!nonce) throw new Error('the box page carries no nonce');
    return nonce;
  }
  const send = (box: TestBox, client: Record<string, string>, form: Record<string, string>) =>
    t.http.post(`/b/${box.slug}`).set(client).type('form').send({ aspect: '', targetMemberId: '', ...form });

  it('429: the form again, the text and choices kept, how long to wait, Retry-After, and the same nonce to send later', async () => {
    const client = newClient();
    expect(receiptOnPage((await send(scene.box, client, { text: '这个小时里的第一条意见。', nonce: await nonceOf(scene.box) })).text)).not.toBeNull();

    const nonce = await nonceOf(scene.box);
    const aspect = scene.meeting.aspects[1];
    const refused = await send(scene.box, client, { text: TYPED, aspect, nonce });
    expect({ status: refused.status, retryAfter: Number(refused.headers['retry-after']) > 0, text: textareaOn(refused.text), nonce: formNonceOn(refused.text) }).toEqual({
      status: 429,
      retryAfter: true,
      text: TYPED,
      nonce,
    });
    expect(refused.text).toMatch(/提交太频繁，请 \d+ (分钟|秒)后再试，您写的内容已保留在下面/);
    expect(refused.text).toContain(`<option value="${aspect}" selected>`);
  });

  it('403: the text and the wrong code kept, and what to do', async () => {
    const refused = await send(codedBox, newClient(), { text: TYPED, accessCode: 'ROOM24', nonce: await nonceOf(codedBox) });
    expect({ status: refused.status, text: textareaOn(refused.text) }).toEqual({ status: 403, text: TYPED });
    expect(refused.text).toContain('访问码不正确，请核对海报上的访问码。您写的内容已保留在下面，改好访问码后再提交。');
    expect(refused.text).toContain('name="accessCode" value="ROOM24"');
  });

  it('400: the text kept with the problem', async () => {
    const refused = await send(scene.box, newClient(), { text: '太短了', nonce: await nonceOf(scene.box) });
    expect({ status: refused.status, text: textareaOn(refused.text) }).toEqual({ status: 400, text: '太短了' });
    expect(refused.text).toContain('意见内容至少 5 个字。您写的内容已保留在下面，修改后再提交。');
  });

  it('409 closed: the text handed back to keep, and no form', async () => {
    const closing = await openBox(t, scene.organiser, scene.meeting.id, { title: '即将关闭的意见箱' });
    const nonce = await nonceOf(closing);
    await t.http.post(`/api/v1/boxes/${closing.id}/close`).set(scene.organiser.auth).expect(200);
    const refused = await send(closing, newClient(), { text: TYPED, nonce });
    expect({ status: refused.status, text: textareaOn(refused.text), forms: (refused.text.match(/<form/g) ?? []).length }).toEqual({ status: 409, text: TYPED, forms: 0 });
    expect(refused.text).toContain('这个意见箱已经关闭');
    expect(await countStoredOpinions(t, closing.id)).toBe(0);
  });
});

describe(`survey answers: only accepted ones count, and refusals keep the words (${driverName})`, () => {
  let t: TestApp;
  let organiser: TestUser;
  let meetingId: string;
  let aspect: string;
  let clientNumber = 0;
  const newClient = () => ({ 'x-forwarded-for': `203.0.113.${(clientNumber += 1)}` });

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1', SURVEY_SUBMIT_RATE_LIMIT: '2' });
    const org = await createOrg(t);
    const scene = await createBoxScene(t, org);
    organiser = scene.organiser;
    meetingId = scene.meeting.id;
    aspect = scene.meeting.aspects[0];
  });
  afterAll(() => t?.close());

  const tokensOf = async (count: number, overrides: Record<string, unknown> = {}) => {
    const survey = await createSurvey(t, organiser, meetingId, surveyBody(aspect, overrides));
    return { survey, tokens: await issueTokens(t, organiser, survey.id, count) };
  };

  it('does not count answers sent back (400) or to a used token (410): a client still has its 2, then 429 on the API and the page', async () => {
    const client = newClient();
    const { tokens } = await tokensOf(4);
    const api = (token: string, body: object) => t.http.post(`/api/v1/public/surveys/${token}/responses`).set(client).send(body);

    const refused = [(await api(tokens[0], { answers: [] })).status, (await api(tokens[0], fullAnswers({ 0: 9 }))).status];
    expect(refused).toEqual([400, 400]);
    expect((await api(tokens[0], fullAnswers())).status).toBe(201);
    expect((await api(tokens[0], fullAnswers())).status).toBe(410);
    expect((await api(tokens[1], fullAnswers())).status).toBe(201);

    const limited = await api(tokens[2], fullAnswers());
    expect({ status: limited.status, code: limited.body.code, retryAfter: Number(limited.headers['retry-after']) > 0 }).toEqual({ status: 429, code: 'RATE_LIMITED', retryAfter: true });

    const page = await t.http.post(`/s/${tokens[3]}`).set(client).type('form').send({ q0: '4', q1: '1', q2: ['0', '2'], q3: TYPED, q4: '' });
    expect({ status: page.status, retryAfter: Number(page.headers['retry-after']) > 0 }).toEqual({ status: 429, retryAfter: true });
    expect(page.text).toMatch(/提交太频繁，请 \d+ (分钟|秒)后再试。您填写的内容都已保留在下面/);
    expect(page.text).toContain(`>${TYPED.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</textarea>`);
    expect(page.text).toMatch(/id="q1-1" name="q1" value="1" checked/);
    expect(page.text).toMatch(/id="q2-2" name="q2" value="2" checked/);
  });

  it('409 closed: the written answers handed back to keep, nothing stored', async () => {
    const { survey, tokens } = await tokensOf(1);
    await t.http.post(`/api/v1/surveys/${survey.id}/close`).set(organiser.auth).expect(200);
    const page = await t.http.post(`/s/${tokens[0]}`).set(newClient()).type('form').send({ q0: '4', q3: TYPED });
    expect(page.status).toBe(409);
    expect(page.text).toContain('已经截止');
    expect(page.text).toContain('您写的内容没有提交');
    expect(page.text).toContain(TYPED.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect((await storedForSurvey(t, survey.id)).responses).toHaveLength(0);
  });

  it('answers a reload after sending with a kind "已提交" page, not an error', async () => {
    const { tokens } = await tokensOf(1);
    const sent = await t.http.post(`/s/${tokens[0]}`).set(newClient()).type('form').send({ q0: '4', q1: '1', q2: '0', q3: '希望多开短会。' });
    expect(sent.status).toBe(303);
    for (const reload of [sent.headers.location, `/s/${tokens[0]}`]) {
      const page = await t.http.get(reload);
      expect({ reload, status: page.status, form: page.text.includes('<form'), kind: /提交成功|已经提交过了/.test(page.text) }).toEqual({ reload, status: 200, form: false, kind: true });
    }
  });
});

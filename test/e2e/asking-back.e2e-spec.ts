import { Role } from '../../src/common/roles';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { OpinionQuestion } from '../../src/questions/opinion-question.entity';
import { BoxScene, createBoxScene, submitOpinion } from '../factories/boxes';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { diffSnapshots, isolatedDatabase, snapshotDatabase, timeFinerThanADay, unjudgedColumns } from '../setup/database-probe';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/** The columns of opinion_questions, each judged: the organiser's question, and of the reply its words and the day a release passed it on. */
const QUESTION_COLUMNS = ['id', 'organizationId', 'meetingId', 'opinionId', 'askedBy', 'text', 'askedOn', 'replyText', 'replyReleasedOn'];

const LOOKUP_LIMIT = 60;

const TEXTS = ['某领导经常不在岗，找不到人。', '评先评优总是那几个人，希望更公开透明。', '公务用车管理要更规范。', '政治理论学习有时流于形式。', '对新情况新问题研究不够。'];

/**
 * 追问 (asking back): an organiser asks the writer of an anonymous opinion what they meant; the
 * writer reads the question with their receipt and answers; the answer reaches the organiser
 * only at the next fixed release (统一整理), as part of the opinion, dated with that day.
 */
describe(`asking an anonymous writer what they meant (${driverName})`, () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let org: TestOrg;
  let other: TestOrg;
  let scene: BoxScene;
  let organiser: TestUser;
  let otherOrganiser: TestUser;
  let receipts: string[];
  /** Source (opinion) id by text, as the item detail lists it. */
  const sourceIds = new Map<string, string>();
  let itemOf: Map<string, string>;
  let questionId: string;
  let cookie: string;

  const ask = (opinionId: string, body: object, as: TestUser = organiser) => t.http.post(`/api/v1/opinions/${opinionId}/questions`).set(as.auth).send(body);
  const receipt = async (code: string) => (await t.http.get(`/api/v1/public/receipts/${code}`).expect(200)).body;
  const replyTo = (code: string, body: object) => t.http.post(`/api/v1/public/receipts/${code}/replies`).send(body);
  const sourceOf = async (text: string) => {
    const item = (await t.http.get(`/api/v1/items/${itemOf.get(text)}`).set(organiser.auth).expect(200)).body as { sources: Array<{ id: string; text: string; questions?: unknown[] }> };
    return item.sources.find((source) => source.text === text)!;
  };
  const reviewPage = async () => (await t.http.get(`/meetings/${scene.meeting.id}/items`).set('cookie', cookie).expect(200)).text;

  beforeAll(async () => {
    database = await isolatedDatabase('tanxin_ask');
    // Look-ups limited low enough to reach below, high enough for the rest (which come from the loopback address).
    t = await createTestApp({ ...database.overrides, TRUST_PROXY: 'true', RECEIPT_LOOKUP_RATE_LIMIT: String(LOOKUP_LIMIT) });
    org = await createOrg(t);
    other = await createOrg(t);
    otherOrganiser = await other.user([Role.Organiser]);
    scene = await createBoxScene(t, org);
    organiser = scene.organiser;
    await t.http.post(`/api/v1/meetings/${scene.meeting.id}/phase`).set(organiser.auth).send({ phase: 'collecting' }).expect(200);
    receipts = [];
    for (const text of TEXTS) receipts.push(await submitOpinion(t, scene.box.slug, { text }));
    await t.http
      .post(`/api/v1/meetings/${scene.meeting.id}/symposiums`)
      .set(organiser.auth)
      .send({ heldOn: t.clock.today(), audience: '中层干部', attendeeCount: 12, opinions: [{ text: '部门之间协调机制不够顺畅。' }] })
      .expect(201);
    expect(await t.release()).toBe(5);
    const items = (await t.http.get(`/api/v1/meetings/${scene.meeting.id}/items`).set(organiser.auth).expect(200)).body as Array<{ id: string }>;
    itemOf = new Map();
    for (const { id } of items) {
      const detail = (await t.http.get(`/api/v1/items/${id}`).set(organiser.auth).expect(200)).body as { sources: Array<{ id: string; text: string }> };
      for (const source of detail.sources) {
        sourceIds.set(source.text, source.id);
        itemOf.set(source.text, id);
      }
    }
    cookie = await signInToPages(t, organiser.username);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  describe('the question', () => {
    it('is asked on an anonymous source with a receipt: 201 {id, text, askedOn, reply: null}', async () => {
      const response = await ask(sourceIds.get(TEXTS[0])!, { text: '  请问是哪个科室的领导？大约是哪几个月？  ' }).expect(201);
      expect(response.body).toEqual({ id: expect.any(String), text: '请问是哪个科室的领导？大约是哪几个月？', askedOn: t.clock.today(), reply: null });
      questionId = response.body.id;
    });

    it('stands beside its source in the item detail, with no reply yet', async () => {
      expect((await sourceOf(TEXTS[0])).questions).toEqual([{ id: questionId, text: '请问是哪个科室的领导？大约是哪几个月？', askedOn: t.clock.today(), reply: null }]);
      // A source nobody asked about has no questions at all.
      expect((await sourceOf(TEXTS[1])).questions).toBeUndefined();
    });

    it('answers 409 NO_RECEIPT for a source whose writer holds no receipt (a symposium record)', async () => {
      const response = await ask(sourceIds.get('部门之间协调机制不够顺畅。')!, { text: '请具体说说是哪些部门？' }).expect(409);
      expect(response.body).toMatchObject({ code: 'NO_RECEIPT', message: expect.stringContaining('回执码') });
    });

    it('answers 400 for an empty or an over-long question', async () => {
      expect((await ask(sourceIds.get(TEXTS[1])!, { text: '   ' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await ask(sourceIds.get(TEXTS[1])!, { text: '问'.repeat(501) }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await ask(sourceIds.get(TEXTS[1])!, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('answers 404 for a held opinion, an unknown one and another organisation\'s', async () => {
      await submitOpinion(t, scene.box.slug, { text: '这一条还在暂存，组织者看不到。' });
      const held = await t.dataSource.getRepository(RawOpinion).findOneByOrFail({ sourceId: scene.box.id, held: true });
      expect((await ask(held.id, { text: '这条是什么意思？' }).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await ask('00000000-0000-4000-8000-000000000000', { text: '这条是什么意思？' }).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await ask(sourceIds.get(TEXTS[1])!, { text: '别的单位来问' }, otherOrganiser).expect(404)).body.code).toBe('NOT_FOUND');
    });

    it('is the organisers\' alone: a team member and the 督导组 get 403', async () => {
      const supervisor = await org.user([Role.Supervisor]);
      expect((await ask(sourceIds.get(TEXTS[1])!, { text: '督导组想问' }, supervisor).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await ask(sourceIds.get(TEXTS[1])!, { text: '班子成员想问' }, scene.team.secretary).expect(403)).body.code).toBe('FORBIDDEN');
    });

    it('reaches the writer of that opinion only: their receipt shows it, another writer\'s does not', async () => {
      expect((await receipt(receipts[0])).questions).toEqual([{ id: questionId, text: '请问是哪个科室的领导？大约是哪几个月？', askedOn: t.clock.today() }]);
      expect(await receipt(receipts[1])).not.toHaveProperty('questions');
    });
  });

  describe('the reply', () => {
    let before: Awaited<ReturnType<typeof snapshotDatabase>>;
    let sourceBefore: unknown;
    let pageBefore: string;
    let logsBefore: number;
    const REPLY = '是后勤处的一位副处长，今年三月到六月经常上班时间不在办公室。';

    it('is refused for a question not on this receipt\'s opinion, an unknown receipt, or bad input, before any is stored', async () => {
      expect((await replyTo(receipts[1], { questionId, text: '冒充别人的答复' }).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await replyTo('0000-0000-0000-0000', { questionId, text: '不存在的回执码' }).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await replyTo(receipts[0], { questionId, text: '   ' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await replyTo(receipts[0], { questionId: 'not-an-id', text: '答复' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await replyTo(receipts[0], { questionId, text: '答'.repeat(2001) }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('is stored held: 201 with the notice of the next release; the writer sees it at once', async () => {
      before = await snapshotDatabase(t.dataSource);
      sourceBefore = await sourceOf(TEXTS[0]);
      pageBefore = await reviewPage();
      logsBefore = t.logs.length;
      const response = await replyTo(receipts[0], { questionId, text: REPLY }).expect(201);
      expect(response.body).toEqual({
        id: questionId,
        text: '请问是哪个科室的领导？大约是哪几个月？',
        askedOn: t.clock.today(),
        reply: { text: REPLY, releasedOn: null },
        notice: expect.stringMatching(/^已收到您的答复，将在下次统一整理时（\d+月\d+日 \d{2}:00）转给组织者$/),
      });
      expect((await receipt(receipts[0])).questions).toEqual([{ id: questionId, text: '请问是哪个科室的领导？大约是哪几个月？', askedOn: t.clock.today(), reply: { text: REPLY, releasedOn: null } }]);
    });

    it('writes only its words into the question\'s row: no date, nothing of the request', async () => {
      const changes = diffSnapshots(before, await snapshotDatabase(t.dataSource));
      expect([...changes.keys()]).toEqual(['opinion_questions']);
      const { added, removed } = changes.get('opinion_questions')!;
      expect(added).toHaveLength(1);
      expect(removed).toHaveLength(1);
      const changed = Object.keys(added[0]).filter((column) => String(added[0][column]) !== String(removed[0][column]));
      expect(changed).toEqual(['replyText']);
      expect(added[0].replyReleasedOn).toBeNull();
      expect(await unjudgedColumns(t.dataSource, 'opinion_questions', QUESTION_COLUMNS)).toEqual([]);
      expect(Object.values(added[0]).filter((value) => timeFinerThanADay(value))).toEqual([]);
    });

    it('is not in the ordinary log, nor its receipt code or words', async () => {
      t.flushPublicLog();
      const written = t.logs.slice(logsBefore).join('\n');
      expect(written).not.toContain(receipts[0]);
      expect(written).not.toContain(REPLY.slice(0, 8));
      expect(written).not.toContain(questionId);
      // Counted by the day under its masked path, never a line of its own.
      const lines = t.logs.slice(logsBefore).map((line) => JSON.parse(line) as { scope?: string; req?: { method: string; url: string } });
      expect(lines.filter((line) => line.req && line.scope !== 'public')).toEqual([]);
      expect(lines.map((line) => `${line.req?.method} ${line.req?.url}`)).toContain('POST /api/v1/public/receipts/:param/:param');
    });

    it('changes nothing the organiser reads until the release', async () => {
      expect(await sourceOf(TEXTS[0])).toEqual(sourceBefore);
      const page = await reviewPage();
      expect(page).not.toContain(REPLY);
      expect(page.replace(/\d{2}:\d{2}/g, '')).toEqual(pageBefore.replace(/\d{2}:\d{2}/g, ''));
    });

    it('answers 409 ALREADY_REPLIED to a second reply, in Chinese', async () => {
      const response = await replyTo(receipts[0], { questionId, text: '再答复一次' }).expect(409);
      expect(response.body).toMatchObject({ code: 'ALREADY_REPLIED', message: expect.stringContaining('已经答复过') });
    });

    it('reaches the organiser at the next release, beside its source, dated with the day of the release', async () => {
      const now = t.clock.now();
      // A day later: the reply's day is the release's, not the day it was written.
      t.clock.set(new Date(now.getTime() + 26 * 3600 * 1000));
      const releaseDay = t.clock.today();
      await t.release();
      expect((await sourceOf(TEXTS[0])).questions).toEqual([
        { id: questionId, text: '请问是哪个科室的领导？大约是哪几个月？', askedOn: expect.any(String), reply: { text: REPLY, releasedOn: releaseDay } },
      ]);
      expect((await receipt(receipts[0])).questions[0].reply).toEqual({ text: REPLY, releasedOn: releaseDay });
      const page = await reviewPage();
      const [, month, day] = releaseDay.split('-').map(Number);
      expect(page).toContain(`答复（${releaseDay.slice(0, 4)}年${month}月${day}日整理）：</span>${REPLY}`);
      expect((await t.dataSource.getRepository(OpinionQuestion).findOneByOrFail({ id: questionId })).replyReleasedOn).toBe(releaseDay);
      t.clock.set(now);
    });

    it('is read by the team member the item is published to, as part of the opinion, on their own list', async () => {
      await t.http.post(`/api/v1/meetings/${scene.meeting.id}/items/publish`).set(organiser.auth).expect(200);
      const page = (await t.http.get('/me/items').set('cookie', await signInToPages(t, scene.team.secretary.username)).expect(200)).text;
      const source = page.slice(page.indexOf(TEXTS[0]));
      expect(source.slice(0, source.indexOf('</li></ul>'))).toMatch(/追问（[^）]+）：<\/span>请问是哪个科室的领导？大约是哪几个月？[\s\S]*答复（[^）]+整理）：<\/span>/);
      expect(source).toContain(REPLY);
    });
  });

  describe('the pages', () => {
    const lookUp = (form: Record<string, string>) => t.http.post('/r').type('form').send(form);

    it('let the organiser ask from the review page (追问 beside an anonymous source) and come back to the item', async () => {
      const page = await reviewPage();
      const opinionId = sourceIds.get(TEXTS[1])!;
      expect(page).toContain(`id="ask-${opinionId}"`);
      // A symposium's record has no receipt: no 追问 form beside it.
      expect(page).not.toContain(`id="ask-${sourceIds.get('部门之间协调机制不够顺畅。')}"`);
      const response = await t.http.post(`/meetings/${scene.meeting.id}/items/${itemOf.get(TEXTS[1])}/questions`).set('cookie', cookie).type('form').send({ opinionId, text: '能否举一两个例子？' });
      expect(redirectedTo(response)).toBe(`/meetings/${scene.meeting.id}/items?done=question#item-${itemOf.get(TEXTS[1])}`);
      expect(await reviewPage()).toContain('能否举一两个例子？');
    });

    it('bring a refused question back in the review page, with the message beside the item', async () => {
      const symposium = sourceIds.get('部门之间协调机制不够顺畅。')!;
      const response = await t.http.post(`/meetings/${scene.meeting.id}/items/${itemOf.get('部门之间协调机制不够顺畅。')}/questions`).set('cookie', cookie).type('form').send({ opinionId: symposium, text: '请具体说说？' });
      expect(response.status).toBe(409);
      expect(response.text).toContain('这条意见没有回执码');
      // A source of another item is refused as if it did not exist.
      const elsewhere = await t.http.post(`/meetings/${scene.meeting.id}/items/${itemOf.get(TEXTS[2])}/questions`).set('cookie', cookie).type('form').send({ opinionId: symposium, text: '请具体说说？' });
      expect(itemOf.get(TEXTS[2]) === itemOf.get('部门之间协调机制不够顺畅。') ? 409 : 404).toBe(elsewhere.status);
    });

    it('show the writer the question on the receipt page, with a reply form that works without a script', async () => {
      const page = await lookUp({ receipt: receipts[1] });
      expect(page.status).toBe(200);
      expect(page.text).toContain('组织者的追问');
      expect(page.text).toContain('能否举一两个例子？');
      expect(page.text).toMatch(/<form method="post" action="\/r" class="reply-form">/);
      const id = /name="questionId" value="([^"]+)"/.exec(page.text)![1];

      const empty = await lookUp({ receipt: receipts[1], questionId: id, text: '  ' });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain('请填写答复内容');

      const sent = await lookUp({ receipt: receipts[1], questionId: id, text: '比如今年的优秀党员和先进个人，三年都是同几个人。' });
      expect(sent.status).toBe(200);
      expect(sent.text).toMatch(/已收到您的答复，将在下次统一整理时（\d+月\d+日 \d{2}:00）转给组织者/);
      expect(sent.text).toContain('比如今年的优秀党员和先进个人，三年都是同几个人。');
      expect(sent.text).not.toContain('class="reply-form"');

      const again = await lookUp({ receipt: receipts[1], questionId: id, text: '再说一遍' });
      expect(again.status).toBe(409);
      expect(again.text).toContain('每个问题只能答复一次');

      const wrong = await lookUp({ receipt: receipts[2], questionId: id, text: '不是我的问题' });
      expect(wrong.status).toBe(404);
      expect(wrong.text).toContain('没有找到这个问题');
      // And the organiser still sees no reply until the release.
      expect(await reviewPage()).not.toContain('三年都是同几个人');
    });

    it('counts replies with the receipt look-ups: past the limit a reply is refused 429, API and page', async () => {
      const client = { 'x-forwarded-for': '198.51.100.23' };
      for (let count = 0; count < LOOKUP_LIMIT; count++) await t.http.get(`/api/v1/public/receipts/${receipts[4]}`).set(client).expect(200);
      const limited = await t.http.post(`/api/v1/public/receipts/${receipts[4]}/replies`).set(client).send({ questionId, text: '答复' });
      expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
      expect((await lookUp({ receipt: receipts[4], questionId, text: '答复' }).set(client)).status).toBe(429);
    });

    it('shows nothing about questions on a receipt nobody asked about', async () => {
      const page = await lookUp({ receipt: receipts[3] });
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('组织者的追问');
    });
  });
});

import { Role } from '../../src/common/roles';
import { JobRunner } from '../../src/queue/job-runner';
import { openBox, submitOpinion, submitOpinionByPage } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { answer, createSurvey, issueTokens, surveyBody } from '../factories/surveys';
import { changedViews, Reader, readerRoutes, readViews, RecordIds } from '../setup/reader-views';
import { isolatedDatabase } from '../setup/database-probe';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/**
 * 统一整理, tried the way someone watching would try it: read everything an organiser, a
 * supervisor, an admin and two team members can reach, let one colleague write, let the worker
 * run, and read it all again. Nothing may have changed until a release shows a batch of at least k.
 */
describe(`held anonymous opinions, as every reader sees them (${driverName})`, () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let readers: Reader[];
  let ids: RecordIds;
  let boxSlug: string;
  let spareTokens: string[];
  /** 追问: a question asked on one released box opinion, its writer's receipt, and the item it sits in. */
  let asked: { questionId: string; receipt: string; itemId: string; opinionId: string };
  const REPLY = '主要是每周一的例会和各类专题推进会，时间长、内容重复。';

  /** The worker's own pass: jobs drained, then every sweeper and scheduled task (releases included) run as on their timers. */
  async function letTheWorkerRun(): Promise<void> {
    await t.drain();
    await (t.worker ?? t.app).get(JobRunner).runDueNow();
    await t.drain();
  }

  async function reader(name: string, user: TestUser): Promise<Reader> {
    const response = await t.http.post('/login').type('form').send({ username: user.username, password: 'correct-horse-9' });
    const cookie = [response.headers['set-cookie']].flat()[0] as string | undefined;
    if (!cookie) throw new Error(`${name} could not sign in to the pages: ${response.status}`);
    return { name, auth: user.auth, cookie: cookie.split(';')[0] };
  }

  const progressOf = async () => (await t.http.get(`/api/v1/meetings/${ids.meetings}/progress`).set(organiser.auth).expect(200)).body;
  const sourcesInItems = async () =>
    ((await t.http.get(`/api/v1/meetings/${ids.meetings}/items`).set(organiser.auth).expect(200)).body as Array<{ sourceCount: number }>).reduce((sum, item) => sum + item.sourceCount, 0);

  beforeAll(async () => {
    // A database of its own on MySQL: its sweeps and scans must see no other file's records.
    database = await isolatedDatabase('tanxin_release');
    t = await createTestApp(database.overrides);
    // One instant throughout: the pages print the time they were read.
    t.clock.set(new Date());
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    const supervisor = await org.user([Role.Supervisor]);
    const meeting = await createMeeting(t, organiser);
    team = await createTeam(t, org, meeting.id, 3);
    await t.http.post(`/api/v1/meetings/${meeting.id}/phase`).set(organiser.auth).send({ phase: 'collecting' }).expect(200);

    // A list already under way: a released first batch from the box and the survey, a symposium,
    // published items, one claimed and answered, a talk and an export.
    const box = await openBox(t, organiser, meeting.id);
    boxSlug = box.slug;
    const boxReceipts: string[] = [];
    for (const text of ['会议偏多，文件偏长，建议压缩会议数量。', '调研多集中在机关，下基层一线的次数偏少。', '年轻干部培养使用的力度还要加大。', '食堂饭菜品种单一，价格偏高。', '班子成员之间谈心谈话不够经常。']) {
      boxReceipts.push(await submitOpinion(t, box.slug, { text }));
    }
    const survey = await createSurvey(t, organiser, meeting.id, surveyBody(meeting.aspects[0]));
    const tokens = await issueTokens(t, organiser, survey.id, 12);
    for (const token of tokens.slice(0, 5)) await answer(t, token);
    spareTokens = tokens.slice(5);
    await t.http
      .post(`/api/v1/meetings/${meeting.id}/symposiums`)
      .set(organiser.auth)
      .send({ heldOn: t.clock.today(), audience: '中层干部', attendeeCount: 12, opinions: [{ text: '部门之间协调机制不够顺畅。' }] })
      .expect(201);
    expect(await t.release()).toBe(10);
    await t.http.post(`/api/v1/meetings/${meeting.id}/items/publish`).set(organiser.auth).expect(200);
    const items = (await t.http.get(`/api/v1/meetings/${meeting.id}/items`).set(organiser.auth).expect(200)).body as Array<{ id: string; target: { id: string | null } }>;
    const teamItem = items.find((item) => item.target.id === null)!;
    await t.http.post(`/api/v1/items/${teamItem.id}/claims`).set(team.secretary.auth).send({ kind: 'lead' }).expect(201);
    await t.http.put(`/api/v1/items/${teamItem.id}/claims/mine`).set(team.secretary.auth).send({ reflection: '调查研究不够深入。', measures: '每季度到基层蹲点调研一次。' }).expect(200);
    // 整改台账: the answered claim becomes an entry its owner reports on.
    await t.http.post(`/api/v1/meetings/${meeting.id}/rectifications/from-claims`).set(organiser.auth).expect(200);
    const [entry] = (await t.http.get(`/api/v1/meetings/${meeting.id}/rectifications`).set(organiser.auth).expect(200)).body;
    const reported = await t.http.post(`/api/v1/rectifications/${entry.id}/reports`).set(team.secretary.auth).send({ note: '已到基层蹲点两次。', evidence: '调研报告两份' }).expect(201);
    const talk = await t.http
      .post(`/api/v1/meetings/${meeting.id}/talks`)
      .set(team.secretary.auth)
      .send({ counterpartUserId: team.members[0].id, heldOn: t.clock.today(), summary: '互相提了批评意见。' })
      .expect(201);
    const exported = await t.http.post(`/api/v1/meetings/${meeting.id}/exports`).set(organiser.auth).send({ what: 'opinion-list', format: 'xlsx' }).expect(202);
    const webhook = await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: 'http://127.0.0.1:9/hook', format: 'generic' }).expect(201);
    // 追问: the organiser asks the writer of the first box opinion what they meant, before anything is read.
    for (const { id } of items) {
      const detail = (await t.http.get(`/api/v1/items/${id}`).set(organiser.auth).expect(200)).body as { sources: Array<{ id: string; text: string }> };
      const source = detail.sources.find((candidate) => candidate.text === '会议偏多，文件偏长，建议压缩会议数量。');
      if (!source) continue;
      const question = await t.http.post(`/api/v1/opinions/${source.id}/questions`).set(organiser.auth).send({ text: '是哪些会议偏多？' }).expect(201);
      asked = { questionId: question.body.id, receipt: boxReceipts[0], itemId: id, opinionId: source.id };
    }
    expect(asked).toBeDefined();
    await letTheWorkerRun();

    ids = {
      meetings: meeting.id,
      boxes: box.id,
      surveys: survey.id,
      items: teamItem.id,
      talks: talk.body.id,
      exports: exported.body.id,
      webhooks: webhook.body.id,
      users: team.members[0].id,
      memberId: team.members[0].id,
      meetingId: meeting.id,
      rectifications: entry.id,
      eventId: reported.body.history.at(-1).id,
    };
    readers = [
      await reader('organiser', organiser),
      await reader('supervisor', supervisor),
      await reader('admin', org.admin),
      await reader('secretary', team.secretary),
      await reader('member', team.members[0]),
    ];
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('reads every GET route a signed-in reader can reach, pages included (a new route joins by itself)', () => {
    const routes = readerRoutes(t);
    expect(routes).toEqual(expect.arrayContaining(['/api/v1/meetings/:id/progress', '/api/v1/meetings/:id/items', '/api/v1/items/:id', '/meetings/:id/board', '/me/items']));
  });

  it('shows none of them anything new after one opinion through the box API, one through the box page, one anonymous survey answer and a reply to a question (追问), with the worker run', async () => {
    const routes = readerRoutes(t);
    const before = await readViews(t, readers, routes, ids);
    const again = await readViews(t, readers, routes, ids);
    // The reading itself must be stable, or the comparison below would prove nothing.
    expect(changedViews(before, again)).toEqual([]);

    await submitOpinion(t, boxSlug, { text: '分管领导很少到我们科室来，基层的困难反映不上去。' });
    await submitOpinionByPage(t, boxSlug, { text: '评先评优总是那几个人，希望更公开透明。' });
    await answer(t, spareTokens[0]);
    await t.http.post(`/api/v1/public/receipts/${asked.receipt}/replies`).send({ questionId: asked.questionId, text: REPLY }).expect(201);
    await letTheWorkerRun();

    expect(changedViews(before, await readViews(t, readers, routes, ids))).toEqual([]);
    // Every reader's every view read three times: on a busy machine this takes more than the default 30 s.
  }, 120_000);

  it('passes the held reply on at the next release time, beside its source, dated with the day of the release', async () => {
    const replyOf = async (reader: TestUser) => {
      const item = (await t.http.get(`/api/v1/items/${asked.itemId}`).set(reader.auth).expect(200)).body as { sources: Array<{ id: string; questions?: Array<{ reply: unknown }> }> };
      return item.sources.find((source) => source.id === asked.opinionId)?.questions?.[0]?.reply;
    };
    expect(await replyOf(organiser)).toBeNull();
    // No source holds k yet: the time releases no opinion, but every held reply.
    expect(await t.release()).toBe(0);
    expect(await replyOf(organiser)).toEqual({ text: REPLY, releasedOn: t.clock.today() });
    // Part of the opinion: whoever reads the item's sources reads it (the team, the item being published to it).
    expect(await replyOf(team.secretary)).toEqual({ text: REPLY, releasedOn: t.clock.today() });
  });

  it('releases nothing while a source holds fewer than its k: a smaller batch waits for a later time', async () => {
    const before = await progressOf();
    expect(await t.release()).toBe(0);
    expect((await progressOf()).opinions).toEqual(before.opinions);
  });

  it('then releases the box as one batch of at least k, at a release time, and the readers see exactly that batch', async () => {
    const before = await progressOf();
    const placedBefore = await sourcesInItems();
    for (const text of ['公务用车管理要更规范。', '政治理论学习有时流于形式。', '对新情况新问题研究不够。']) await submitOpinion(t, boxSlug, { text });
    // Five held in the box (k = 5): two from the test above and three now. The survey holds one answer.
    const released = await t.release();
    expect(released).toBe(5);

    const after = await progressOf();
    expect({ total: after.opinions.total - before.opinions.total, box: after.opinions.byChannel.box - before.opinions.byChannel.box, survey: after.opinions.byChannel.survey - before.opinions.byChannel.survey }).toEqual({
      total: 5,
      box: 5,
      survey: 0,
    });
    expect(after.boxes[0].opinions - before.boxes[0].opinions).toBe(5);
    expect(after.surveys[0].responses).toBe(before.surveys[0].responses);
    expect((await sourcesInItems()) - placedBefore).toBe(5);
  });
});

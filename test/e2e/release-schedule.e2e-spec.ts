import { Role } from '../../src/common/roles';
import { ReleaseTimes } from '../../src/opinions/release-times';
import { JobRunner } from '../../src/queue/job-runner';
import { createBoxScene, submitOpinion } from '../factories/boxes';
import { createOrg, TestOrg } from '../factories/organizations';
import { answer, createSurvey, issueTokens, surveyBody } from '../factories/surveys';
import { isolatedDatabase } from '../setup/database-probe';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const MINUTE = 60_000;

/** When held opinions go out: at the fixed times, when a source closes, and never in a batch under k. */
describe(`the release schedule (${driverName})`, () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let org: TestOrg;
  let times: ReleaseTimes;

  /** One pass of the worker's timers: every sweeper and scheduled task (the releases among them), then the jobs they asked for. */
  async function sweep(): Promise<void> {
    await (t.worker ?? t.app).get(JobRunner).runDueNow();
    await t.drain();
  }

  const countOf = async (boxId: string, auth: { authorization: string }) => (await t.http.get(`/api/v1/boxes/${boxId}`).set(auth).expect(200)).body.count.opinions as number;

  beforeAll(async () => {
    // A database of its own on MySQL: its sweeps and scans must see no other file's records.
    database = await isolatedDatabase('tanxin_schedule');
    t = await createTestApp(database.overrides);
    org = await createOrg(t);
    times = new ReleaseTimes(t.config.release.hours, t.config.timeZone);
    // Just after a release time, so the next one is hours away; the start-up sweep has run this one.
    t.clock.set(new Date(times.latest(new Date()).at.getTime() + MINUTE));
    await sweep();
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('holds a box\'s opinions until the next fixed time, releases them then as one batch, and runs each time once', async () => {
    const { organiser, box } = await createBoxScene(t, org);
    for (let n = 0; n < 5; n++) await submitOpinion(t, box.slug, { text: `第${n + 1}条：会议偏多，文件偏长。` });
    await sweep();
    expect(await countOf(box.id, organiser.auth)).toBe(0);
    await t.http.get(`/api/v1/boxes/${box.id}/opinions`).set(organiser.auth).expect(423);

    t.clock.set(new Date(times.next(t.clock.now()).at.getTime() + MINUTE));
    await sweep();
    expect(await countOf(box.id, organiser.auth)).toBe(5);
    expect((await t.http.get(`/api/v1/boxes/${box.id}/opinions`).set(organiser.auth).expect(200)).body).toHaveLength(5);

    // The same time reached again (another process, a restart) releases nothing more.
    await submitOpinion(t, box.slug, { text: '第六条：同一个整理时间不会再整理一次。' });
    for (let n = 0; n < 4; n++) await submitOpinion(t, box.slug, { text: `又一条意见，编号${n}，凑满五条。` });
    await sweep();
    expect(await countOf(box.id, organiser.auth)).toBe(5);
  });

  it('releases a box at once when it closes, if it holds at least k', async () => {
    const { organiser, box } = await createBoxScene(t, org);
    for (let n = 0; n < 5; n++) await submitOpinion(t, box.slug, { text: `关闭前收到的第${n + 1}条意见。` });
    await t.http.post(`/api/v1/boxes/${box.id}/close`).set(organiser.auth).expect(200);
    expect(await countOf(box.id, organiser.auth)).toBe(0);
    await sweep();
    expect(await countOf(box.id, organiser.auth)).toBe(5);
  });

  it('keeps fewer than k sealed for good when the box closes: counted nowhere, at no later time, and the receipt says why', async () => {
    const { organiser, box, meeting } = await createBoxScene(t, org);
    const receipt = await submitOpinion(t, box.slug, { text: '只有两个人写，关箱后也不能公开。' });
    await submitOpinion(t, box.slug, { text: '第二条，同样不能公开。' });
    await t.http.post(`/api/v1/boxes/${box.id}/close`).set(organiser.auth).expect(200);
    await sweep();
    t.clock.set(new Date(times.next(t.clock.now()).at.getTime() + MINUTE));
    await sweep();
    expect(await countOf(box.id, organiser.auth)).toBe(0);
    const progress = (await t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set(organiser.auth).expect(200)).body;
    expect(progress.opinions.total).toBe(0);
    const looked = (await t.http.get(`/api/v1/public/receipts/${receipt}`).expect(200)).body;
    expect(looked.status).toBe('received');
    expect(looked.held).toContain('始终密封');
  });

  it('tells the writer from the first minute that the opinion is received and when it will be sorted', async () => {
    const { box } = await createBoxScene(t, org);
    const receipt = await submitOpinion(t, box.slug);
    const looked = (await t.http.get(`/api/v1/public/receipts/${receipt}`).expect(200)).body;
    const next = times.next(t.clock.now()).key;
    expect(looked).toEqual({ status: 'received', held: expect.stringContaining(`${Number(next.slice(5, 7))}月${Number(next.slice(8, 10))}日 ${next.slice(11)}`) });
    const page = await t.http.post('/r').type('form').send({ receipt }).expect(200);
    expect(page.text).toContain('统一整理');
    // The page that shows the receipt says it too, straight after sending.
    const sent = await t.http.post(`/b/${box.slug}/opinions`).type('form').send({ text: '从页面提交的意见，回执页要说明统一整理。', aspect: '', targetMemberId: '' }).expect(200);
    expect(sent.text).toMatch(/<p id="held-notice">已收到。为保护匿名[^<]*统一整理/);
  });

  it('holds an anonymous survey\'s answers (counts, rates and results) until k people\'s answers go out together', async () => {
    const organiser = await org.user([Role.Organiser]);
    const { meeting } = await createBoxScene(t, org);
    const survey = await createSurvey(t, organiser, meeting.id, surveyBody('理论学习'));
    const tokens = await issueTokens(t, organiser, survey.id, 6);
    for (const token of tokens.slice(0, 4)) await answer(t, token);
    const read = async () => ({
      survey: (await t.http.get(`/api/v1/surveys/${survey.id}`).set(organiser.auth).expect(200)).body.responses,
      results: (await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(organiser.auth).expect(200)).body.responses,
      progress: (await t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set(organiser.auth).expect(200)).body.surveys[0].responses,
    });
    expect(await read()).toEqual({ survey: 0, results: 0, progress: 0 });
    t.clock.set(new Date(times.next(t.clock.now()).at.getTime() + MINUTE));
    await sweep();
    expect(await read()).toEqual({ survey: 0, results: 0, progress: 0 });

    await answer(t, tokens[4]);
    t.clock.set(new Date(times.next(t.clock.now()).at.getTime() + MINUTE));
    await sweep();
    expect(await read()).toEqual({ survey: 5, results: 5, progress: 5 });
  });
});

import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/roles';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { openBox, submitOpinion, TestBox } from '../factories/boxes';
import { createMeeting, createTeam, DEADLINES, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { answer, createSurvey, fullAnswers, issueTokens, surveyBody } from '../factories/surveys';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName, onBullmq } from '../setup/test-env';

const ONE_DAY_MS = 86_400_000;

describe(`preparation progress (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meeting: { id: string; aspects: string[] };
  let box: TestBox;

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    organiser = org.admin;
    meeting = await createMeeting(t, organiser);
    team = await createTeam(t, org, meeting.id, 3);
    // k = 3: the box's three opinions are released together (t.release() below).
    box = await openBox(t, organiser, meeting.id, { releaseThreshold: 3 });
    for (const text of ['会议太多太长，基层疲于应付。', '公务用车管理不规范。', '年轻干部培养力度不够。']) await submitOpinion(t, box.slug, { text });
    await t.http.post(`/api/v1/meetings/${meeting.id}/symposiums`).set(organiser.auth).send({ heldOn: t.clock.today(), audience: '中层干部', attendeeCount: 8, opinions: [{ text: '部门协调机制不顺畅。' }, { text: '督查检查频次偏高。' }] }).expect(201);
    await t.http.post(`/api/v1/meetings/${meeting.id}/written-opinions`).set(organiser.auth).send({ fromBody: '纪检监察组', opinions: [{ text: '廉洁风险防控要落到岗位。' }] }).expect(201);
    // A named survey, so its one answer counts at once (an anonymous one's wait for k answers).
    const survey = await createSurvey(t, organiser, meeting.id, surveyBody(meeting.aspects[0], { anonymous: false }));
    const tokens = await issueTokens(t, organiser, survey.id, 2);
    await answer(t, tokens[0], fullAnswers({ 3: '理论学习联系实际不够。' }));
    await t.http.post(`/api/v1/meetings/${meeting.id}/talks`).set(team.secretary.auth).send({ counterpartUserId: team.members[0].id, heldOn: t.clock.today(), summary: '交流思想。', opinions: [{ text: '分管领域督办要抓实。' }] }).expect(201);
    await t.release();
  });
  afterAll(() => t.close());

  const progress = async (as: TestUser = organiser) => (await t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set(as.auth).expect(200)).body;

  it('counts the opinions channel by channel, and by day', async () => {
    const body = await progress();
    expect(body.opinions.total).toBe(8);
    expect(body.opinions.byChannel).toEqual({ box: 3, survey: 1, talk: 1, symposium: 2, written: 1 });
    expect(body.opinions.byDay).toEqual([{ day: t.clock.today(), count: 8 }]);
    expect(Object.values(body.opinions.byAspect as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(8);
  });

  it("counts an opinion still waiting to be placed under its writer's aspect, beside the placed ones", async () => {
    const before = (await progress()).opinions;
    const waiting: RawOpinion = {
      id: randomUUID(),
      organizationId: org.id,
      meetingId: meeting.id,
      channel: 'box',
      sourceId: box.id,
      text: '干部选拔任用要更加公开透明。',
      aspect: meeting.aspects[1],
      targetMemberId: null,
      receivedOn: t.clock.today(),
      receiptHash: null,
      itemId: null,
      pendingAggregation: true,
      held: false,
    };
    // Written directly, with no job to place it: it stays waiting while progress is read.
    await t.dataSource.getRepository(RawOpinion).insert(waiting);
    try {
      const after = (await progress()).opinions;
      expect(after.total).toBe(before.total + 1);
      expect(after.byChannel.box).toBe(before.byChannel.box + 1);
      expect(after.byAspect[meeting.aspects[1]]).toBe((before.byAspect[meeting.aspects[1]] ?? 0) + 1);
      expect(Object.values(after.byAspect as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(after.total);
    } finally {
      await t.dataSource.getRepository(RawOpinion).delete({ id: waiting.id });
    }
  });

  it('shows boxes against their threshold, survey response rates, talks and items', async () => {
    const body = await progress();
    expect(body.boxes).toEqual([{ id: expect.any(String), title: expect.any(String), opinions: 3, releaseThreshold: 3, released: true }]);
    expect(body.surveys).toEqual([{ id: expect.any(String), title: expect.any(String), tokensIssued: 2, responses: 1, responseRate: 0.5 }]);
    expect(body.talks).toEqual({ required: 3, pending: 2, held: 1, confirmed: 0 });
    expect(body.items).toMatchObject({ draft: body.items.total, published: 0, claimed: 0, answered: 0 });
    expect(body.items.total).toBeGreaterThan(0);
    const byName = Object.fromEntries(body.members.map((member: { userId: string; talksPending: number; materialStatus: string }) => [member.userId, member]));
    expect(byName[team.secretary.id]).toMatchObject({ talksPending: 1, materialStatus: 'not-started', itemsUnclaimed: 0 });
    expect(byName[team.members[0].id]).toMatchObject({ talksPending: 1 });
    expect(byName[team.members[1].id]).toMatchObject({ talksPending: 2 });
  });

  it('flags a deadline overdue once its date has passed with work undone', async () => {
    expect((await progress()).deadlines.map((deadline: { name: string; overdue: boolean }) => [deadline.name, deadline.overdue])).toEqual([
      ['collectUntil', false],
      ['talksUntil', false],
      ['claimUntil', false],
      ['materialsUntil', false],
      ['heldOn', false],
    ]);
    // Another meeting whose only box closes by itself in an hour: once that has passed, collecting is done.
    const closing = await createMeeting(t, organiser);
    await openBox(t, organiser, closing.id, { closesAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() });
    const daysPast = (day: string) => Math.ceil((Date.parse(`${day}T00:00:00Z`) - t.clock.now().getTime()) / ONE_DAY_MS) + 1;
    const shift = daysPast(DEADLINES.talksUntil) * ONE_DAY_MS;
    t.clock.advance(shift);
    try {
      const deadlines = (await progress()).deadlines as Array<{ name: string; passed: boolean; overdue: boolean }>;
      expect(deadlines.find((deadline) => deadline.name === 'collectUntil')).toMatchObject({ passed: true, overdue: true });
      expect(deadlines.find((deadline) => deadline.name === 'talksUntil')).toMatchObject({ passed: true, overdue: true });
      expect(deadlines.find((deadline) => deadline.name === 'heldOn')).toMatchObject({ passed: false, overdue: false });
      const closed = (await t.http.get(`/api/v1/meetings/${closing.id}/progress`).set(organiser.auth).expect(200)).body;
      expect(closed.deadlines.find((deadline: { name: string }) => deadline.name === 'collectUntil')).toMatchObject({ passed: true, overdue: false });
    } finally {
      t.clock.advance(-shift);
    }
  });

  it('follows the list once published: items claimed, answered, and what each member still owes', async () => {
    const before = (await progress()).items;
    await t.http.post(`/api/v1/meetings/${meeting.id}/items/publish`).set(organiser.auth).expect(200);
    const [item] = (await t.http.get(`/api/v1/meetings/${meeting.id}/items`).set(organiser.auth).expect(200)).body as Array<{ id: string }>;
    await t.http.post(`/api/v1/items/${item.id}/claims`).set(team.members[0].auth).send({ kind: 'lead' }).expect(201);
    const claimed = await progress();
    expect(claimed.items).toEqual({ total: before.total, draft: 0, published: before.total, setAside: 0, claimed: 1, answered: 0 });
    const owes = (body: { members: Array<{ userId: string; itemsUnanswered: number }> }) => body.members.find((member) => member.userId === team.members[0].id)!.itemsUnanswered;
    expect(owes(claimed)).toBe(1);
    await t.http.put(`/api/v1/items/${item.id}/claims/mine`).set(team.members[0].auth).send({ reflection: '认识不深。', measures: '建立台账，逐项整改。', dueDate: '2027-03-31' }).expect(200);
    const answered = await progress();
    expect(answered.items).toMatchObject({ claimed: 1, answered: 1 });
    expect(owes(answered)).toBe(0);
  });

  it('is for organisers and supervisors; 404 to another organisation', async () => {
    await progress(await org.user([Role.Supervisor]));
    await t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set(team.members[0].auth).expect(403);
    await t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set((await createOrg(t)).admin.auth).expect(404);
  });
});

describe(`preparation progress with PROGRESS_CACHE_SECONDS (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let team: TestTeam;
  let meeting: { id: string };

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000', PROGRESS_CACHE_SECONDS: '60' });
    org = await createOrg(t);
    meeting = await createMeeting(t, org.admin);
    team = await createTeam(t, org, meeting.id, 2);
    await writtenOpinion('会议太多太长，基层疲于应付。');
  });
  afterAll(() => t.close());

  const read = (as: TestUser) => t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set(as.auth);
  /** An opinion that counts at once: a written answer's (a box's would be held until released). */
  async function writtenOpinion(text: string): Promise<void> {
    await t.http.post(`/api/v1/meetings/${meeting.id}/written-opinions`).set(org.admin.auth).send({ fromBody: '纪检监察组', opinions: [{ text }] }).expect(201);
    await t.drain();
  }

  it(
    onBullmq
      ? 'answers a second read within the window from Redis, with the numbers of the first, to any organiser or supervisor'
      : 'computes every read in embedded mode (no Redis to cache in)',
    async () => {
      const first = await read(org.admin).expect(200).expect('content-type', /^application\/json/);
      expect(first.body.opinions.total).toBe(1);
      await writtenOpinion('公务用车管理不规范。');
      const supervisor = await org.user([Role.Supervisor]);
      const again = (await read(supervisor).expect(200)).body;
      if (onBullmq) expect(again).toEqual(first.body);
      else expect(again.opinions.total).toBe(2);
    },
  );

  it('checks access on every read, cached or not: 404 to another organisation, 403 to a team member', async () => {
    await read(org.admin).expect(200);
    await read((await createOrg(t)).admin).expect(404);
    await read(team.members[0]).expect(403);
  });
});

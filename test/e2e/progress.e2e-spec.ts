import { Role } from '../../src/common/roles';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, DEADLINES, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { answer, createSurvey, fullAnswers, issueTokens, surveyBody } from '../factories/surveys';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const ONE_DAY_MS = 86_400_000;

describe(`preparation progress (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meeting: { id: string; aspects: string[] };

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    organiser = org.admin;
    meeting = await createMeeting(t, organiser);
    team = await createTeam(t, org, meeting.id, 3);
    const box = await openBox(t, organiser, meeting.id);
    for (const text of ['会议太多太长，基层疲于应付。', '公务用车管理不规范。', '年轻干部培养力度不够。']) await submitOpinion(t, box.slug, { text });
    await t.http.post(`/api/v1/meetings/${meeting.id}/symposiums`).set(organiser.auth).send({ heldOn: t.clock.today(), audience: '中层干部', attendeeCount: 8, opinions: [{ text: '部门协调机制不顺畅。' }, { text: '督查检查频次偏高。' }] }).expect(201);
    await t.http.post(`/api/v1/meetings/${meeting.id}/written-opinions`).set(organiser.auth).send({ fromBody: '纪检监察组', opinions: [{ text: '廉洁风险防控要落到岗位。' }] }).expect(201);
    const survey = await createSurvey(t, organiser, meeting.id, surveyBody(meeting.aspects[0]));
    const tokens = await issueTokens(t, organiser, survey.id, 2);
    await answer(t, tokens[0], fullAnswers({ 3: '理论学习联系实际不够。' }));
    await t.http.post(`/api/v1/meetings/${meeting.id}/talks`).set(team.secretary.auth).send({ counterpartUserId: team.members[0].id, heldOn: t.clock.today(), summary: '交流思想。', opinions: [{ text: '分管领域督办要抓实。' }] }).expect(201);
    await t.drain();
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

  it('shows boxes against their threshold, survey response rates, talks and items', async () => {
    const body = await progress();
    expect(body.boxes).toEqual([{ id: expect.any(String), title: expect.any(String), opinions: 3, releaseThreshold: 5, released: false }]);
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
    const daysPast = (day: string) => Math.ceil((Date.parse(`${day}T00:00:00Z`) - t.clock.now().getTime()) / ONE_DAY_MS) + 1;
    const shift = daysPast(DEADLINES.talksUntil) * ONE_DAY_MS;
    t.clock.advance(shift);
    try {
      const deadlines = (await progress()).deadlines as Array<{ name: string; passed: boolean; overdue: boolean }>;
      expect(deadlines.find((deadline) => deadline.name === 'talksUntil')).toMatchObject({ passed: true, overdue: true });
      expect(deadlines.find((deadline) => deadline.name === 'heldOn')).toMatchObject({ passed: false, overdue: false });
    } finally {
      t.clock.advance(-shift);
    }
  });

  it('is for organisers and supervisors; 404 to another organisation', async () => {
    await progress(await org.user([Role.Supervisor]));
    await t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set(team.members[0].auth).expect(403);
    await t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set((await createOrg(t)).admin.auth).expect(404);
  });
});

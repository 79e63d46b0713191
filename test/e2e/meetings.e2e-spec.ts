import { Role } from '../../src/common/roles';
import { createMeeting, createTeam, DEADLINES, meetingBody } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

describe(`meetings (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
  });
  afterAll(() => t.close());

  it('lists the four aspect presets with their aspects', async () => {
    const response = await t.http.get('/api/v1/aspect-presets').set(organiser.auth).expect(200);
    const keys = response.body.map((preset: { key: string }) => preset.key);
    expect(keys).toEqual(expect.arrayContaining(['2021-party-history', '2022-six-leads', '2023-theme-education', '2024-discipline']));
    const theme = response.body.find((preset: { key: string }) => preset.key === '2023-theme-education');
    expect(theme.aspects).toEqual(['理论学习', '政治素质', '能力本领', '担当作为', '工作作风', '廉洁自律']);
  });

  it('creates a meeting from a preset: the preset aspects, phase preparing, deadlines as given', async () => {
    const response = await t.http.post('/api/v1/meetings').set(organiser.auth).send(meetingBody({ aspectPreset: '2024-discipline' })).expect(201);
    expect(response.body).toMatchObject({ id: expect.any(String), phase: 'preparing', aspectPreset: '2024-discipline', deadlines: DEADLINES });
    expect(response.body.aspects).toHaveLength(4);
    const read = await t.http.get(`/api/v1/meetings/${response.body.id}`).set(organiser.auth).expect(200);
    expect(read.body).toEqual(response.body);
  });

  it('creates a meeting with custom aspects', async () => {
    const aspects = ['政治建设', '思想建设', '作风建设'];
    const response = await t.http
      .post('/api/v1/meetings')
      .set(organiser.auth)
      .send(meetingBody({ aspectPreset: undefined, aspects, kind: 'organizational-life' }))
      .expect(201);
    expect(response.body).toMatchObject({ aspects, aspectPreset: null, kind: 'organizational-life' });
  });

  it.each([
    ['both a preset and custom aspects', { aspects: ['甲'] }, 'VALIDATION_FAILED'],
    ['neither a preset nor aspects', { aspectPreset: undefined }, 'VALIDATION_FAILED'],
    ['an unknown preset', { aspectPreset: '1999-nothing' }, 'UNKNOWN_ASPECT_PRESET'],
    ['duplicate custom aspects', { aspectPreset: undefined, aspects: ['甲', '甲'] }, 'VALIDATION_FAILED'],
    ['a deadline after the meeting', { deadlines: { ...DEADLINES, claimUntil: '2027-01-30' } }, 'INVALID_DEADLINES'],
    ['a date that does not exist', { deadlines: { ...DEADLINES, collectUntil: '2026-02-30' } }, 'INVALID_DEADLINES'],
    ['a badly formatted date', { deadlines: { ...DEADLINES, heldOn: '28/12/2026' } }, 'VALIDATION_FAILED'],
    ['an unknown kind', { kind: 'party-congress' }, 'VALIDATION_FAILED'],
    ['an unknown field', { colour: 'red' }, 'VALIDATION_FAILED'],
  ])('refuses a meeting with %s, storing nothing', async (_case, overrides, code) => {
    const before = (await t.http.get('/api/v1/meetings').set(organiser.auth).expect(200)).body.length;
    const response = await t.http.post('/api/v1/meetings').set(organiser.auth).send(meetingBody(overrides)).expect(400);
    expect(response.body.code).toBe(code);
    expect(response.body.message).toEqual(expect.any(String));
    expect((await t.http.get('/api/v1/meetings').set(organiser.auth).expect(200)).body.length).toBe(before);
  });

  it('names the deadlines in its message as the pages do, and keeps each field in details', async () => {
    const deadlines = { ...DEADLINES, collectUntil: '2026-12-20', claimUntil: '2027-01-30', materialsUntil: '2026-02-30' };
    const response = await t.http.post('/api/v1/meetings').set(organiser.auth).send(meetingBody({ deadlines })).expect(400);
    expect(response.body.message).toBe('时间安排有误：认领答复截止不能晚于会议召开日期；对照检查材料截止日期不是有效日期');
    expect(response.body.details).toEqual([
      { field: 'deadlines.claimUntil', message: '认领答复截止不能晚于会议召开日期' },
      { field: 'deadlines.materialsUntil', message: '对照检查材料截止日期不是有效日期' },
    ]);
    const early = await t.http.post('/api/v1/meetings').set(organiser.auth).send(meetingBody({ deadlines: { ...DEADLINES, collectUntil: '2026-12-20' } })).expect(400);
    expect(early.body.details).toEqual([{ field: 'deadlines.claimUntil', message: '认领答复截止不能早于征求意见截止' }]);
  });

  describe('the team', () => {
    let meetingId: string;
    let leaders: TestUser[];
    let department: { id: string };

    beforeAll(async () => {
      meetingId = (await createMeeting(t, organiser)).id;
      leaders = [await org.user([Role.Leader]), await org.user([Role.Leader]), await org.user([Role.Leader])];
      department = await org.department();
    });

    const team = (roles: Array<'secretary' | 'member'>) => ({
      members: roles.map((role, index) => ({ userId: leaders[index].id, role, oversees: index === 1 ? [department.id] : [] })),
    });

    it('sets a team with exactly one secretary and returns it with names and overseen departments', async () => {
      const response = await t.http.put(`/api/v1/meetings/${meetingId}/team`).set(organiser.auth).send(team(['secretary', 'member', 'member'])).expect(200);
      expect(response.body).toHaveLength(3);
      expect(response.body[0]).toMatchObject({ userId: leaders[0].id, role: 'secretary', displayName: leaders[0].displayName });
      expect(response.body[1].oversees).toEqual([{ id: department.id, name: expect.any(String) }]);
      const read = await t.http.get(`/api/v1/meetings/${meetingId}/team`).set(leaders[2].auth).expect(200);
      expect(read.body).toEqual(response.body);
    });

    it('refuses a team with no secretary or with two (400 INVALID_TEAM)', async () => {
      const none = await t.http.put(`/api/v1/meetings/${meetingId}/team`).set(organiser.auth).send(team(['member', 'member'])).expect(400);
      expect(none.body.code).toBe('INVALID_TEAM');
      const two = await t.http.put(`/api/v1/meetings/${meetingId}/team`).set(organiser.auth).send(team(['secretary', 'secretary', 'member'])).expect(400);
      expect(two.body.code).toBe('INVALID_TEAM');
      const kept = await t.http.get(`/api/v1/meetings/${meetingId}/team`).set(organiser.auth).expect(200);
      expect(kept.body.filter((member: { role: string }) => member.role === 'secretary')).toHaveLength(1);
    });

    it('refuses a person without the leader role, an unknown user and an unknown department', async () => {
      const staff = await org.user([Role.Staff]);
      const notLeader = await t.http
        .put(`/api/v1/meetings/${meetingId}/team`)
        .set(organiser.auth)
        .send({ members: [{ userId: staff.id, role: 'secretary', oversees: [] }] })
        .expect(400);
      expect(notLeader.body.code).toBe('INVALID_TEAM');
      const unknownUser = await t.http
        .put(`/api/v1/meetings/${meetingId}/team`)
        .set(organiser.auth)
        .send({ members: [{ userId: '00000000-0000-4000-8000-000000000000', role: 'secretary', oversees: [] }] })
        .expect(400);
      expect(unknownUser.body.code).toBe('UNKNOWN_USER');
      const unknownDepartment = await t.http
        .put(`/api/v1/meetings/${meetingId}/team`)
        .set(organiser.auth)
        .send({ members: [{ userId: leaders[0].id, role: 'secretary', oversees: ['00000000-0000-4000-8000-000000000000'] }] })
        .expect(400);
      expect(unknownDepartment.body.code).toBe('UNKNOWN_DEPARTMENT');
    });

    it('shows a leader only the meetings they sit on', async () => {
      const outsider = await org.user([Role.Leader]);
      expect((await t.http.get('/api/v1/meetings').set(outsider.auth).expect(200)).body).toEqual([]);
      await t.http.get(`/api/v1/meetings/${meetingId}`).set(outsider.auth).expect(404);
      const mine = await t.http.get('/api/v1/meetings').set(leaders[0].auth).expect(200);
      expect(mine.body.map((meeting: { id: string }) => meeting.id)).toContain(meetingId);
    });
  });

  it('sets the teams of many meetings at once, and replaces them again at once, without a failure', async () => {
    const meetings = await Promise.all(Array.from({ length: 8 }, () => createMeeting(t, organiser)));
    const leaders = await Promise.all(Array.from({ length: 3 }, () => org.user([Role.Leader])));
    const team = (order: TestUser[]) => ({ members: order.map((leader, index) => ({ userId: leader.id, role: index === 0 ? 'secretary' : 'member', oversees: [] })) });
    for (const order of [leaders, [...leaders].reverse()]) {
      const answers = await Promise.all(meetings.map((meeting) => t.http.put(`/api/v1/meetings/${meeting.id}/team`).set(organiser.auth).send(team(order))));
      // A deadlock between two replacements shows as a 500 here.
      expect(answers.map((answer) => answer.status)).toEqual(meetings.map(() => 200));
    }
    const seats = await Promise.all(meetings.map((meeting) => t.http.get(`/api/v1/meetings/${meeting.id}/team`).set(organiser.auth)));
    for (const answer of seats) expect(answer.body.map((seat: { userId: string }) => seat.userId)).toEqual([...leaders].reverse().map((leader) => leader.id));
  });

  describe('the phase', () => {
    it('moves forward, and answers 409 PHASE_BACKWARDS to a step back or to the same phase', async () => {
      const meeting = await createMeeting(t, organiser);
      const forward = await t.http.post(`/api/v1/meetings/${meeting.id}/phase`).set(organiser.auth).send({ phase: 'claiming' }).expect(200);
      expect(forward.body.phase).toBe('claiming');
      const back = await t.http.post(`/api/v1/meetings/${meeting.id}/phase`).set(organiser.auth).send({ phase: 'collecting' }).expect(409);
      expect(back.body.code).toBe('PHASE_BACKWARDS');
      await t.http.post(`/api/v1/meetings/${meeting.id}/phase`).set(organiser.auth).send({ phase: 'claiming' }).expect(409);
      await t.http.post(`/api/v1/meetings/${meeting.id}/phase`).set(organiser.auth).send({ phase: 'adjourned' }).expect(400);
      expect((await t.http.get(`/api/v1/meetings/${meeting.id}`).set(organiser.auth).expect(200)).body.phase).toBe('claiming');
    });
  });

  it('updates title and deadlines, checking their order', async () => {
    const meeting = await createMeeting(t, organiser);
    const updated = await t.http
      .patch(`/api/v1/meetings/${meeting.id}`)
      .set(organiser.auth)
      .send({ title: '改名后的会议', deadlines: { ...DEADLINES, heldOn: '2026-12-30' } })
      .expect(200);
    expect(updated.body).toMatchObject({ title: '改名后的会议', deadlines: { heldOn: '2026-12-30' } });
    await t.http.patch(`/api/v1/meetings/${meeting.id}`).set(organiser.auth).send({ deadlines: { ...DEADLINES, heldOn: '2026-12-01' } }).expect(400);
  });

  it('builds a team with the factory used elsewhere', async () => {
    const meeting = await createMeeting(t, organiser);
    const built = await createTeam(t, org, meeting.id, 3);
    expect(built.members).toHaveLength(2);
  });
});

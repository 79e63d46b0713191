import { Role } from '../../src/common/roles';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const ONE_DAY_MS = 86_400_000;

interface Pair {
  a: string;
  b: string | null;
  counterpartName: string;
  counterpartRole: string;
  rule: string;
  status: string;
}

describe(`heart-to-heart talks (谈心谈话) (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let secretary: TestUser;
  let members: TestUser[];
  let heads: Array<{ id: string; name: string; headUser: TestUser | null; headName: string }>;
  let meeting: { id: string; aspects: string[] };
  let names: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    secretary = await org.user([Role.Leader], { displayName: '书记 李强' });
    members = [];
    for (const name of ['王刚', '陈红', '刘洋', '赵磊']) members.push(await org.user([Role.Leader], { displayName: name }));
    // Six departments: four heads with an account, two known only by name.
    heads = [];
    for (const [index, headName] of ['周建国', '吴敏', '郑涛', '孙丽', '马超', '黄静'].entries()) {
      const headUser = index < 4 ? await org.user([Role.Staff], { displayName: headName }) : null;
      const department = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: `处室${index + 1}-${headName}`, kind: 'department', ...(headUser ? { headUserId: headUser.id } : { headName }) }).expect(201);
      heads.push({ id: department.body.id, name: department.body.name, headUser, headName });
    }
    meeting = await createMeeting(t, organiser);
    await setTeam(members);
    names = new Map([secretary, ...members, ...heads.flatMap((head) => (head.headUser ? [head.headUser] : []))].map((user) => [user.id, user.displayName]));
  });
  afterAll(() => t.close());

  /** The secretary oversees nothing; member i oversees departments as dealt out here (6 among 4). */
  const OVERSEES = [[0, 1], [2], [3], [4, 5]];
  async function setTeam(teamMembers: TestUser[], extra: Array<{ user: TestUser; oversees: string[] }> = []) {
    const body = {
      members: [
        { userId: secretary.id, role: 'secretary', oversees: [] },
        ...teamMembers.map((member, index) => ({ userId: member.id, role: 'member', oversees: (OVERSEES[index] ?? []).map((department) => heads[department].id) })),
        ...extra.map(({ user, oversees }) => ({ userId: user.id, role: 'member', oversees })),
      ],
    };
    await t.http.put(`/api/v1/meetings/${meeting.id}/team`).set(organiser.auth).send(body).expect(200);
  }

  const required = async (): Promise<Pair[]> => (await t.http.get(`/api/v1/meetings/${meeting.id}/talks/required`).set(organiser.auth).expect(200)).body;
  /** A pair as a sentence, so a failure lists people by name. */
  const describePair = (pair: Pick<Pair, 'a' | 'b' | 'counterpartName' | 'rule'>) => `${pair.rule}: ${names.get(pair.a) ?? pair.a} – ${pair.b ? names.get(pair.b) ?? pair.b : pair.counterpartName}`;
  const statusOf = async (a: string, counterpart: string) =>
    (await required()).find((pair) => (pair.a === a && (pair.b === counterpart || pair.counterpartName === counterpart)) || (pair.b === a && pair.a === counterpart))?.status;

  async function logTalk(by: TestUser, body: Record<string, unknown>) {
    const response = await t.http.post(`/api/v1/meetings/${meeting.id}/talks`).set(by.auth).send({ heldOn: t.clock.today(), summary: '双方交流了思想和工作情况。', ...body });
    if (response.status !== 201) throw new Error(`logging a talk failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  describe('the required pairs (必谈)', () => {
    it('for 1 secretary + 4 members overseeing 6 departments: 4 with the secretary, 6 among members, 6 with department heads', async () => {
      const pairs = await required();
      const [m1, m2, m3, m4] = members;
      const expected = [
        ...members.map((member) => ({ rule: 'secretary-member', a: secretary.id, b: member.id, counterpartName: member.displayName })),
        ...[[m1, m2], [m1, m3], [m1, m4], [m2, m3], [m2, m4], [m3, m4]].map(([a, b]) => ({ rule: 'member-member', a: a.id, b: b.id, counterpartName: b.displayName })),
        ...OVERSEES.flatMap((departments, index) =>
          departments.map((department) => ({ rule: 'department-head', a: members[index].id, b: heads[department].headUser?.id ?? null, counterpartName: heads[department].headName })),
        ),
      ];
      expect(pairs.map(describePair).sort()).toEqual(expected.map(describePair).sort());
      expect(pairs).toHaveLength(16);
      expect(pairs.every((pair) => pair.status === 'pending')).toBe(true);
      expect(pairs.filter((pair) => pair.rule === 'department-head').map((pair) => pair.counterpartRole)).toEqual(Array(6).fill('department-head'));
    });

    it('follows the meeting\'s rules: switching the department-head rule off drops those pairs, the branch rule adds the branch', async () => {
      await t.http.patch(`/api/v1/meetings/${meeting.id}`).set(organiser.auth).send({ talkRules: { 'department-head': false } }).expect(200);
      expect((await required()).map((pair) => pair.rule).filter((rule) => rule === 'department-head')).toEqual([]);

      const branch = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '机关第二党支部', kind: 'branch' }).expect(201);
      const comrade = await org.user([Role.Staff], { displayName: '支部党员 钱进' });
      for (const person of [members[0], comrade]) await t.http.patch(`/api/v1/users/${person.id}`).set(org.admin.auth).send({ branchId: branch.body.id }).expect(200);
      names.set(comrade.id, comrade.displayName);
      const updated = await t.http.patch(`/api/v1/meetings/${meeting.id}`).set(organiser.auth).send({ talkRules: { 'department-head': true, branch: true } }).expect(200);
      expect(updated.body.talkRules).toEqual({ 'secretary-member': true, 'member-member': true, 'department-head': true, branch: true });
      const branchPairs = (await required()).filter((pair) => pair.rule === 'branch');
      expect(branchPairs.map(describePair)).toEqual([`branch: ${members[0].displayName} – ${comrade.displayName}`]);

      await t.http.patch(`/api/v1/meetings/${meeting.id}`).set(organiser.auth).send({ talkRules: { branch: false } }).expect(200);
      expect(await required()).toHaveLength(16);
    });

    it('is satisfied by a talk logged by either side, and by a named head\'s talk through the name', async () => {
      const [m1, m2, m3, m4] = members;
      await logTalk(m2, { counterpartUserId: m1.id });
      expect(await statusOf(m1.id, m2.id)).toBe('held');
      await logTalk(m4, { counterpartName: heads[5].headName });
      expect(await statusOf(m4.id, heads[5].headName)).toBe('held');
      expect(await statusOf(m3.id, m4.id)).toBe('pending');
    });

    it('keeps the talks held when the team changes, and adds the new member\'s pairs', async () => {
      await logTalk(secretary, { counterpartUserId: members[2].id });
      const newcomer = await org.user([Role.Leader], { displayName: '新任 冯波' });
      names.set(newcomer.id, newcomer.displayName);
      const department = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '新设处室', kind: 'department', headName: '何平' }).expect(201);
      await setTeam(members, [{ user: newcomer, oversees: [department.body.id] }]);

      const pairs = await required();
      expect(pairs).toHaveLength(16 + 1 + 4 + 1);
      expect(pairs.filter((pair) => pair.a === newcomer.id || pair.b === newcomer.id).map(describePair).sort()).toEqual(
        [
          `secretary-member: ${secretary.displayName} – ${newcomer.displayName}`,
          ...members.map((member) => `member-member: ${member.displayName} – ${newcomer.displayName}`),
          `department-head: ${newcomer.displayName} – 何平`,
        ].sort(),
      );
      expect(await statusOf(secretary.id, members[2].id)).toBe('held');
      expect(await statusOf(members[0].id, members[1].id)).toBe('held');
      await setTeam(members);
    });
  });

  describe('records', () => {
    let talk: { id: string };
    let stranger: TestUser;

    beforeAll(async () => {
      talk = await logTalk(members[0], {
        counterpartUserId: members[3].id,
        place: '三楼小会议室',
        summary: '王刚谈了分管工作中的困难；赵磊提出要加强协作。双方相互提了批评意见。',
        opinions: [
          { text: '班子成员之间沟通不够，有事多靠会上说。', aspect: meeting.aspects[4] },
          { text: '希望王刚同志在分管领域多放手让年轻干部历练。', targetMemberId: members[0].id, attributable: true },
        ],
      });
      stranger = (await createOrg(t)).admin;
    });

    it('shows the content to both participants and, by default, the secretary', async () => {
      for (const reader of [members[0], members[3], secretary]) {
        const response = await t.http.get(`/api/v1/talks/${talk.id}`).set(reader.auth);
        expect({ reader: reader.displayName, status: response.status, summary: response.body.summary }).toEqual({ reader: reader.displayName, status: 200, summary: expect.stringContaining('双方相互提了批评意见') });
      }
      const response = await t.http.get(`/api/v1/talks/${talk.id}`).set(members[3].auth);
      expect(response.body).toMatchObject({ rule: 'member-member', status: 'logged', place: '三楼小会议室', opinionCount: 2, loggedBy: { userId: members[0].id, name: '王刚' }, counterpart: { userId: members[3].id, name: '赵磊' } });
    });

    it('is 404 to a third member, an organiser, a supervisor and another organisation', async () => {
      const supervisor = await org.user([Role.Supervisor]);
      for (const [who, reader] of [['a third member', members[1]], ['an organiser', organiser], ['a supervisor', supervisor], ['another organisation', stranger]] as const) {
        const response = await t.http.get(`/api/v1/talks/${talk.id}`).set(reader.auth);
        expect({ who, status: response.status, code: response.body.code }).toEqual({ who, status: 404, code: 'NOT_FOUND' });
      }
    });

    it('hides it from the secretary too when the meeting says participants only', async () => {
      await t.http.patch(`/api/v1/meetings/${meeting.id}`).set(organiser.auth).send({ talkVisibility: 'participants' }).expect(200);
      await t.http.get(`/api/v1/talks/${talk.id}`).set(secretary.auth).expect(404);
      await t.http.patch(`/api/v1/meetings/${meeting.id}`).set(organiser.auth).send({ talkVisibility: 'participants-and-secretary' }).expect(200);
      await t.http.get(`/api/v1/talks/${talk.id}`).set(secretary.auth).expect(200);
    });

    it('gives organisers who, when, rule and status, never the content', async () => {
      const list = await t.http.get(`/api/v1/meetings/${meeting.id}/talks`).set(organiser.auth).expect(200);
      const entry = list.body.find((candidate: { id: string }) => candidate.id === talk.id);
      expect(entry).toEqual({ id: talk.id, meetingId: meeting.id, loggedBy: { userId: members[0].id, name: '王刚' }, counterpart: { userId: members[3].id, name: '赵磊' }, heldOn: t.clock.today(), status: 'logged', rule: 'member-member', opinionCount: 2 });
      expect(JSON.stringify(list.body)).not.toContain('批评意见');
      const own = await t.http.get(`/api/v1/meetings/${meeting.id}/talks`).set(members[1].auth).expect(200);
      expect(own.body.map((entry: { id: string }) => entry.id)).not.toContain(talk.id);
    });

    it('puts the opinions in the pool without the summary, and without the talk unless attributable', async () => {
      const opinions = await t.dataSource.getRepository(RawOpinion).find({ where: { meetingId: meeting.id, channel: 'talk' } });
      const mine = opinions.filter((opinion) => opinion.text.startsWith('班子成员之间沟通不够') || opinion.text.startsWith('希望王刚同志'));
      expect(mine.map(({ text, aspect, targetMemberId, sourceId, receivedOn }) => ({ text, aspect, targetMemberId, sourceId, receivedOn })).sort((a, b) => a.text.localeCompare(b.text))).toEqual(
        [
          { text: '班子成员之间沟通不够，有事多靠会上说。', aspect: meeting.aspects[4], targetMemberId: null, sourceId: meeting.id, receivedOn: t.clock.today() },
          { text: '希望王刚同志在分管领域多放手让年轻干部历练。', aspect: null, targetMemberId: members[0].id, sourceId: talk.id, receivedOn: t.clock.today() },
        ].sort((a, b) => a.text.localeCompare(b.text)),
      );
      expect(JSON.stringify(opinions)).not.toContain('批评意见');
    });

    it('is confirmed by the counterpart only: the recorder gets 403, anyone who cannot read it 404', async () => {
      const byRecorder = await t.http.post(`/api/v1/talks/${talk.id}/confirm`).set(members[0].auth);
      expect({ status: byRecorder.status, code: byRecorder.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      const bySecretary = await t.http.post(`/api/v1/talks/${talk.id}/confirm`).set(secretary.auth);
      expect(bySecretary.status).toBe(403);
      for (const outsider of [members[1], organiser, stranger]) await t.http.post(`/api/v1/talks/${talk.id}/confirm`).set(outsider.auth).expect(404);

      expect(await statusOf(members[0].id, members[3].id)).toBe('held');
      const confirmed = await t.http.post(`/api/v1/talks/${talk.id}/confirm`).set(members[3].auth).expect(200);
      expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
      expect(await statusOf(members[0].id, members[3].id)).toBe('confirmed');
      await t.http.post(`/api/v1/talks/${talk.id}/confirm`).set(members[3].auth).expect(200);
    });

    it('goes back to the recorder for a correction, and cannot change once confirmed (409)', async () => {
      const other = await logTalk(members[1], { counterpartUserId: members[2].id, summary: '初稿：记录有误。' });
      const asked = await t.http.post(`/api/v1/talks/${other.id}/request-correction`).set(members[2].auth).send({ comment: '我说的是加强协作，不是减少会议。' }).expect(200);
      expect(asked.body).toMatchObject({ status: 'correction-requested', correctionComment: '我说的是加强协作，不是减少会议。' });
      await t.http.patch(`/api/v1/talks/${other.id}`).set(members[2].auth).send({ summary: '对方改的' }).expect(403);
      const corrected = await t.http.patch(`/api/v1/talks/${other.id}`).set(members[1].auth).send({ summary: '更正后：对方提出要加强协作。' }).expect(200);
      expect(corrected.body).toMatchObject({ status: 'logged', correctionComment: null, summary: '更正后：对方提出要加强协作。' });
      await t.http.post(`/api/v1/talks/${other.id}/confirm`).set(members[2].auth).expect(200);
      const late = await t.http.patch(`/api/v1/talks/${other.id}`).set(members[1].auth).send({ summary: '再改' });
      expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'TALK_CONFIRMED' });
      const lateAsk = await t.http.post(`/api/v1/talks/${other.id}/request-correction`).set(members[2].auth).send({ comment: '再改' });
      expect(lateAsk.status).toBe(409);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no counterpart', {}, 'counterpartUserId'],
      ['both an account and a name', { counterpartUserId: '00000000-0000-4000-8000-000000000000', counterpartName: '某人' }, 'counterpartUserId'],
      ['a day in the future', { counterpartName: '某人', heldOn: '2099-01-01' }, 'heldOn'],
      ['a day that does not exist', { counterpartName: '某人', heldOn: '2026-02-30' }, 'heldOn'],
      ['no summary', { counterpartName: '某人', summary: '' }, 'summary'],
      ['an aspect the meeting does not have', { counterpartName: '某人', opinions: [{ text: '一条意见建议内容', aspect: '不存在' }] }, 'opinions.0.aspect'],
      ['an unknown field', { counterpartName: '某人', mood: 'good' }, 'mood'],
    ])('refuses %s with 400 and stores nothing', async (_case, body, field) => {
      const before = await t.dataSource.getRepository(RawOpinion).count({ where: { meetingId: meeting.id, channel: 'talk' } });
      const response = await t.http.post(`/api/v1/meetings/${meeting.id}/talks`).set(members[1].auth).send({ heldOn: t.clock.today(), summary: '谈话内容', ...body });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
      expect(await t.dataSource.getRepository(RawOpinion).count({ where: { meetingId: meeting.id, channel: 'talk' } })).toBe(before);
    });

    it('is logged by team members only: an organiser gets 403, a leader of another team 404', async () => {
      const byOrganiser = await t.http.post(`/api/v1/meetings/${meeting.id}/talks`).set(organiser.auth).send({ heldOn: t.clock.today(), summary: '谈话', counterpartName: '某人' });
      expect(byOrganiser.status).toBe(403);
      const outsider = await org.user([Role.Leader]);
      const byOutsider = await t.http.post(`/api/v1/meetings/${meeting.id}/talks`).set(outsider.auth).send({ heldOn: t.clock.today(), summary: '谈话', counterpartName: '某人' });
      expect(byOutsider.status).toBe(404);
      const unknown = await t.http.post(`/api/v1/meetings/${meeting.id}/talks`).set(members[1].auth).send({ heldOn: t.clock.today(), summary: '谈话', counterpartUserId: stranger.id });
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 400, code: 'UNKNOWN_USER' });
    });
  });

  describe('the matrix', () => {
    it('gives members × counterparts with each pair\'s status and the totals', async () => {
      const response = await t.http.get(`/api/v1/meetings/${meeting.id}/talks/matrix`).set(organiser.auth).expect(200);
      const matrix = response.body;
      expect(matrix.rows.map((row: { name: string }) => row.name)).toEqual([secretary.displayName, ...members.map((member) => member.displayName)]);
      const pairs = await required();
      expect(matrix.cells).toHaveLength(pairs.length);
      expect(matrix.totals).toEqual({
        required: pairs.length,
        pending: pairs.filter((pair) => pair.status === 'pending').length,
        held: pairs.filter((pair) => pair.status === 'held').length,
        confirmed: pairs.filter((pair) => pair.status === 'confirmed').length,
      });
      const columnKeys = new Set(matrix.columns.map((column: { key: string }) => column.key));
      expect(matrix.cells.every((cell: { column: string }) => columnKeys.has(cell.column))).toBe(true);
      expect(matrix.overdue).toBe(false);
      const named = matrix.columns.find((column: { name: string }) => column.name === heads[4].headName);
      expect(named).toMatchObject({ userId: null, role: 'department-head', departmentName: heads[4].name });
    });

    it('flags pending pairs overdue once talksUntil has passed', async () => {
      t.clock.advance(60 * ONE_DAY_MS);
      try {
        const matrix = (await t.http.get(`/api/v1/meetings/${meeting.id}/talks/matrix`).set(organiser.auth).expect(200)).body;
        expect(matrix.overdue).toBe(true);
        const overdue = matrix.cells.filter((cell: { overdue: boolean }) => cell.overdue);
        expect(overdue.length).toBe(matrix.totals.pending);
        expect(overdue.every((cell: { status: string }) => cell.status === 'pending')).toBe(true);
      } finally {
        t.clock.advance(-60 * ONE_DAY_MS);
      }
    });

    it('is for organisers, supervisors and the team; not for staff', async () => {
      const staff = await org.user([Role.Staff]);
      await t.http.get(`/api/v1/meetings/${meeting.id}/talks/matrix`).set(staff.auth).expect(403);
      await t.http.get(`/api/v1/meetings/${meeting.id}/talks/matrix`).set(members[1].auth).expect(200);
    });
  });
});

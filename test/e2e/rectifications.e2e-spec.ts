import { Role } from '../../src/common/roles';
import { ONE_DAY_MS } from '../factories/boxes';
import { createMeeting, createTeam, meetingBody, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

interface Entry {
  id: string;
  problem: string;
  measures: Array<{ id: string; text: string }>;
  ownerUserId: string;
  dueDate: string;
  status: string;
  itemId: string | null;
  carriedFrom: { entryId: string; meetingId: string; meetingTitle: string; year: number } | null;
  carriedOn: boolean;
  history: Array<{ id: string; kind: string; note: string | null; evidence: string | null; actorUserId: string; at: string }>;
}

describe(`the rectification ledger and 销号 (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let supervisor: TestUser;
  let team: TestTeam;
  let meetingId: string;
  let itemIds: string[];

  const ledger = async (as: TestUser = organiser): Promise<Entry[]> => (await t.http.get(`/api/v1/meetings/${meetingId}/rectifications`).set(as.auth).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-12-20T02:00:00Z');
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    supervisor = await org.user([Role.Supervisor]);
    const meeting = await createMeeting(t, organiser);
    meetingId = meeting.id;
    team = await createTeam(t, org, meetingId, 3);
    itemIds = [];
    for (const summary of ['调查研究不够深入，下基层次数偏少。', '会议偏多，文件偏长。', '年轻干部培养力度不够。']) {
      const item = await t.http.post(`/api/v1/meetings/${meetingId}/items`).set(organiser.auth).send({ summary, aspect: meeting.aspects[0] }).expect(201);
      itemIds.push(item.body.id);
    }
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(organiser.auth).expect(200);
    // Two answered lead claims (the secretary's and a member's), one claimed but unanswered.
    await t.http.post(`/api/v1/items/${itemIds[0]}/claims`).set(team.secretary.auth).send({ kind: 'lead' }).expect(201);
    await t.http
      .put(`/api/v1/items/${itemIds[0]}/claims/mine`)
      .set(team.secretary.auth)
      .send({ reflection: '调查研究不够深入。', measures: '1. 每季度到基层蹲点调研一次。\n2. 建立班子成员联系点制度。\n', dueDate: '2027-06-30' })
      .expect(200);
    await t.http.post(`/api/v1/items/${itemIds[1]}/claims`).set(team.members[0].auth).send({ kind: 'lead' }).expect(201);
    await t.http.put(`/api/v1/items/${itemIds[1]}/claims/mine`).set(team.members[0].auth).send({ reflection: '文风会风有待改进。', measures: '精简会议文件，压缩会议数量。' }).expect(200);
    await t.http.post(`/api/v1/items/${itemIds[2]}/claims`).set(team.members[1].auth).send({ kind: 'lead' }).expect(201);
  });
  afterAll(() => t.close());

  it('turns each answered lead claim into one entry, and a second run creates none', async () => {
    const first = await t.http.post(`/api/v1/meetings/${meetingId}/rectifications/from-claims`).set(organiser.auth).expect(200);
    expect(first.body).toEqual({ created: 2 });
    const second = await t.http.post(`/api/v1/meetings/${meetingId}/rectifications/from-claims`).set(organiser.auth).expect(200);
    expect(second.body).toEqual({ created: 0 });

    const entries = await ledger();
    expect(entries).toHaveLength(2);
    const bySecretary = entries.find((entry) => entry.itemId === itemIds[0])!;
    expect(bySecretary).toMatchObject({
      problem: '调查研究不够深入，下基层次数偏少。',
      ownerUserId: team.secretary.id,
      dueDate: '2027-06-30',
      status: 'open',
      carriedFrom: null,
    });
    expect(bySecretary.measures.map((measure) => measure.text)).toEqual(['每季度到基层蹲点调研一次。', '建立班子成员联系点制度。']);
    expect(bySecretary.history.map((event) => event.kind)).toEqual(['created']);
    // No due date in the answer: the year-end after the meeting's year (年底对账讲评).
    const byMember = entries.find((entry) => entry.itemId === itemIds[1])!;
    expect(byMember).toMatchObject({ ownerUserId: team.members[0].id, dueDate: '2027-12-31', measures: [{ text: '精简会议文件，压缩会议数量。' }] });
  });

  it('lets the 督导组 and the team read the ledger, and answers 404 to another organisation', async () => {
    expect(await ledger(supervisor)).toHaveLength(2);
    expect(await ledger(team.members[1])).toHaveLength(2);
    const other = await createOrg(t);
    const outsider = await other.user([Role.Organiser]);
    const response = await t.http.get(`/api/v1/meetings/${meetingId}/rectifications`).set(outsider.auth);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const [entry] = await ledger();
    const close = await t.http.post(`/api/v1/rectifications/${entry.id}/close`).set(outsider.auth).send({ note: '销号' });
    expect({ status: close.status, code: close.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('takes an entry the organiser types, and refuses a second one for the same item', async () => {
    const created = await t.http
      .post(`/api/v1/meetings/${meetingId}/rectifications`)
      .set(organiser.auth)
      .send({ problem: '督导组指出：落实意识形态工作责任制不够到位。', measures: ['每半年专题研究一次意识形态工作', '开展一次专项检查'], ownerUserId: team.members[1].id, dueDate: '2027-03-31' })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'open', itemId: null, ownerUserId: team.members[1].id, measures: [{ text: '每半年专题研究一次意识形态工作' }, { text: '开展一次专项检查' }] });
    expect(created.body.history).toEqual([expect.objectContaining({ kind: 'created', actorUserId: organiser.id })]);
    const again = await t.http
      .post(`/api/v1/meetings/${meetingId}/rectifications`)
      .set(organiser.auth)
      .send({ problem: '重复', measures: ['措施'], ownerUserId: team.secretary.id, dueDate: '2027-03-31', itemId: itemIds[0] });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'RECTIFICATION_EXISTS' });
  });

  it('lets the organiser correct an entry, saying in its history what changed, and nobody else', async () => {
    const typed = (await ledger()).find((candidate) => candidate.problem.startsWith('督导组指出'))!;
    const edited = await t.http
      .patch(`/api/v1/rectifications/${typed.id}`)
      .set(organiser.auth)
      .send({ measures: ['每半年专题研究一次意识形态工作', '开展一次专项检查', '年底专题报告'], dueDate: '2027-03-31', ownerUserId: typed.ownerUserId })
      .expect(200);
    expect(edited.body.measures.map((measure: { text: string }) => measure.text)).toEqual(['每半年专题研究一次意识形态工作', '开展一次专项检查', '年底专题报告']);
    expect(edited.body.history.at(-1)).toMatchObject({ kind: 'edited', note: '修改了整改措施', actorUserId: organiser.id });
    // Nothing changed: no step in the history.
    const same = await t.http.patch(`/api/v1/rectifications/${typed.id}`).set(organiser.auth).send({ dueDate: '2027-03-31' }).expect(200);
    expect(same.body.history).toHaveLength(edited.body.history.length);
    const byOwner = await t.http.patch(`/api/v1/rectifications/${typed.id}`).set(team.members[1].auth).send({ dueDate: '2028-01-01' });
    expect({ status: byOwner.status, code: byOwner.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const toStranger = await t.http.patch(`/api/v1/rectifications/${typed.id}`).set(organiser.auth).send({ ownerUserId: organiser.id });
    expect({ status: toStranger.status, code: toStranger.body.code }).toEqual({ status: 400, code: 'UNKNOWN_USER' });
    const empty = await t.http.patch(`/api/v1/rectifications/${typed.id}`).set(organiser.auth).send({ measures: [] });
    expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('lists an owner\'s own entries on 我的整改, with the meeting they belong to', async () => {
    const mine = (await t.http.get('/api/v1/me/rectifications').set(team.secretary.auth).expect(200)).body as Array<Entry & { meetingTitle: string }>;
    expect(mine.map((entry) => [entry.ownerUserId, entry.meetingTitle])).toEqual([[team.secretary.id, '2026年度专题民主生活会']]);
    const none = (await t.http.get('/api/v1/me/rectifications').set(team.members[1].auth).expect(200)).body as Entry[];
    expect(none.every((entry) => entry.ownerUserId === team.members[1].id)).toBe(true);
  });

  it('refuses an entry that is not well formed with 400', async () => {
    const valid = { problem: '问题', measures: ['措施'], ownerUserId: team.secretary.id, dueDate: '2027-03-31' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, problem: '  ' }, 'VALIDATION_FAILED'],
      [{ ...valid, measures: [] }, 'VALIDATION_FAILED'],
      [{ ...valid, measures: ['措施', ''] }, 'VALIDATION_FAILED'],
      [{ ...valid, dueDate: '2027-02-30' }, 'VALIDATION_FAILED'],
      [{ ...valid, dueDate: '明年' }, 'VALIDATION_FAILED'],
      [{ ...valid, ownerUserId: organiser.id }, 'UNKNOWN_USER'],
      [{ ...valid, itemId: '00000000-0000-4000-8000-000000000000' }, 'UNKNOWN_ITEM'],
      [{ ...valid, extra: 1 }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const response = await t.http.post(`/api/v1/meetings/${meetingId}/rectifications`).set(organiser.auth).send(body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code });
    }
    const [entry] = await ledger();
    const noNote = await t.http.post(`/api/v1/rectifications/${entry.id}/reports`).set(team.secretary.auth).send({});
    expect({ status: noNote.status, code: noNote.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('reports, returns with a reason, reports again and closes (销号), each step in the history', async () => {
    const entry = (await ledger()).find((candidate) => candidate.itemId === itemIds[1])!;
    const member = team.members[0];
    const notOwner = await t.http.post(`/api/v1/rectifications/${entry.id}/reports`).set(team.members[1].auth).send({ note: '已完成' });
    expect({ status: notOwner.status, code: notOwner.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });

    const reported = await t.http.post(`/api/v1/rectifications/${entry.id}/reports`).set(member.auth).send({ note: '已修订会议管理办法。', evidence: '党办〔2027〕3号文件' }).expect(201);
    expect(reported.body.status).toBe('reported');
    const twice = await t.http.post(`/api/v1/rectifications/${entry.id}/reports`).set(member.auth).send({ note: '再报' });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION' });

    const returned = await t.http.post(`/api/v1/rectifications/${entry.id}/return`).set(organiser.auth).send({ reason: '会议数量未见明显减少，请补充数据。' }).expect(200);
    expect(returned.body.status).toBe('open');
    await t.http.post(`/api/v1/rectifications/${entry.id}/reports`).set(member.auth).send({ note: '会议数量同比减少30%。' }).expect(201);
    // A member who is neither organiser nor secretary may not close.
    const byMember = await t.http.post(`/api/v1/rectifications/${entry.id}/close`).set(team.members[1].auth).send({ note: '同意销号' });
    expect({ status: byMember.status, code: byMember.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const closed = await t.http.post(`/api/v1/rectifications/${entry.id}/close`).set(team.secretary.auth).send({ note: '同意销号。' }).expect(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.history).toEqual([
      expect.objectContaining({ kind: 'created', actorUserId: organiser.id }),
      expect.objectContaining({ kind: 'reported', note: '已修订会议管理办法。', evidence: '党办〔2027〕3号文件', actorUserId: member.id }),
      expect.objectContaining({ kind: 'returned', note: '会议数量未见明显减少，请补充数据。', actorUserId: organiser.id }),
      expect.objectContaining({ kind: 'reported', note: '会议数量同比减少30%。', evidence: null, actorUserId: member.id }),
      expect.objectContaining({ kind: 'closed', note: '同意销号。', actorUserId: team.secretary.id }),
    ]);
    const reopen = await t.http.post(`/api/v1/rectifications/${entry.id}/return`).set(organiser.auth).send({ reason: '再看看' });
    expect({ status: reopen.status, code: reopen.body.code }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION' });
  });

  it('refuses the owner closing their own entry with 403, also when the owner is the secretary', async () => {
    const entry = (await ledger()).find((candidate) => candidate.itemId === itemIds[0])!;
    await t.http.post(`/api/v1/rectifications/${entry.id}/reports`).set(team.secretary.auth).send({ note: '已建立联系点制度。' }).expect(201);
    for (const path of ['close', 'return']) {
      const body = path === 'close' ? { note: '自己销号' } : { reason: '自己退回' };
      const response = await t.http.post(`/api/v1/rectifications/${entry.id}/${path}`).set(team.secretary.auth).send(body);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 403, code: 'OWN_ENTRY' });
    }
    expect((await ledger()).find((candidate) => candidate.id === entry.id)!.status).toBe('reported');
    await t.http.post(`/api/v1/rectifications/${entry.id}/close`).set(organiser.auth).send({ note: '组织者同意销号。' }).expect(200);
  });

  it('refuses the owner closing their own entry even when they are an organiser too', async () => {
    const both = await org.user([Role.Organiser, Role.Leader]);
    await t.http.put(`/api/v1/meetings/${meetingId}/team`).set(organiser.auth).send({
      members: [team.secretary, ...team.members, both].map((person, index) => ({ userId: person.id, role: index === 0 ? 'secretary' : 'member', oversees: [] })),
    });
    const created = await t.http.post(`/api/v1/meetings/${meetingId}/rectifications`).set(organiser.auth).send({ problem: '组织者本人的问题', measures: ['改'], ownerUserId: both.id, dueDate: '2027-12-31' }).expect(201);
    await t.http.post(`/api/v1/rectifications/${created.body.id}/reports`).set(both.auth).send({ note: '已改' }).expect(201);
    const response = await t.http.post(`/api/v1/rectifications/${created.body.id}/close`).set(both.auth).send({ note: '自己销号' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'OWN_ENTRY' });
  });

  it('marks an open entry overdue once its due date has passed, and not a closed one', async () => {
    const typed = (await ledger()).find((candidate) => candidate.problem.startsWith('督导组指出'))!;
    expect(typed).toMatchObject({ dueDate: '2027-03-31', status: 'open' });
    t.clock.set('2027-04-01T12:00:00Z'); // 2027-04-01 in any time zone near ours
    const later = await ledger();
    expect(later.find((candidate) => candidate.id === typed.id)!.status).toBe('overdue');
    expect(later.filter((candidate) => candidate.itemId !== null).map((candidate) => candidate.status)).toEqual(['closed', 'closed']);
    // Reported before its due date and not yet closed: awaiting 销号, not overdue.
    expect(later.find((candidate) => candidate.problem === '组织者本人的问题')!.status).toBe('reported');
    // The owner may still report an overdue entry: it leaves the overdue mark with it.
    t.clock.advance(ONE_DAY_MS);
    const reported = await t.http.post(`/api/v1/rectifications/${typed.id}/reports`).set(team.members[1].auth).send({ note: '已补做。' }).expect(201);
    expect(reported.body.status).toBe('reported');
  });
});

describe(`上一年度整改: carrying the unfinished entries into the next meeting (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let lastYear: string;
  const entries: Record<'closed' | 'returned' | 'reported' | 'open', Entry> = {} as never;

  const entry = (meetingId: string, problem: string, owner: TestUser, dueDate: string) =>
    t.http.post(`/api/v1/meetings/${meetingId}/rectifications`).set(organiser.auth).send({ problem, measures: ['措施一', '措施二'], ownerUserId: owner.id, dueDate }).expect(201).then((response) => response.body as Entry);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-20T02:00:00Z');
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    lastYear = (await createMeeting(t, organiser, { title: '2025年度民主生活会', year: 2025 })).id;
    team = await createTeam(t, org, lastYear, 3);
    entries.closed = await entry(lastYear, '理论学习不够系统。', team.members[0], '2026-06-30');
    entries.returned = await entry(lastYear, '调查研究不够深入。', team.members[1], '2026-06-30');
    entries.reported = await entry(lastYear, '年轻干部培养力度不够。', team.members[0], '2026-12-31');
    entries.open = await entry(lastYear, '会议偏多，文件偏长。', team.members[1], '2026-12-31');
    await t.http.post(`/api/v1/rectifications/${entries.closed.id}/reports`).set(team.members[0].auth).send({ note: '已制定学习计划。' }).expect(201);
    await t.http.post(`/api/v1/rectifications/${entries.closed.id}/close`).set(organiser.auth).send({ note: '同意销号。' }).expect(200);
    await t.http.post(`/api/v1/rectifications/${entries.returned.id}/reports`).set(team.members[1].auth).send({ note: '已下基层两次。' }).expect(201);
    await t.http.post(`/api/v1/rectifications/${entries.returned.id}/return`).set(organiser.auth).send({ reason: '调研报告尚未形成' }).expect(200);
    await t.http.post(`/api/v1/rectifications/${entries.reported.id}/reports`).set(team.members[0].auth).send({ note: '已建立导师帮带制度。' }).expect(201);
  });
  afterAll(() => t.close());

  it('refuses a previous meeting that is not the organisation\'s, or later than the new one', async () => {
    const other = await createOrg(t);
    const theirs = (await createMeeting(t, other.admin, { year: 2025 })).id;
    for (const [previousMeetingId, year] of [[theirs, 2026], [lastYear, 2024], ['00000000-0000-4000-8000-000000000000', 2026]] as const) {
      const response = await t.http.post('/api/v1/meetings').set(organiser.auth).send(meetingBody({ previousMeetingId, year }));
      expect({ previousMeetingId, status: response.status, code: response.body.code }).toEqual({ previousMeetingId, status: 400, code: 'UNKNOWN_MEETING' });
    }
  });

  it('carries the unfinished entries with their history, marked carriedFrom, and leaves the closed one', async () => {
    const created = await t.http.post('/api/v1/meetings').set(organiser.auth).send(meetingBody({ title: '2026年度民主生活会', year: 2026, previousMeetingId: lastYear })).expect(201);
    expect(created.body.previousMeetingId).toBe(lastYear);
    const thisYear = created.body.id as string;
    await createTeam(t, org, thisYear, 3);
    const carried = (await t.http.get(`/api/v1/meetings/${thisYear}/rectifications`).set(organiser.auth).expect(200)).body as Entry[];
    expect(carried.map((entry) => entry.problem)).toEqual(['调查研究不够深入。', '年轻干部培养力度不够。', '会议偏多，文件偏长。']);
    const returned = carried[0];
    // Due last June: overdue, here as there.
    expect(returned).toMatchObject({ status: 'overdue', ownerUserId: team.members[1].id, carriedFrom: { entryId: entries.returned.id, meetingId: lastYear, meetingTitle: '2025年度民主生活会', year: 2025 }, measures: [{ text: '措施一' }, { text: '措施二' }] });
    expect(returned.history.map((event) => event.kind)).toEqual(['created', 'reported', 'returned', 'carried-in']);
    expect(carried[1].status).toBe('reported');

    // The earlier entry says where it went, and takes no more steps there.
    const before = (await t.http.get(`/api/v1/meetings/${lastYear}/rectifications`).set(organiser.auth).expect(200)).body as Entry[];
    const earlier = before.find((entry) => entry.id === entries.open.id)!;
    expect({ carriedOn: earlier.carriedOn, last: earlier.history.at(-1)!.kind }).toEqual({ carriedOn: true, last: 'carried-out' });
    expect(before.find((entry) => entry.id === entries.closed.id)!.carriedOn).toBe(false);
    const there = await t.http.post(`/api/v1/rectifications/${entries.open.id}/reports`).set(team.members[1].auth).send({ note: '已完成' });
    expect({ status: there.status, code: there.body.code, message: there.body.message }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('2026年度民主生活会') });
    // The carried entry takes them: its owner reports, the organiser closes.
    const open = carried[2];
    await t.http.post(`/api/v1/rectifications/${open.id}/reports`).set(team.members[1].auth).send({ note: '会议数量同比减少三成。' }).expect(201);
    await t.http.post(`/api/v1/rectifications/${open.id}/close`).set(organiser.auth).send({ note: '同意销号。' }).expect(200);

    const summary = (await t.http.get(`/api/v1/meetings/${thisYear}/carry-over`).set(organiser.auth).expect(200)).body;
    expect(summary).toMatchObject({ previousMeeting: { id: lastYear, title: '2025年度民主生活会', year: 2025 }, total: 4, closed: 2 });
    expect(summary.remaining).toEqual([
      expect.objectContaining({ entryId: entries.returned.id, problem: '调查研究不够深入。', ownerName: team.members[1].displayName, status: 'overdue', reason: '报告后被退回：调研报告尚未形成' }),
      expect.objectContaining({ entryId: entries.reported.id, status: 'reported', reason: expect.stringContaining('待销号') }),
    ]);
    expect(summary.paragraph).toBe(
      `2025年度民主生活会查摆出的问题，共列入整改台账4条，已完成整改并销号2条，整改完成率50%。尚有2条未完成，已转入本次整改台账继续推进：` +
        `一是“调查研究不够深入”（责任人：${team.members[1].displayName}，报告后被退回：调研报告尚未形成）；` +
        `二是“年轻干部培养力度不够”（责任人：${team.members[0].displayName}，已报告完成，待销号（已建立导师帮带制度。））。`,
    );
  });

  it('has nothing to carry for a meeting that names no previous one', async () => {
    const alone = (await createMeeting(t, organiser, { title: '2027年度民主生活会', year: 2027 })).id;
    const summary = (await t.http.get(`/api/v1/meetings/${alone}/carry-over`).set(organiser.auth).expect(200)).body;
    expect(summary).toEqual({ previousMeeting: null, total: 0, closed: 0, remaining: [], paragraph: '' });
    expect((await t.http.get(`/api/v1/meetings/${alone}/rectifications`).set(organiser.auth).expect(200)).body).toEqual([]);
  });
});

import { Role } from '../../src/common/roles';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { PDF } from '../factories/files';

/**
 * 督导组 across units: a parent body with two units and a third organisation outside it; the
 * parent's 督导组 supervises unit A only.
 */
describe(`the 督导组 of a parent body (${driverName})`, () => {
  let t: TestApp;
  let parent: TestOrg;
  let unitA: TestOrg;
  let unitB: TestOrg;
  let outsider: TestOrg;
  let duban: TestUser;
  let otherSupervisor: TestUser;
  let meetingA: string;
  let meetingB: string;
  let groupId: string;
  let teamA: TestTeam;

  beforeAll(async () => {
    t = await createTestApp();
    parent = await createOrg(t);
    [unitA, unitB, outsider] = [await createOrg(t, { parent }), await createOrg(t, { parent }), await createOrg(t)];
    duban = await parent.user([Role.Supervisor], { displayName: '督导组 周正' });
    otherSupervisor = await parent.user([Role.Supervisor]);
    meetingA = (await createMeeting(t, unitA.admin, { title: '甲单位民主生活会' })).id;
    meetingB = (await createMeeting(t, unitB.admin, { title: '乙单位民主生活会' })).id;
    teamA = await createTeam(t, unitA, meetingA, 3);
    await t.http.post(`/api/v1/meetings/${meetingA}/symposiums`).set(unitA.admin.auth).send({ heldOn: t.clock.today(), audience: '职工代表', attendeeCount: 8, opinions: [{ text: '会议太多太长，基层疲于应付。' }, { text: '年轻干部培养力度不够。' }] }).expect(201);
    await t.drain();
    const group = await t.http.post('/api/v1/supervision/groups').set(parent.admin.auth).send({ name: '第一督导组', memberUserIds: [duban.id], unitIds: [unitA.id] }).expect(201);
    groupId = group.body.id;
  });
  afterAll(() => t.close());

  it('forms a group of its own supervisor accounts over its own units, and nothing else', async () => {
    expect((await t.http.get('/api/v1/supervision/groups').set(parent.admin.auth).expect(200)).body).toEqual([
      { id: groupId, name: '第一督导组', members: [{ id: duban.id, displayName: '督导组 周正' }], units: [{ id: unitA.id, name: unitA.name }] },
    ]);
    const refused = async (body: object, status: number, code: string) => {
      const response = await t.http.post('/api/v1/supervision/groups').set(parent.admin.auth).send({ name: '第二督导组', memberUserIds: [duban.id], unitIds: [unitB.id], ...body });
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/);
    };
    await refused({ unitIds: [outsider.id] }, 400, 'UNKNOWN_UNIT');
    await refused({ memberUserIds: [unitA.admin.id] }, 400, 'UNKNOWN_USER');
    await refused({ memberUserIds: [parent.admin.id] }, 400, 'VALIDATION_FAILED');
    await refused({ name: '第一督导组' }, 409, 'GROUP_EXISTS');
    // A unit cannot name its parent, or a sister unit, as its own to supervise.
    const fromUnit = await t.http.post('/api/v1/supervision/groups').set(unitA.admin.auth).send({ name: '自设督导组', memberUserIds: [], unitIds: [unitB.id] });
    expect(fromUnit.status).toBe(400);
    expect(fromUnit.body.code).toBe('UNKNOWN_UNIT');
    // Units are the parent's to create; an existing organisation's name is refused, not taken over.
    expect((await t.http.post('/api/v1/organization/units').set(parent.admin.auth).send({ name: outsider.name, adminUsername: 'taken-over', adminPassword: 'long-enough-1' })).body.code).toBe('UNIT_EXISTS');
    expect((await t.http.get('/api/v1/organization/units').set(parent.admin.auth).expect(200)).body.map((unit: { id: string }) => unit.id).sort()).toEqual([unitA.id, unitB.id].sort());
  });

  it("lists the supervised unit only, counted as the unit's own board counts", async () => {
    const overview = await t.http.get('/api/v1/supervision/meetings').set(duban.auth).expect(200);
    expect(overview.body).toHaveLength(1);
    const [row] = overview.body;
    const board = (await t.http.get(`/api/v1/meetings/${meetingA}/progress`).set(unitA.admin.auth).expect(200)).body;
    expect(row).toEqual({
      organization: { id: unitA.id, name: unitA.name },
      meeting: { id: meetingA, title: '甲单位民主生活会', year: expect.any(Number), phase: 'preparing' },
      opinions: board.opinions.total,
      items: { published: board.items.published, claimed: board.items.claimed, answered: board.items.answered },
      talks: { required: board.talks.required, held: board.talks.held, confirmed: board.talks.confirmed },
      materials: { approved: 0, total: 3, team: board.teamMaterial },
      behind: [],
    });
    expect(row.opinions).toBe(2);
    // A supervisor of the parent in no group supervises nothing.
    expect((await t.http.get('/api/v1/supervision/meetings').set(otherSupervisor.auth).expect(200)).body).toEqual([]);
  });

  it("counts an anonymous opinion only once it is released, as the unit's board does", async () => {
    const box = await openBox(t, unitA.admin, meetingA, { releaseThreshold: 3 });
    const before = (await t.http.get('/api/v1/supervision/meetings').set(duban.auth).expect(200)).body;
    for (const text of ['有的领导下基层调研走过场。', '文件多、会议多。', '干部考核区分度不高。']) {
      await submitOpinion(t, box.slug, { text });
      await t.drain();
      expect((await t.http.get('/api/v1/supervision/meetings').set(duban.auth).expect(200)).body).toEqual(before);
    }
    expect((await t.http.get('/api/v1/supervision/meetings').set(duban.auth).expect(200)).body).toEqual(before);
    await t.release();
    const after = (await t.http.get('/api/v1/supervision/meetings').set(duban.auth).expect(200)).body;
    expect(after[0].opinions).toBe(before[0].opinions + 3);
  });

  it("reads the supervised unit's read-only routes and pages", async () => {
    for (const path of [`/api/v1/meetings/${meetingA}`, `/api/v1/meetings/${meetingA}/progress`, `/api/v1/meetings/${meetingA}/items`, `/api/v1/meetings/${meetingA}/talks/matrix`, `/api/v1/meetings/${meetingA}/team`, `/api/v1/meetings/${meetingA}/rectifications`]) {
      const response = await t.http.get(path).set(duban.auth);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
    const cookie = await signInToPages(t, duban.username);
    const board = await t.http.get(`/meetings/${meetingA}/board`).set('cookie', cookie).expect(200);
    expect(board.text).toContain('甲单位民主生活会');
    await t.http.get(`/meetings/${meetingA}/list`).set('cookie', cookie).expect(200);
    const overviewPage = await t.http.get('/supervision').set('cookie', cookie).expect(200);
    expect(overviewPage.text).toContain(unitA.name);
    expect(overviewPage.text).not.toContain(unitB.name);
    expect(overviewPage.text).toContain(`/meetings/${meetingA}/board`);
  });

  it('answers 404 for the unit it does not supervise, and for routes not open to it', async () => {
    for (const path of [`/api/v1/meetings/${meetingB}`, `/api/v1/meetings/${meetingB}/progress`, `/api/v1/meetings/${meetingB}/items`]) {
      const response = await t.http.get(path).set(duban.auth);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    // A box is not a route the 督导组 reaches: the unit's box is as unknown to it as any other organisation's.
    const box = await openBox(t, unitA.admin, meetingA);
    expect((await t.http.get(`/api/v1/boxes/${box.id}`).set(duban.auth)).status).toBe(404);
    // Supervisors not in the group reach nothing.
    expect((await t.http.get(`/api/v1/meetings/${meetingA}`).set(otherSupervisor.auth)).status).toBe(404);
    const cookie = await signInToPages(t, duban.username);
    expect((await t.http.get(`/meetings/${meetingB}/board`).set('cookie', cookie)).status).toBe(404);
  });

  it('writes nothing in the unit but a supervision item', async () => {
    const writes: Array<[string, string, object]> = [
      ['patch', `/api/v1/meetings/${meetingA}`, { title: '改名' }],
      ['post', `/api/v1/meetings/${meetingA}/boxes`, { title: '督导组的箱' }],
      ['post', `/api/v1/meetings/${meetingA}/items/publish`, {}],
      ['post', `/api/v1/meetings/${meetingA}/symposiums`, { heldOn: t.clock.today(), audience: '督导组', attendeeCount: 1, opinions: [{ text: '督导组自己记录的意见' }] }],
    ];
    for (const [method, path, body] of writes) {
      const response = await t.http[method as 'post' | 'patch'](path).set(duban.auth).send(body);
      expect({ path, refused: [403, 404].includes(response.status) }).toEqual({ path, refused: true });
    }
    const item = await t.http.post(`/api/v1/meetings/${meetingA}/items`).set(duban.auth).send({ summary: '对上级部署的落实还有温差', aspect: '理论学习' }).expect(201);
    expect(item.body).toMatchObject({ channels: ['supervision'], status: 'draft' });
    const seenByUnit = await t.http.get(`/api/v1/items/${item.body.id}`).set(unitA.admin.auth).expect(200);
    expect(seenByUnit.body.summary).toBe('对上级部署的落实还有温差');
    expect((await t.http.post(`/api/v1/meetings/${meetingB}/items`).set(duban.auth).send({ summary: '乙单位的问题', aspect: '理论学习' })).status).toBe(404);
  });

  it('comments on a submitted material of the unit, signed in the unit with its group\'s name', async () => {
    const member = teamA.members[0];
    await t.http.put(`/api/v1/meetings/${meetingA}/materials/${member.id}/file`).set(member.auth).set('content-type', 'application/pdf').send(PDF).expect(200);
    await t.http.post(`/api/v1/meetings/${meetingA}/materials/${member.id}/status`).set(member.auth).send({ status: 'submitted' }).expect(200);
    await t.http.post(`/api/v1/meetings/${meetingA}/materials/${member.id}/comments`).set(duban.auth).send({ text: '查摆问题要具体。' }).expect(201);
    const seen = (await t.http.get(`/api/v1/meetings/${meetingA}/materials/${member.id}`).set(member.auth).expect(200)).body;
    expect(seen.comments).toEqual([expect.objectContaining({ text: '查摆问题要具体。', by: { userId: duban.id, name: '第一督导组' } })]);
    // Nothing of the parent's account itself: not its name, not its username.
    expect(JSON.stringify(seen)).not.toContain('周正');
  });

  it('loses its reach at once when the group no longer supervises the unit', async () => {
    await t.http.put(`/api/v1/supervision/groups/${groupId}`).set(parent.admin.auth).send({ name: '第一督导组', memberUserIds: [duban.id], unitIds: [unitB.id] }).expect(200);
    expect((await t.http.get(`/api/v1/meetings/${meetingA}`).set(duban.auth)).status).toBe(404);
    expect((await t.http.get(`/api/v1/meetings/${meetingB}`).set(duban.auth)).status).toBe(200);
    expect((await t.http.get('/api/v1/supervision/meetings').set(duban.auth).expect(200)).body.map((row: { organization: { id: string } }) => row.organization.id)).toEqual([unitB.id]);
  });
});

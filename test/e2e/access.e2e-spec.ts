import { Role } from '../../src/common/roles';
import { routesOf } from '../../src/core/http';
import { openBox } from '../factories/boxes';
import { createSurvey, surveyBody } from '../factories/surveys';
import { createMeeting, createTeam, meetingBody } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

describe(`roles and organisation isolation (${driverName})`, () => {
  let t: TestApp;
  let home: TestOrg;
  let other: TestOrg;
  const people: Partial<Record<Role, TestUser>> = {};
  let otherIds: Record<string, string>;
  let homeMeetingId: string;
  let homeBoxId: string;
  let homeSurveyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createOrg(t);
    other = await createOrg(t);
    for (const role of [Role.Organiser, Role.Leader, Role.Supervisor, Role.Staff]) people[role] = await home.user([role]);
    people[Role.Admin] = await home.user([Role.Admin]);
    homeMeetingId = (await createMeeting(t, people[Role.Organiser]!)).id;
    homeBoxId = (await openBox(t, people[Role.Organiser]!, homeMeetingId)).id;
    homeSurveyId = (await createSurvey(t, people[Role.Organiser]!, homeMeetingId, surveyBody('理论学习'))).id;

    // Records of another organisation, one of each kind a route can name.
    const otherMeeting = await createMeeting(t, other.admin);
    const otherTeam = await createTeam(t, other, otherMeeting.id, 2);
    const otherWebhook = await t.http.post('/api/v1/webhooks').set(other.admin.auth).send({ url: 'http://127.0.0.1:9/hook', format: 'generic' }).expect(201);
    const otherInbox = await t.http.get('/api/v1/me/notifications').set(otherTeam.secretary.auth).expect(200);
    const otherBox = await openBox(t, other.admin, otherMeeting.id);
    const otherSurvey = await createSurvey(t, other.admin, otherMeeting.id, surveyBody('理论学习'));
    const otherTalk = await t.http
      .post(`/api/v1/meetings/${otherMeeting.id}/talks`)
      .set(otherTeam.secretary.auth)
      .send({ counterpartUserId: otherTeam.members[0].id, heldOn: '2026-01-05', summary: '别人的谈话内容' })
      .expect(201);
    const otherDepartment = await other.department();
    const otherExport = await t.http.post(`/api/v1/meetings/${otherMeeting.id}/exports`).set(other.admin.auth).send({ what: 'opinion-list', format: 'xlsx' }).expect(202);
    const otherItem = await t.http.post(`/api/v1/meetings/${otherMeeting.id}/items`).set(other.admin.auth).send({ summary: '别人单位督导组指出的问题', aspect: '理论学习' }).expect(201);
    const otherEntry = await t.http
      .post(`/api/v1/meetings/${otherMeeting.id}/rectifications`)
      .set(other.admin.auth)
      .send({ problem: '别人单位的整改问题', measures: ['别人的措施'], ownerUserId: otherTeam.members[0].id, dueDate: '2027-06-30' })
      .expect(201);
    // An opinion of theirs in the list (a symposium's, released at once), for 追问.
    await t.http.post(`/api/v1/meetings/${otherMeeting.id}/symposiums`).set(other.admin.auth).send({ heldOn: '2026-01-05', audience: '中层干部', attendeeCount: 12, opinions: [{ text: '别人单位座谈会上的意见' }] }).expect(201);
    const otherGroup = await t.http.post('/api/v1/supervision/groups').set(other.admin.auth).send({ name: '别人的督导组', memberUserIds: [], unitIds: [] }).expect(201);
    await t.drain();
    const otherListed = (await t.http.get(`/api/v1/meetings/${otherMeeting.id}/items`).set(other.admin.auth).expect(200)).body as Array<{ id: string; sourceCount: number }>;
    const otherOpinion = (await t.http.get(`/api/v1/items/${otherListed.find((item) => item.sourceCount > 0)!.id}`).set(other.admin.auth).expect(200)).body.sources[0].id as string;
    otherIds = {
      meeting: otherMeeting.id,
      opinion: otherOpinion,
      rectification: otherEntry.body.id,
      user: otherTeam.secretary.id,
      webhook: otherWebhook.body.id,
      notification: otherInbox.body.items[0].id,
      box: otherBox.id,
      survey: otherSurvey.id,
      talk: otherTalk.body.id,
      department: otherDepartment.id,
      item: otherItem.body.id,
      export: otherExport.body.id,
      merge: '00000000-0000-4000-8000-000000000000',
      group: otherGroup.body.id,
    };
  });
  afterAll(() => t.close());

  // Who may call what. Every other role gets 403 FORBIDDEN.
  const rules: Array<{ method: Method; path: (ids: { meeting: string; box: string; survey: string }) => string; body?: object; allowed: Role[] }> = [
    { method: 'post', path: () => '/api/v1/users', body: { username: 'x', displayName: 'x', password: 'x', roles: [] }, allowed: [Role.Admin, Role.Organiser] },
    { method: 'get', path: () => '/api/v1/users', allowed: [Role.Admin, Role.Organiser] },
    { method: 'post', path: () => '/api/v1/departments', body: {}, allowed: [Role.Admin, Role.Organiser] },
    { method: 'post', path: () => '/api/v1/meetings', body: meetingBody({ title: '' }), allowed: [Role.Organiser] },
    { method: 'get', path: () => '/api/v1/meetings', allowed: [Role.Organiser, Role.Supervisor, Role.Leader] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}`, allowed: [Role.Organiser, Role.Supervisor, Role.Leader] },
    { method: 'patch', path: ({ meeting }) => `/api/v1/meetings/${meeting}`, body: { title: '' }, allowed: [Role.Organiser] },
    { method: 'put', path: ({ meeting }) => `/api/v1/meetings/${meeting}/team`, body: { members: [] }, allowed: [Role.Organiser] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/phase`, body: { phase: 'x' }, allowed: [Role.Organiser] },
    { method: 'post', path: () => '/api/v1/webhooks', body: {}, allowed: [Role.Admin, Role.Organiser] },
    { method: 'get', path: () => '/api/v1/webhooks', allowed: [Role.Admin, Role.Organiser] },
    { method: 'get', path: () => '/api/v1/admin/queues', allowed: [Role.Admin] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/boxes`, body: { title: '' }, allowed: [Role.Organiser] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/boxes`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'get', path: ({ box }) => `/api/v1/boxes/${box}`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'get', path: ({ box }) => `/api/v1/boxes/${box}/qr`, allowed: [Role.Organiser] },
    { method: 'get', path: ({ box }) => `/api/v1/boxes/${box}/opinions`, allowed: [Role.Organiser] },
    // Last: the organiser's call closes the box.
    { method: 'post', path: ({ box }) => `/api/v1/boxes/${box}/close`, allowed: [Role.Organiser] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/symposiums`, body: { audience: '' }, allowed: [Role.Organiser] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/symposiums`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/written-opinions`, body: { fromBody: '' }, allowed: [Role.Organiser] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/written-opinions`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/surveys/template`, allowed: [Role.Organiser] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/surveys`, body: { title: '' }, allowed: [Role.Organiser] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/surveys/from-template`, allowed: [Role.Organiser] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/surveys`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'get', path: ({ survey }) => `/api/v1/surveys/${survey}`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'get', path: ({ survey }) => `/api/v1/surveys/${survey}/results`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'post', path: ({ survey }) => `/api/v1/surveys/${survey}/tokens`, body: { count: 0 }, allowed: [Role.Organiser] },
    { method: 'post', path: ({ survey }) => `/api/v1/surveys/${survey}/close`, allowed: [Role.Organiser] },
    { method: 'post', path: ({ survey }) => `/api/v1/surveys/${survey}/open`, allowed: [Role.Organiser] },
    { method: 'patch', path: () => '/api/v1/departments/00000000-0000-4000-8000-000000000000', body: {}, allowed: [Role.Admin, Role.Organiser] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/talks/required`, allowed: [Role.Organiser, Role.Supervisor, Role.Leader] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/talks/matrix`, allowed: [Role.Organiser, Role.Supervisor, Role.Leader] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/talks`, allowed: [Role.Organiser, Role.Supervisor, Role.Leader] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/talks`, body: {}, allowed: [Role.Leader] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/materials`, allowed: [Role.Organiser, Role.Supervisor, Role.Leader] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/materials/00000000-0000-4000-8000-000000000000/comments`, body: { text: '督导组意见' }, allowed: [Role.Supervisor] },
    // A supervisor reaches the list routes but reads published items only (supervisor-items.e2e-spec.ts).
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/items`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/items`, body: {}, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/items/summary`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/items/similar`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/claims/overview`, allowed: [Role.Organiser, Role.Supervisor, Role.Leader] },
    { method: 'get', path: () => '/api/v1/me/items', allowed: [Role.Leader] },
    { method: 'post', path: () => '/api/v1/opinions/00000000-0000-4000-8000-000000000000/questions', body: { text: '追问' }, allowed: [Role.Organiser] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/progress`, allowed: [Role.Organiser, Role.Supervisor] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/exports`, body: { what: 'x' }, allowed: [Role.Organiser] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/rectifications`, allowed: [Role.Organiser, Role.Supervisor, Role.Leader] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/rectifications`, body: {}, allowed: [Role.Organiser] },
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/rectifications/from-claims`, allowed: [Role.Organiser] },
    { method: 'get', path: ({ meeting }) => `/api/v1/meetings/${meeting}/carry-over`, allowed: [Role.Organiser, Role.Supervisor, Role.Leader] },
    { method: 'get', path: () => '/api/v1/me/rectifications', allowed: [Role.Leader] },
    { method: 'patch', path: () => '/api/v1/rectifications/00000000-0000-4000-8000-000000000000', body: {}, allowed: [Role.Organiser] },
    { method: 'get', path: () => '/api/v1/supervision/meetings', allowed: [Role.Supervisor] },
    { method: 'get', path: () => '/api/v1/supervision/groups', allowed: [Role.Admin, Role.Organiser] },
    { method: 'post', path: () => '/api/v1/supervision/groups', body: {}, allowed: [Role.Admin, Role.Organiser] },
    { method: 'get', path: () => '/api/v1/organization/units', allowed: [Role.Admin, Role.Organiser] },
    { method: 'post', path: () => '/api/v1/organization/units', body: {}, allowed: [Role.Admin] },
    // Last of the meeting's: the organiser's call publishes its drafts.
    { method: 'post', path: ({ meeting }) => `/api/v1/meetings/${meeting}/items/publish`, allowed: [Role.Organiser] },
  ];

  const allRoles = [Role.Admin, Role.Organiser, Role.Leader, Role.Supervisor, Role.Staff];
  const cases = rules.flatMap((rule) => allRoles.map((role) => ({ ...rule, role, label: `${rule.method.toUpperCase()} ${rule.path({ meeting: ':id', box: ':id', survey: ':id' })} as ${role}` })));

  it.each(cases)('$label: allowed only to its roles', async ({ method, path, body, allowed, role }) => {
    const response = await t.http[method](path({ meeting: homeMeetingId, box: homeBoxId, survey: homeSurveyId })).set(people[role]!.auth).send(body);
    if (allowed.includes(role)) {
      expect({ role, status: response.status }).not.toEqual({ role, status: 403 });
    } else {
      expect({ role, status: response.status, code: response.body.code }).toEqual({ role, status: 403, code: 'FORBIDDEN' });
    }
  });

  // 督导组 read-only: of every writing route above, a supervisor may call only those the issues
  // give them (督导组意见 on a submitted material, which moves no status; an item the 督导组 names;
  // the review of the secretary's material, checked in the materials suite). The table-driven
  // requests above prove the 403s; this keeps the table honest.
  it('lets a supervisor write nothing but 督导组意见 on materials and the item the 督导组 names', () => {
    const writes = rules.filter((rule) => rule.method !== 'get' && rule.allowed.includes(Role.Supervisor));
    expect(writes.map((rule) => `${rule.method.toUpperCase()} ${rule.path({ meeting: ':id', box: ':id', survey: ':id' })}`)).toEqual([
      'POST /api/v1/meetings/:id/materials/00000000-0000-4000-8000-000000000000/comments',
      'POST /api/v1/meetings/:id/items',
    ]);
  });

  // Every route that names a record, called with another organisation's record: 404, never 403.
  type OtherIdKey = 'meeting' | 'opinion' | 'user' | 'webhook' | 'notification' | 'box' | 'survey' | 'talk' | 'department' | 'item' | 'merge' | 'export' | 'rectification' | 'group';
  const crossOrg: Array<{ method: Method; route: string; id: OtherIdKey; body?: object; as: Role }> = [
    { method: 'get', route: '/api/v1/users/:id', id: 'user', as: Role.Organiser },
    { method: 'patch', route: '/api/v1/users/:id', id: 'user', body: { displayName: '改' }, as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id', id: 'meeting', as: Role.Supervisor },
    { method: 'patch', route: '/api/v1/meetings/:id', id: 'meeting', body: { title: '改' }, as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/team', id: 'meeting', as: Role.Organiser },
    { method: 'put', route: '/api/v1/meetings/:id/team', id: 'meeting', body: { members: [{ userId: '00000000-0000-4000-8000-000000000000', role: 'secretary', oversees: [] }] }, as: Role.Organiser },
    { method: 'post', route: '/api/v1/meetings/:id/phase', id: 'meeting', body: { phase: 'closed' }, as: Role.Organiser },
    { method: 'post', route: '/api/v1/me/notifications/:id/read', id: 'notification', as: Role.Leader },
    { method: 'delete', route: '/api/v1/webhooks/:id', id: 'webhook', as: Role.Organiser },
    { method: 'get', route: '/api/v1/webhooks/:id/deliveries', id: 'webhook', as: Role.Organiser },
    { method: 'post', route: '/api/v1/meetings/:id/boxes', id: 'meeting', body: { title: '别人的意见箱' }, as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/boxes', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/boxes', id: 'meeting', as: Role.Supervisor },
    { method: 'get', route: '/api/v1/boxes/:id', id: 'box', as: Role.Organiser },
    { method: 'get', route: '/api/v1/boxes/:id', id: 'box', as: Role.Supervisor },
    { method: 'post', route: '/api/v1/boxes/:id/close', id: 'box', as: Role.Organiser },
    { method: 'get', route: '/api/v1/boxes/:id/qr', id: 'box', as: Role.Organiser },
    { method: 'get', route: '/api/v1/boxes/:id/opinions', id: 'box', as: Role.Organiser },
    { method: 'post', route: '/api/v1/meetings/:id/symposiums', id: 'meeting', body: { heldOn: '2026-01-05', audience: '中层干部', attendeeCount: 12, opinions: [{ text: '别人的座谈会意见' }] }, as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/symposiums', id: 'meeting', as: Role.Supervisor },
    { method: 'post', route: '/api/v1/meetings/:id/written-opinions', id: 'meeting', body: { fromBody: '纪检监察组', opinions: [{ text: '别人的书面意见内容' }] }, as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/written-opinions', id: 'meeting', as: Role.Supervisor },
    { method: 'get', route: '/api/v1/meetings/:id/surveys/template', id: 'meeting', as: Role.Organiser },
    { method: 'post', route: '/api/v1/meetings/:id/surveys', id: 'meeting', body: surveyBody('理论学习'), as: Role.Organiser },
    { method: 'post', route: '/api/v1/meetings/:id/surveys/from-template', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/surveys', id: 'meeting', as: Role.Supervisor },
    { method: 'get', route: '/api/v1/surveys/:id', id: 'survey', as: Role.Supervisor },
    { method: 'get', route: '/api/v1/surveys/:id/results', id: 'survey', as: Role.Organiser },
    { method: 'post', route: '/api/v1/surveys/:id/tokens', id: 'survey', body: { count: 3 }, as: Role.Organiser },
    { method: 'post', route: '/api/v1/surveys/:id/close', id: 'survey', as: Role.Organiser },
    { method: 'post', route: '/api/v1/surveys/:id/open', id: 'survey', as: Role.Organiser },
    { method: 'patch', route: '/api/v1/departments/:id', id: 'department', body: { headName: '别人' }, as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/talks/required', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/talks/matrix', id: 'meeting', as: Role.Supervisor },
    { method: 'get', route: '/api/v1/meetings/:id/talks', id: 'meeting', as: Role.Organiser },
    { method: 'post', route: '/api/v1/meetings/:id/talks', id: 'meeting', body: { counterpartName: '某人', heldOn: '2026-01-05', summary: '谈话' }, as: Role.Leader },
    { method: 'get', route: '/api/v1/talks/:id', id: 'talk', as: Role.Leader },
    { method: 'patch', route: '/api/v1/talks/:id', id: 'talk', body: { summary: '改' }, as: Role.Leader },
    { method: 'post', route: '/api/v1/talks/:id/confirm', id: 'talk', as: Role.Leader },
    { method: 'post', route: '/api/v1/talks/:id/request-correction', id: 'talk', body: { comment: '改' }, as: Role.Leader },
    { method: 'get', route: '/api/v1/meetings/:id/materials', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/materials/:memberId', id: 'meeting', as: Role.Organiser },
    { method: 'post', route: '/api/v1/meetings/:id/materials/:memberId/status', id: 'meeting', body: { status: 'approved' }, as: Role.Supervisor },
    { method: 'put', route: '/api/v1/meetings/:id/materials/:memberId/file', id: 'meeting', as: Role.Leader },
    { method: 'get', route: '/api/v1/meetings/:id/materials/:memberId/file', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/materials/:memberId/file', id: 'meeting', as: Role.Supervisor },
    { method: 'post', route: '/api/v1/meetings/:id/materials/:memberId/comments', id: 'meeting', body: { text: '写给别人单位的督导组意见' }, as: Role.Supervisor },
    { method: 'get', route: '/api/v1/meetings/:id/materials/:memberId/draft', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/materials/:memberId/draft', id: 'meeting', as: Role.Leader },
    { method: 'put', route: '/api/v1/meetings/:id/materials/:memberId/draft', id: 'meeting', body: { sections: [{ key: 'causes', paragraphs: ['写进别人单位的草稿'] }] }, as: Role.Leader },
    { method: 'get', route: '/api/v1/meetings/:id/materials/:memberId/draft.docx', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/items', id: 'meeting', as: Role.Organiser },
    { method: 'post', route: '/api/v1/meetings/:id/items', id: 'meeting', body: { summary: '不该进别人清单的问题', aspect: '理论学习' }, as: Role.Supervisor },
    { method: 'post', route: '/api/v1/meetings/:id/items/publish', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/items/summary', id: 'meeting', as: Role.Supervisor },
    { method: 'get', route: '/api/v1/meetings/:id/claims/overview', id: 'meeting', as: Role.Organiser },
    { method: 'get', route: '/api/v1/items/:id', id: 'item', as: Role.Organiser },
    { method: 'post', route: '/api/v1/opinions/:id/questions', id: 'opinion', body: { text: '追问别人单位的意见' }, as: Role.Organiser },
    { method: 'patch', route: '/api/v1/items/:id', id: 'item', body: { summary: '改' }, as: Role.Organiser },
    { method: 'post', route: '/api/v1/items/:id/merge', id: 'item', body: { intoItemId: '00000000-0000-4000-8000-000000000000' }, as: Role.Organiser },
    { method: 'post', route: '/api/v1/items/:id/split', id: 'item', body: { sourceIds: ['00000000-0000-4000-8000-000000000000'] }, as: Role.Organiser },
    { method: 'post', route: '/api/v1/items/:id/set-aside', id: 'item', body: { reason: '别人的' }, as: Role.Organiser },
    { method: 'post', route: '/api/v1/items/:id/restore', id: 'item', as: Role.Organiser },
    { method: 'post', route: '/api/v1/items/:id/claims', id: 'item', body: { kind: 'lead' }, as: Role.Leader },
    { method: 'put', route: '/api/v1/items/:id/claims/mine', id: 'item', body: { reflection: '别人的认识内容', measures: '别人的整改措施' }, as: Role.Leader },
    { method: 'delete', route: '/api/v1/items/:id/claims/mine', id: 'item', as: Role.Leader },
    { method: 'post', route: '/api/v1/items/:id/assign', id: 'item', body: { memberUserId: '00000000-0000-4000-8000-000000000000' }, as: Role.Leader },
    { method: 'get', route: '/api/v1/meetings/:id/items/similar', id: 'meeting', as: Role.Supervisor },
    { method: 'post', route: '/api/v1/items/:id/distinct', id: 'item', body: { otherItemId: '00000000-0000-4000-8000-000000000000' }, as: Role.Organiser },
    { method: 'delete', route: '/api/v1/items/:id/distinct/:otherId', id: 'item', as: Role.Organiser },
    { method: 'post', route: '/api/v1/item-merges/:id/undo', id: 'merge', as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/progress', id: 'meeting', as: Role.Supervisor },
    { method: 'post', route: '/api/v1/meetings/:id/exports', id: 'meeting', body: { what: 'opinion-list', format: 'xlsx' }, as: Role.Organiser },
    { method: 'get', route: '/api/v1/meetings/:id/rectifications', id: 'meeting', as: Role.Supervisor },
    { method: 'post', route: '/api/v1/meetings/:id/rectifications', id: 'meeting', body: { problem: '不该进别人台账的问题', measures: ['措施'], ownerUserId: '00000000-0000-4000-8000-000000000000', dueDate: '2027-06-30' }, as: Role.Organiser },
    { method: 'post', route: '/api/v1/meetings/:id/rectifications/from-claims', id: 'meeting', as: Role.Organiser },
    { method: 'post', route: '/api/v1/rectifications/:id/reports', id: 'rectification', body: { note: '别人的' }, as: Role.Leader },
    { method: 'post', route: '/api/v1/rectifications/:id/close', id: 'rectification', body: { note: '别人的' }, as: Role.Organiser },
    { method: 'post', route: '/api/v1/rectifications/:id/return', id: 'rectification', body: { reason: '别人的' }, as: Role.Organiser },
    { method: 'patch', route: '/api/v1/rectifications/:id', id: 'rectification', body: { problem: '改别人的' }, as: Role.Organiser },
    { method: 'get', route: '/api/v1/rectifications/:id/evidence/:eventId', id: 'rectification', as: Role.Supervisor },
    { method: 'get', route: '/api/v1/meetings/:id/carry-over', id: 'meeting', as: Role.Supervisor },
    { method: 'get', route: '/api/v1/exports/:id', id: 'export', as: Role.Organiser },
    { method: 'put', route: '/api/v1/supervision/groups/:id', id: 'group', body: { name: '改别人的', memberUserIds: [], unitIds: [] }, as: Role.Organiser },
    { method: 'get', route: '/api/v1/exports/:id/file', id: 'export', as: Role.Organiser },
  ];

  it.each(crossOrg)('$method $route with another organisation\'s $id answers 404', async ({ method, route, id, body, as }) => {
    // A second id in the path (a team member's, another item's) is the other organisation's too.
    const response = await t.http[method](route.replace(':id', otherIds[id]).replace(':memberId', otherIds.user).replace(':otherId', otherIds.item).replace(':eventId', otherIds.rectification)).set(people[as]!.auth).send(body);
    expect({ route, status: response.status, code: response.body.code }).toEqual({ route, status: 404, code: 'NOT_FOUND' });
  });

  /** A page's parameters filled with the other organisation's records, by name or by the segment before `:id`. */
  const PAGE_PARAMS: Record<string, string> = { meetings: 'meeting', boxes: 'box', surveys: 'survey', exports: 'export', items: 'item', talks: 'talk', departments: 'department', accounts: 'user', itemId: 'item', mergeId: 'merge', meetingId: 'meeting', memberId: 'user' };
  const otherPagePath = (route: string) =>
    route
      .split('/')
      .map((segment, index, segments) => (segment.startsWith(':') ? otherIds[PAGE_PARAMS[segment === ':id' ? segments[index - 1] : segment.slice(1)]] : segment))
      .join('/');

  it('answers every signed-in page that names a record, with another organisation\'s record, without showing or changing it', async () => {
    const pages = routesOf(t.app).filter((route) => route.kind.html && !route.kind.anonymous && route.url.includes('/:') && !route.url.startsWith('/api/'));
    expect(pages.length).toBeGreaterThan(20);
    const unfilled = pages.filter((route) => otherPagePath(route.url).includes('undefined')).map((route) => route.url);
    expect({ unfilled }).toEqual({ unfilled: [] });
    const cookies: Array<[Role, string]> = [];
    for (const role of [Role.Organiser, Role.Leader, Role.Supervisor, Role.Admin]) cookies.push([role, await signInToPages(t, people[role]!.username)]);
    const answered: string[] = [];
    for (const route of pages) {
      for (const [role, cookie] of cookies) {
        const request = route.method === 'GET' ? t.http.get(otherPagePath(route.url)) : t.http.post(otherPagePath(route.url)).type('form').send({});
        const { status } = await request.set('cookie', cookie);
        // 404 (not theirs), 403 (not this role's page), 400 (a form refused before any record is read): never the record.
        if (![400, 403, 404].includes(status)) answered.push(`${role} ${route.method} ${route.url}: ${status}`);
      }
    }
    expect(answered).toEqual([]);
  }, 120_000);

  it('leaves the other organisation\'s records untouched', async () => {
    const meeting = await t.http.get(`/api/v1/meetings/${otherIds.meeting}`).set(other.admin.auth).expect(200);
    expect(meeting.body).toMatchObject({ title: meetingBody().title, phase: 'preparing' });
    const box = await t.http.get(`/api/v1/boxes/${otherIds.box}`).set(other.admin.auth).expect(200);
    expect(box.body).toMatchObject({ open: true, closedAt: null });
    const boxes = await t.http.get(`/api/v1/meetings/${otherIds.meeting}/boxes`).set(other.admin.auth).expect(200);
    expect(boxes.body.map((entry: { id: string }) => entry.id)).toEqual([otherIds.box]);
  });

  it('covers every route that names a record (a new route must join the list above)', () => {
    const withIds = routesOf(t.app)
      .filter((route) => route.url.includes('/:') && route.url.startsWith('/api/v1/') && !route.url.startsWith('/api/v1/public/'))
      .map((route) => `${route.method.toLowerCase()} ${route.url}`);
    const covered = new Set(crossOrg.map((entry) => `${entry.method} ${entry.route}`));
    expect(withIds.filter((route) => !covered.has(route))).toEqual([]);
  });
});

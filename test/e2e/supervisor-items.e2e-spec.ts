import { Role } from '../../src/common/roles';
import { routesOf } from '../../src/core/http';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, PASSWORD, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

interface Item {
  id: string;
  summary: string;
  status: string;
  claims: Array<{ kind: string; answer: { reflection: string; measures: string } | null }>;
  sources?: Array<{ text: string }>;
}

interface Pair {
  items: Array<{ id: string; summary: string }>;
}

// Published before the drafts below were made; two of them say the same thing in other words.
const PUBLISHED_MEETINGS = '会议太多，一周有大半时间在开会';
const PUBLISHED_MEETINGS_REWORDED = '开会过多过频，挤占了干事的时间';
const PUBLISHED_SOURCE = '食堂饭菜品种单一，价格偏高，职工意见较大。';
/** Published, then set aside: no longer on the list the team answers. */
const PUBLISHED_THEN_SET_ASIDE = '办公用房调整进度偏慢，部分科室拥挤。';
const ANSWER = { reflection: '会议统筹不够，以会议落实会议。', measures: '每月会议计划提前公布，能合并的合并。' };

// The organiser's work in progress: drafts (one pair alike, one like a published item), one set
// aside, one merged away, and one from a symposium with its verbatim source.
const DRAFT_CARS = '公务用车管理不严，节假日有私用情况';
const DRAFT_CARS_REWORDED = '公车私用的苗头要及时刹住，用车登记不严';
const DRAFT_MEETINGS = '会议多、时间长，开会占去了大半工作日';
const DRAFT_SET_ASIDE = '建议增加职工文体活动经费。';
const DRAFT_MERGED = '节假日公车私用，用车制度执行不严';
const DRAFT_SOURCE = '档案数字化工作推进缓慢，查阅纸质档案很不方便。';
const DRAFT_TEXTS = [DRAFT_CARS, DRAFT_CARS_REWORDED, DRAFT_MEETINGS, DRAFT_SET_ASIDE, DRAFT_MERGED, DRAFT_SOURCE, PUBLISHED_THEN_SET_ASIDE];

/**
 * The 督导组 reads progress, the published list and its answers (DESIGN.md's roles): never a
 * draft, a set-aside or a merged item, on any route. Counts stay what they are: they are not texts.
 */
describe(`what a supervisor (督导组) reads of the opinion list (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let supervisor: TestUser;
  let team: TestTeam;
  let meetingId: string;
  const ids: Record<string, string> = {};

  const addItem = async (summary: string, by: TestUser = organiser) =>
    (await t.http.post(`/api/v1/meetings/${meetingId}/items`).set(by.auth).send({ summary, aspect: '理论学习' }).expect(201)).body as Item;
  const recordSymposium = (text: string) =>
    t.http.post(`/api/v1/meetings/${meetingId}/symposiums`).set(organiser.auth).send({ heldOn: t.clock.today(), audience: '普通职工代表', attendeeCount: 9, opinions: [{ text }] }).expect(201);
  const listAs = async (user: TestUser, query = ''): Promise<Item[]> => (await t.http.get(`/api/v1/meetings/${meetingId}/items${query}`).set(user.auth).expect(200)).body;
  const idOf = (items: Item[], summary: string) => items.find((item) => item.summary === summary)?.id;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    supervisor = await org.user([Role.Supervisor]);
    meetingId = (await createMeeting(t, organiser)).id;
    team = await createTeam(t, org, meetingId, 3);

    await recordSymposium(PUBLISHED_SOURCE);
    await t.drain();
    ids.publishedMeetings = (await addItem(PUBLISHED_MEETINGS)).id;
    ids.publishedMeetingsReworded = (await addItem(PUBLISHED_MEETINGS_REWORDED)).id;
    ids.publishedThenSetAside = (await addItem(PUBLISHED_THEN_SET_ASIDE)).id;
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(organiser.auth).expect(200);
    ids.publishedSource = idOf(await listAs(organiser), PUBLISHED_SOURCE)!;
    await t.http.post(`/api/v1/items/${ids.publishedThenSetAside}/set-aside`).set(organiser.auth).send({ reason: '已在上年度整改' }).expect(200);
    await t.http.post(`/api/v1/items/${ids.publishedMeetings}/claims`).set(team.secretary.auth).send({ kind: 'lead' }).expect(201);
    await t.http.put(`/api/v1/items/${ids.publishedMeetings}/claims/mine`).set(team.secretary.auth).send(ANSWER).expect(200);

    ids.draftCars = (await addItem(DRAFT_CARS)).id;
    ids.draftCarsReworded = (await addItem(DRAFT_CARS_REWORDED)).id;
    ids.draftMeetings = (await addItem(DRAFT_MEETINGS)).id;
    ids.draftSetAside = (await addItem(DRAFT_SET_ASIDE)).id;
    await t.http.post(`/api/v1/items/${ids.draftSetAside}/set-aside`).set(organiser.auth).send({ reason: '不属于班子问题' }).expect(200);
    ids.draftMerged = (await addItem(DRAFT_MERGED)).id;
    await t.http.post(`/api/v1/items/${ids.draftMerged}/merge`).set(organiser.auth).send({ intoItemId: ids.draftCars }).expect(200);
    await recordSymposium(DRAFT_SOURCE);
    await t.drain();
    ids.draftSource = idOf(await listAs(organiser), DRAFT_SOURCE)!;
    expect({ itemFromTheSecondSymposium: ids.draftSource }).toEqual({ itemFromTheSecondSymposium: expect.any(String) });
  });
  afterAll(() => t?.close());

  const publishedIds = () => [ids.publishedMeetings, ids.publishedMeetingsReworded, ids.publishedSource].sort();
  const hiddenIds = () => [ids.draftCars, ids.draftCarsReworded, ids.draftMeetings, ids.draftSetAside, ids.draftMerged, ids.draftSource, ids.publishedThenSetAside];

  it('lists the published items only, whatever status is asked for', async () => {
    expect((await listAs(supervisor)).map((item) => item.id).sort()).toEqual(publishedIds());
    expect((await listAs(supervisor, '?status=published')).map((item) => item.id).sort()).toEqual(publishedIds());
    for (const status of ['draft', 'set-aside', 'merged']) {
      expect({ status, items: await listAs(supervisor, `?status=${status}`) }).toEqual({ status, items: [] });
    }
  });

  it('answers 404 for a draft, set-aside or merged item by id, as if there were none', async () => {
    for (const id of hiddenIds()) {
      const response = await t.http.get(`/api/v1/items/${id}`).set(supervisor.auth);
      expect({ id, status: response.status, code: response.body.code }).toEqual({ id, status: 404, code: 'NOT_FOUND' });
    }
  });

  it('reads a published item with its verbatim sources, claims and answer', async () => {
    const withSource = (await t.http.get(`/api/v1/items/${ids.publishedSource}`).set(supervisor.auth).expect(200)).body as Item;
    expect(withSource.sources!.map((source) => source.text)).toEqual([PUBLISHED_SOURCE]);
    const answered = (await t.http.get(`/api/v1/items/${ids.publishedMeetings}`).set(supervisor.auth).expect(200)).body as Item;
    expect(answered.claims).toEqual([expect.objectContaining({ kind: 'lead', answer: expect.objectContaining(ANSWER) })]);
  });

  it('pairs possible duplicates among published items only (可能重复), where the organiser also sees the drafts\' pairs', async () => {
    const pairsOf = async (user: TestUser) => ((await t.http.get(`/api/v1/meetings/${meetingId}/items/similar`).set(user.auth).expect(200)).body as Pair[]).map((pair) => pair.items.map((item) => item.id).sort());
    const organisers = await pairsOf(organiser);
    expect(organisers).toEqual(expect.arrayContaining([[ids.draftCars, ids.draftCarsReworded].sort()]));
    const supervisors = await pairsOf(supervisor);
    expect(supervisors).toEqual(expect.arrayContaining([[ids.publishedMeetings, ids.publishedMeetingsReworded].sort()]));
    expect(supervisors.flat().filter((id) => !publishedIds().includes(id))).toEqual([]);
  });

  it('keeps the counts as they are: the report\'s numbers and the progress are the organiser\'s', async () => {
    const read = async (user: TestUser, path: string) => (await t.http.get(`/api/v1/meetings/${meetingId}/${path}`).set(user.auth).expect(200)).body;
    expect(await read(supervisor, 'items/summary')).toEqual(await read(organiser, 'items/summary'));
    const progress = await read(supervisor, 'progress');
    expect(progress).toEqual(await read(organiser, 'progress'));
    expect(progress.items).toMatchObject({ draft: 4, published: 3, setAside: 2 });
  });

  it('cannot ask for an export (the 意见清单 document is the organiser\'s) nor read the organiser\'s', async () => {
    const requested = await t.http.post(`/api/v1/meetings/${meetingId}/exports`).set(organiser.auth).send({ what: 'opinion-list', format: 'xlsx' }).expect(202);
    await t.http.post(`/api/v1/meetings/${meetingId}/exports`).set(supervisor.auth).send({ what: 'opinion-list', format: 'xlsx' }).expect(403);
    await t.http.get(`/api/v1/exports/${requested.body.id}`).set(supervisor.auth).expect(403);
    await t.http.get(`/api/v1/exports/${requested.body.id}/file`).set(supervisor.auth).expect(403);
    await t.drain();
  });

  it('finds no draft text or id in anything a supervisor can read: every GET route and the progress board', async () => {
    // Every GET route under /api/v1 (a new one joins by itself), with the meeting's and each item's id.
    const routes = routesOf(t.app)
      .filter((route) => route.method === 'GET' && route.url.startsWith('/api/v1/') && !route.url.startsWith('/api/v1/public/'))
      .map((route) => route.url);
    const paths = routes.flatMap((route) => {
      if (route.startsWith('/api/v1/items/:id')) return [...publishedIds(), ...hiddenIds()].map((id) => route.replace(':id', id));
      return [route.replace(':id', meetingId).replace(':memberId', team.members[0].id)];
    });
    const answers: Array<{ path: string; status: number; text: string }> = [];
    for (const path of paths) {
      const response = await t.http.get(path).set(supervisor.auth);
      answers.push({ path, status: response.status, text: response.text ?? JSON.stringify(response.body) });
    }
    const signIn = await t.http.post('/login').type('form').send({ username: supervisor.username, password: PASSWORD, next: `/meetings/${meetingId}/board` }).expect(303);
    const board = await t.http.get(`/meetings/${meetingId}/board`).set('cookie', ([signIn.headers['set-cookie']].flat()[0] as string).split(';')[0]).expect(200);
    answers.push({ path: '/meetings/:id/board', status: board.status, text: board.text });

    const findings = answers.flatMap(({ path, text }) => [
      ...DRAFT_TEXTS.filter((draft) => text.includes(draft)).map((draft) => `${path} shows the text "${draft}"`),
      ...hiddenIds().filter((id) => text.includes(id) && !path.includes(id)).map((id) => `${path} names the hidden item ${id}`),
    ]);
    expect(findings).toEqual([]);
    // The walk read the list itself, so an empty result above is not an empty walk.
    expect(answers.filter((answer) => answer.status === 200 && answer.text.includes(PUBLISHED_MEETINGS)).map((answer) => answer.path)).toEqual(
      expect.arrayContaining([`/api/v1/meetings/${meetingId}/items`, `/api/v1/items/${ids.publishedMeetings}`]),
    );
  });

  it('leaves the organiser every item: drafts, set aside and merged', async () => {
    const all = await listAs(organiser);
    expect(all.map((item) => item.status).sort()).toEqual(['draft', 'draft', 'draft', 'draft', 'published', 'published', 'published', 'set-aside', 'set-aside']);
    for (const id of hiddenIds()) await t.http.get(`/api/v1/items/${id}`).set(organiser.auth).expect(200);
  });

  it('gives back the item a supervisor names, but lists it only once the organiser publishes it', async () => {
    const named = await addItem('落实“三重一大”决策制度不够严格。', supervisor);
    expect(named).toMatchObject({ summary: '落实“三重一大”决策制度不够严格。', status: 'draft', channels: ['supervision'] });
    await t.http.get(`/api/v1/items/${named.id}`).set(supervisor.auth).expect(404);
    expect((await listAs(supervisor)).map((item) => item.id)).not.toContain(named.id);

    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(organiser.auth).expect(200);
    await t.http.get(`/api/v1/items/${named.id}`).set(supervisor.auth).expect(200);
    expect((await listAs(supervisor)).map((item) => item.id)).toContain(named.id);
  });
});

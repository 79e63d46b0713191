import { Role } from '../../src/common/roles';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

interface Pair {
  similarity: number;
  items: Array<{ id: string; summary: string; target: { id: string | null } }>;
  merge: { itemId: string; intoItemId: string };
}

// Two pairs that say the same thing in other words, and items that resemble nothing else.
const MEETINGS = '会议太多，一周有大半时间在开会';
const MEETINGS_REWORDED = '开会过多过频，挤占了干事的时间';
const CARS_WRITTEN = '公车私用的苗头要及时刹住';
const CARS = '公务用车管理不严，节假日有私用情况';
const YOUTH = '年轻干部培养使用力度不够，成长渠道偏窄';

describe(`可能重复: items that may say the same thing (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meeting: { id: string; aspects: string[] };
  const ids: Record<string, string> = {};

  const addItem = async (summary: string, targetMemberId?: string) =>
    (await t.http.post(`/api/v1/meetings/${meeting.id}/items`).set(organiser.auth).send({ summary, aspect: meeting.aspects[0], ...(targetMemberId ? { targetMemberId } : {}) }).expect(201)).body.id as string;
  const similar = async (query = ''): Promise<Pair[]> => (await t.http.get(`/api/v1/meetings/${meeting.id}/items/similar${query}`).set(organiser.auth).expect(200)).body;
  /** The pairs as sorted summaries, most similar first. */
  const summaries = (pairs: Pair[]) => pairs.map((pair) => pair.items.map((item) => item.summary).sort());

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    organiser = org.admin;
    meeting = await createMeeting(t, organiser);
    team = await createTeam(t, org, meeting.id, 3);
    // One pair side from a written answer's two opinions (compared by its opinions), the rest named
    // directly (by summary). Not a box: a box's opinions wait to be released k at a time.
    await t.http.post(`/api/v1/meetings/${meeting.id}/written-opinions`).set(organiser.auth).send({ fromBody: '派驻纪检监察组', opinions: [{ text: CARS_WRITTEN }, { text: CARS_WRITTEN }] }).expect(201);
    await t.drain();
    ids.meetings = await addItem(MEETINGS);
    t.clock.advance(60_000); // so that the next is the newer of the two
    ids.meetingsReworded = await addItem(MEETINGS_REWORDED);
    ids.cars = await addItem(CARS);
    ids.youth = await addItem(YOUTH);
    // The same words about one member: never paired with the team's item.
    ids.meetingsOfMember = await addItem(MEETINGS, team.members[0].id);
    const items = (await t.http.get(`/api/v1/meetings/${meeting.id}/items`).set(organiser.auth).expect(200)).body as Array<{ id: string; summary: string }>;
    ids.carsWritten = items.find((item) => item.summary === CARS_WRITTEN)!.id;
  });
  afterAll(() => t.close());

  it('pairs reworded duplicates of the same target, most similar first, and nothing else', async () => {
    const pairs = await similar();
    expect(summaries(pairs)).toEqual([[MEETINGS, MEETINGS_REWORDED].sort(), [CARS, CARS_WRITTEN].sort()]);
    expect(pairs[0].similarity).toBeGreaterThanOrEqual(pairs[1].similarity);
    for (const pair of pairs) {
      expect(pair.similarity).toBeGreaterThan(0);
      expect(pair.similarity).toBeLessThanOrEqual(1);
      expect(pair.items.map((item) => item.target.id)).toEqual([null, null]);
    }
    expect(summaries(await similar('?limit=1'))).toEqual([[MEETINGS, MEETINGS_REWORDED].sort()]);
  });

  it('proposes merging the smaller item into the larger, and the newer into the older when they are alike', async () => {
    const pairs = await similar();
    const cars = pairs.find((pair) => pair.items.some((item) => item.id === ids.cars))!;
    // The written answer's item has two opinions, the named one none.
    expect(cars.merge).toEqual({ itemId: ids.cars, intoItemId: ids.carsWritten });
    const meetings = pairs.find((pair) => pair.items.some((item) => item.id === ids.meetings))!;
    expect(meetings.merge).toEqual({ itemId: ids.meetingsReworded, intoItemId: ids.meetings });
  });

  it('forgets a pair the organiser marks as different, once however often said, until taken back', async () => {
    await t.http.post(`/api/v1/items/${ids.carsWritten}/distinct`).set(organiser.auth).send({ otherItemId: ids.cars }).expect(204);
    // Said again, from the other side: nothing changes.
    await t.http.post(`/api/v1/items/${ids.cars}/distinct`).set(organiser.auth).send({ otherItemId: ids.carsWritten }).expect(204);
    expect(summaries(await similar())).toEqual([[MEETINGS, MEETINGS_REWORDED].sort()]);

    await t.http.delete(`/api/v1/items/${ids.cars}/distinct/${ids.carsWritten}`).set(organiser.auth).expect(204);
    expect(summaries(await similar())).toHaveLength(2);
  });

  it('drops a pair once merged as proposed, and brings it back when the merge is undone', async () => {
    const pair = (await similar()).find((each) => each.items.some((item) => item.id === ids.meetings))!;
    const merged = await t.http.post(`/api/v1/items/${pair.merge.itemId}/merge`).set(organiser.auth).send({ intoItemId: pair.merge.intoItemId }).expect(200);
    expect(summaries(await similar())).toEqual([[CARS, CARS_WRITTEN].sort()]);

    await t.http.post(`/api/v1/item-merges/${merged.body.mergeId}/undo`).set(organiser.auth).expect(200);
    expect(summaries(await similar())).toHaveLength(2);
  });

  it('proposes merging into a claimed item, and leaves out a pair whose items are both claimed', async () => {
    await t.http.post(`/api/v1/meetings/${meeting.id}/items/publish`).set(organiser.auth).expect(200);
    await t.http.post(`/api/v1/items/${ids.cars}/claims`).set(team.members[0].auth).send({ kind: 'lead' }).expect(201);
    const cars = (await similar()).find((pair) => pair.items.some((item) => item.id === ids.cars))!;
    expect(cars.merge).toEqual({ itemId: ids.carsWritten, intoItemId: ids.cars });

    await t.http.post(`/api/v1/items/${ids.carsWritten}/claims`).set(team.members[1].auth).send({ kind: 'lead' }).expect(201);
    expect(summaries(await similar())).toEqual([[MEETINGS, MEETINGS_REWORDED].sort()]);
  });

  it('refuses what makes no sense with a 400 that names the field', async () => {
    for (const query of ['?limit=0', '?limit=101', '?limit=abc']) {
      const response = await t.http.get(`/api/v1/meetings/${meeting.id}/items/similar${query}`).set(organiser.auth).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(response.body.details)).toContain('limit');
    }
    const same = await t.http.post(`/api/v1/items/${ids.youth}/distinct`).set(organiser.auth).send({ otherItemId: ids.youth }).expect(400);
    expect(same.body.details).toEqual([expect.objectContaining({ field: 'otherItemId' })]);
    const other = await createMeeting(t, organiser);
    const elsewhere = (await t.http.post(`/api/v1/meetings/${other.id}/items`).set(organiser.auth).send({ summary: YOUTH, aspect: other.aspects[0] }).expect(201)).body.id;
    await t.http.post(`/api/v1/items/${ids.youth}/distinct`).set(organiser.auth).send({ otherItemId: elsewhere }).expect(400);
    await t.http.post(`/api/v1/items/${ids.youth}/distinct`).set(organiser.auth).send({ otherItemId: 'not-an-id' }).expect(400);
  });

  it('is for organisers (and supervisors to read); another organisation sees nothing', async () => {
    const supervisor = await org.user([Role.Supervisor]);
    expect((await t.http.get(`/api/v1/meetings/${meeting.id}/items/similar`).set(supervisor.auth).expect(200)).body.length).toBeGreaterThan(0);
    await t.http.post(`/api/v1/items/${ids.youth}/distinct`).set(supervisor.auth).send({ otherItemId: ids.cars }).expect(403);
    await t.http.get(`/api/v1/meetings/${meeting.id}/items/similar`).set(team.members[0].auth).expect(403);
    await t.http.post(`/api/v1/items/${ids.youth}/distinct`).set(team.members[0].auth).send({ otherItemId: ids.cars }).expect(403);

    const stranger = (await createOrg(t)).admin;
    const unseen = await t.http.get(`/api/v1/meetings/${meeting.id}/items/similar`).set(stranger.auth).expect(404);
    expect(unseen.body.code).toBe('NOT_FOUND');
    await t.http.post(`/api/v1/items/${ids.youth}/distinct`).set(stranger.auth).send({ otherItemId: ids.cars }).expect(404);
    await t.http.delete(`/api/v1/items/${ids.youth}/distinct/${ids.cars}`).set(stranger.auth).expect(404);
  });
});

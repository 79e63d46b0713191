import { ItemRepeats } from '../../src/items/item-repeats';
import { OpinionItem } from '../../src/items/opinion-item.entity';
import { Role } from '../../src/common/roles';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

interface RepeatOf {
  meetingId: string;
  itemId: string;
  year: number;
  summary: string;
  closed: boolean;
}
interface Item {
  id: string;
  summary: string;
  target: { id: string | null };
  repeatOf: RepeatOf | null;
}

/** Earlier lists' words, and this year's opinions saying the same in other words (or something else). */
const MEETINGS_2025 = '会议太多太长，文山会海问题突出，基层疲于应付。';
const MEETINGS_2026 = '开会过多，会议又长又多，文山会海让基层疲于应付。';
const YOUNG_2025 = '年轻干部培养力度不够，成长渠道偏窄。';
const YOUNG_2026 = '对年轻干部的培养力度还不够，年轻人成长渠道窄。';
const CARS_2025 = '公务用车管理不规范，存在公车私用现象。';
const CARS_2026 = '公车私用的现象仍然存在，用车管理还不规范。';
const CANTEEN = '食堂饭菜质量差，菜品单一，希望改善伙食。';
const UNRELATED = '办公室空调老旧，夏天太热影响办公。';

describe(`problems that come back: repeatOf (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let earlier: { id: string; aspects: string[] };
  let meeting: { id: string; aspects: string[] };
  let team: TestTeam;
  let earlierIds: Record<'meetings' | 'young' | 'cars', string>;

  /** Records opinions at a symposium (not held: placed at once), and waits for aggregation. */
  const record = async (meetingId: string, texts: string[], as: TestUser = organiser) => {
    await t.http
      .post(`/api/v1/meetings/${meetingId}/symposiums`)
      .set(as.auth)
      .send({ heldOn: t.clock.today(), audience: '中层干部', attendeeCount: 10, opinions: texts.map((text) => ({ text })) })
      .expect(201);
    await t.drain();
  };
  const list = async (meetingId: string, as: TestUser = organiser): Promise<Item[]> => (await t.http.get(`/api/v1/meetings/${meetingId}/items`).set(as.auth).expect(200)).body;
  const itemSaying = (items: Item[], start: string) => {
    const found = items.find((item) => item.summary.startsWith(start.slice(0, 6)));
    if (!found) throw new Error(`no item begins like ${start}: ${items.map((item) => item.summary).join(' | ')}`);
    return found;
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-12-05T02:00:00Z');
    org = await createOrg(t);
    organiser = org.admin;

    // Last year's meeting: its list published, one item's entry closed out (销号).
    earlier = await createMeeting(t, organiser, { title: '2025年度民主生活会', year: 2025 });
    const earlierTeam = await createTeam(t, org, earlier.id, 2);
    await record(earlier.id, [MEETINGS_2025, YOUNG_2025, CARS_2025]);
    await t.http.post(`/api/v1/meetings/${earlier.id}/items/publish`).set(organiser.auth).expect(200);
    const earlierItems = await list(earlier.id);
    earlierIds = { meetings: itemSaying(earlierItems, MEETINGS_2025).id, young: itemSaying(earlierItems, YOUNG_2025).id, cars: itemSaying(earlierItems, CARS_2025).id };
    const entry = await t.http
      .post(`/api/v1/meetings/${earlier.id}/rectifications`)
      .set(organiser.auth)
      .send({ problem: MEETINGS_2025, measures: ['精简会议，压缩文件'], ownerUserId: earlierTeam.secretary.id, dueDate: '2026-06-30', itemId: earlierIds.meetings })
      .expect(201);
    await t.http.post(`/api/v1/rectifications/${entry.body.id}/reports`).set(earlierTeam.secretary.auth).send({ note: '会议数量减少三成。' }).expect(201);
    await t.http.post(`/api/v1/rectifications/${entry.body.id}/close`).set(organiser.auth).send({ note: '同意销号。' }).expect(200);
    // An entry for the other item, still open.
    await t.http
      .post(`/api/v1/meetings/${earlier.id}/rectifications`)
      .set(organiser.auth)
      .send({ problem: YOUNG_2025, measures: ['建立年轻干部培养计划'], ownerUserId: earlierTeam.members[0].id, dueDate: '2026-06-30', itemId: earlierIds.young })
      .expect(201);

    // Another organisation said word for word what this year's canteen opinion says: never a match.
    const other = await createOrg(t);
    const otherEarlier = await createMeeting(t, other.admin, { title: '2025年度民主生活会', year: 2025 });
    await createTeam(t, other, otherEarlier.id, 2);
    await record(otherEarlier.id, [CANTEEN, MEETINGS_2025], other.admin);
    await t.http.post(`/api/v1/meetings/${otherEarlier.id}/items/publish`).set(other.admin.auth).expect(200);

    // This year's meeting.
    meeting = await createMeeting(t, organiser, { previousMeetingId: earlier.id });
    team = await createTeam(t, org, meeting.id, 3);
    await record(meeting.id, [MEETINGS_2026, YOUNG_2026, CANTEEN, UNRELATED]);
  });
  afterAll(() => t.close());

  it('marks an item saying again what an earlier published item said, with its year and whether it was closed', async () => {
    const items = await list(meeting.id);
    expect(items).toHaveLength(4);
    expect(itemSaying(items, MEETINGS_2026).repeatOf).toEqual({ meetingId: earlier.id, itemId: earlierIds.meetings, year: 2025, summary: MEETINGS_2025, closed: true });
    expect(itemSaying(items, YOUNG_2026).repeatOf).toEqual({ meetingId: earlier.id, itemId: earlierIds.young, year: 2025, summary: YOUNG_2025, closed: false });
  });

  it('marks nothing for an opinion no earlier item of the organisation said, whatever another organisation said', async () => {
    const items = await list(meeting.id);
    expect(itemSaying(items, UNRELATED).repeatOf).toBeNull();
    expect(itemSaying(items, CANTEEN).repeatOf).toBeNull();
  });

  it('shows repeatOf on one item and on the team list once published', async () => {
    const repeating = itemSaying(await list(meeting.id), MEETINGS_2026);
    const one = await t.http.get(`/api/v1/items/${repeating.id}`).set(organiser.auth).expect(200);
    expect(one.body.repeatOf).toMatchObject({ itemId: earlierIds.meetings, closed: true });
    await t.http.post(`/api/v1/meetings/${meeting.id}/items/publish`).set(organiser.auth).expect(200);
    const mine: Item[] = (await t.http.get('/api/v1/me/items').set(team.members[0].auth).expect(200)).body;
    expect(mine.find((item) => item.id === repeating.id)?.repeatOf).toMatchObject({ year: 2025, closed: true });
  });

  it('marks the items a later run makes, and keeps the marks made before', async () => {
    await record(meeting.id, [CARS_2026, UNRELATED, MEETINGS_2026]);
    const items = await list(meeting.id);
    expect(items).toHaveLength(5);
    expect(itemSaying(items, CARS_2026).repeatOf).toMatchObject({ itemId: earlierIds.cars, year: 2025, closed: false });
    expect(itemSaying(items, UNRELATED).repeatOf).toBeNull();
    expect(itemSaying(items, MEETINGS_2026).repeatOf?.itemId).toBe(earlierIds.meetings);
  });

  it('marks a whole list again on request (after the demo data or a previous meeting is set)', async () => {
    const rows = t.dataSource.getRepository(OpinionItem);
    await rows.update({ meetingId: meeting.id }, { repeatOfItemId: null });
    expect((await list(meeting.id)).every((item) => item.repeatOf === null)).toBe(true);
    expect(await t.app.get(ItemRepeats).markMeeting(org.id, meeting.id)).toEqual({ items: 5, repeats: 3 });
    const items = await list(meeting.id);
    expect(itemSaying(items, MEETINGS_2026).repeatOf).toMatchObject({ itemId: earlierIds.meetings, closed: true });
    expect(itemSaying(items, YOUNG_2026).repeatOf).toMatchObject({ itemId: earlierIds.young, closed: false });
    expect(itemSaying(items, UNRELATED).repeatOf).toBeNull();
  });

  it('counts repeats, and those closed last year, on the review page and the board', async () => {
    const cookie = await signInToPages(t, organiser.username);
    const review = await t.http.get(`/meetings/${meeting.id}/items`).set('cookie', cookie).expect(200);
    const words = review.text.replace(/<[^>]+>/g, '');
    expect(words).toContain('往年提过的问题 3 条，其中已销号又被提出 1 条');
    expect(words.match(/往年提过：2025年 · 已销号/g)).toHaveLength(1);
    expect(words.match(/往年提过：2025年 · 未销号/g)).toHaveLength(2);
    expect(words).toContain(`2025年意见清单中的这一条：${MEETINGS_2025}`);
    const closedOnly = await t.http.get(`/meetings/${meeting.id}/items?state=repeat-closed`).set('cookie', cookie).expect(200);
    expect(closedOnly.text.replace(/<[^>]+>/g, '')).toContain('符合条件的 1 条（共 5 条）');
    const board = await t.http.get(`/meetings/${meeting.id}/board`).set('cookie', cookie).expect(200);
    expect(board.text).toMatch(/往年提过<\/dt><dd id="items-repeats">3</);
    expect(board.text).toMatch(/已销号又提出<\/dt><dd id="items-repeats-closed">1</);
    const progress = await t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set(organiser.auth).expect(200);
    expect(progress.body.repeats).toEqual({ items: 3, closed: 1 });
    const supervisor = await org.user([Role.Supervisor]);
    // The 督导组's published list counts the published items only (the later run's are drafts).
    const published = await t.http.get(`/meetings/${meeting.id}/list`).set('cookie', await signInToPages(t, supervisor.username)).expect(200);
    const publishedWords = published.text.replace(/<[^>]+>/g, '');
    expect(publishedWords).toContain('其中往年提过的问题 2 条，已销号又被提出 1 条');
    expect(publishedWords).toContain(`往年提过：2025年 · 已销号 2025年意见清单中的这一条：${MEETINGS_2025}`);
    const seen = await t.http.get(`/api/v1/meetings/${meeting.id}/progress`).set(supervisor.auth).expect(200);
    expect(seen.body.repeats).toEqual({ items: 3, closed: 1 });
  });

  it('compares with the earlier list as it is now: an item published there after a run is found by the next', async () => {
    // The prepared earlier list is kept between runs by its content: a change to it is a new one.
    const added = await t.http.post(`/api/v1/meetings/${earlier.id}/items`).set(organiser.auth).send({ summary: '电梯经常故障，维修不及时。', aspect: '工作作风' }).expect(201);
    await t.http.post(`/api/v1/meetings/${earlier.id}/items/publish`).set(organiser.auth).expect(200);
    await record(meeting.id, ['电梯故障频繁，报修后维修很不及时。']);
    expect(itemSaying(await list(meeting.id), '电梯故障频繁').repeatOf).toMatchObject({ itemId: added.body.id, year: 2025, closed: false });
  });
});


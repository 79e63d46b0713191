import { Role } from '../../src/common/roles';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { openBox, submitOpinion, TestBox } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

interface Item {
  id: string;
  aspect: string;
  target: { id: string | null; name: string };
  summary: string;
  sourceCount: number;
  channels: string[];
  status: string;
  claims: Array<{ memberUserId: string; kind: string; answer: unknown }>;
}

const MEETINGS = '会议太多太长，文山会海问题突出，基层疲于应付。';
const CARS = '公务用车管理不够规范，存在公车私用的苗头。';
const YOUTH = '年轻干部培养使用力度不够，成长渠道偏窄。';
const RESEARCH = '调查研究不深入，下基层次数偏少，听取一线意见不够。';

describe(`the opinion list: review, publishing and claims (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meeting: { id: string; aspects: string[] };
  let box: TestBox;
  let receipt: string;

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000', RECEIPT_LOOKUP_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    organiser = org.admin;
    meeting = await createMeeting(t, organiser);
    team = await createTeam(t, org, meeting.id, 3);
    box = await openBox(t, organiser, meeting.id);
    receipt = await submitOpinion(t, box.slug, { text: MEETINGS });
    await submitOpinion(t, box.slug, { text: MEETINGS });
    await submitOpinion(t, box.slug, { text: CARS, targetMemberId: team.members[0].id });
    await submitOpinion(t, box.slug, { text: YOUTH });
    await submitOpinion(t, box.slug, { text: RESEARCH, targetMemberId: team.members[1].id });
    // Five: the box's k, released together.
    await t.release();
  });
  afterAll(() => t.close());

  const list = async (query = ''): Promise<Item[]> => (await t.http.get(`/api/v1/meetings/${meeting.id}/items${query}`).set(organiser.auth).expect(200)).body;
  const itemWith = async (text: string) => (await list()).find((item) => item.summary === text)!;
  const receiptStatus = async (code: string) => (await t.http.get(`/api/v1/public/receipts/${code}`).expect(200)).body;

  describe('review', () => {
    it('lists the items by target, with channels and counts, and shows sources as words, channel and day only', async () => {
      const items = await list();
      expect(items.map((item) => [item.summary, item.sourceCount, item.status, item.channels]).sort()).toEqual(
        [
          [CARS, 1, 'draft', ['box']],
          [MEETINGS, 2, 'draft', ['box']],
          [RESEARCH, 1, 'draft', ['box']],
          [YOUTH, 1, 'draft', ['box']],
        ].sort(),
      );
      expect((await list('?target=team')).map((item) => item.summary).sort()).toEqual([MEETINGS, YOUTH].sort());
      expect((await list(`?target=${team.members[0].id}`)).map((item) => item.summary)).toEqual([CARS]);

      const detail = (await t.http.get(`/api/v1/items/${(await itemWith(MEETINGS)).id}`).set(organiser.auth).expect(200)).body;
      expect(detail.sources.map((source: object) => Object.keys(source).sort())).toEqual([['channel', 'day', 'id', 'text'], ['channel', 'day', 'id', 'text']]);
      expect(detail.sources.map((source: { text: string; channel: string; day: string }) => [source.text, source.channel, source.day])).toEqual([
        [MEETINGS, 'box', t.clock.today()],
        [MEETINGS, 'box', t.clock.today()],
      ]);
    });

    it('keeps an organiser\'s words when later opinions join the item', async () => {
      const item = await itemWith(MEETINGS);
      const edited = await t.http.patch(`/api/v1/items/${item.id}`).set(organiser.auth).send({ summary: '会议多、文件多，基层负担重', aspect: meeting.aspects[4], notes: '与组织部门核实会议数量' }).expect(200);
      expect(edited.body).toMatchObject({ summary: '会议多、文件多，基层负担重', aspect: meeting.aspects[4], notes: '与组织部门核实会议数量' });
      // A later opinion from a channel that is not held (a box's would wait for k more).
      await t.http.post(`/api/v1/meetings/${meeting.id}/written-opinions`).set(organiser.auth).send({ fromBody: '派驻纪检监察组', opinions: [{ text: MEETINGS }] }).expect(201);
      await t.drain();
      const after = (await t.http.get(`/api/v1/items/${item.id}`).set(organiser.auth).expect(200)).body;
      expect({ summary: after.summary, aspect: after.aspect, sourceCount: after.sourceCount }).toEqual({ summary: '会议多、文件多，基层负担重', aspect: meeting.aspects[4], sourceCount: 3 });
    });

    it('merges an item into another and undoes it', async () => {
      const youth = await itemWith(YOUTH);
      const meetings = (await list('?target=team')).find((item) => item.id !== youth.id)!;
      const merged = await t.http.post(`/api/v1/items/${youth.id}/merge`).set(organiser.auth).send({ intoItemId: meetings.id }).expect(200);
      expect(merged.body).toMatchObject({ id: meetings.id, sourceCount: meetings.sourceCount + 1, mergeId: expect.any(String) });
      expect((await list()).map((item) => item.id)).not.toContain(youth.id);
      const undone = await t.http.post(`/api/v1/item-merges/${merged.body.mergeId}/undo`).set(organiser.auth).expect(200);
      expect(undone.body).toMatchObject({ id: youth.id, status: 'draft', sourceCount: 1 });
      expect((await t.http.get(`/api/v1/items/${meetings.id}`).set(organiser.auth).expect(200)).body.sourceCount).toBe(meetings.sourceCount);
      await t.http.post(`/api/v1/item-merges/${merged.body.mergeId}/undo`).set(organiser.auth).expect(409);
    });

    it('splits sources off into a new item, and refuses sources of another item', async () => {
      const item = await itemWith('会议多、文件多，基层负担重');
      const detail = (await t.http.get(`/api/v1/items/${item.id}`).set(organiser.auth).expect(200)).body;
      const split = await t.http.post(`/api/v1/items/${item.id}/split`).set(organiser.auth).send({ sourceIds: [detail.sources[0].id] }).expect(201);
      expect(split.body).toMatchObject({ summary: MEETINGS, sourceCount: 1, status: 'draft' });
      expect((await t.http.get(`/api/v1/items/${item.id}`).set(organiser.auth).expect(200)).body.sourceCount).toBe(detail.sourceCount - 1);
      const foreign = await t.http.post(`/api/v1/items/${item.id}/split`).set(organiser.auth).send({ sourceIds: [split.body.sources[0].id] });
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      // Back together, for the rest of the file.
      await t.http.post(`/api/v1/items/${split.body.id}/merge`).set(organiser.auth).send({ intoItemId: item.id }).expect(200);
    });

    it('sets an item aside with a reason, counted apart, and brings it back', async () => {
      const item = await itemWith(RESEARCH);
      const aside = await t.http.post(`/api/v1/items/${item.id}/set-aside`).set(organiser.auth).send({ reason: '与2025年度意见重复，已整改' }).expect(200);
      expect(aside.body).toMatchObject({ status: 'set-aside', setAsideReason: '与2025年度意见重复，已整改' });
      const summary = (await t.http.get(`/api/v1/meetings/${meeting.id}/items/summary`).set(organiser.auth).expect(200)).body;
      expect({ items: summary.items, setAside: summary.setAside }).toEqual({ items: 3, setAside: 1 });
      await t.http.post(`/api/v1/items/${item.id}/restore`).set(organiser.auth).expect(200);
    });

    it('takes an item the 督导组 names, to be claimed like any other', async () => {
      const supervisor = await org.user([Role.Supervisor]);
      const added = await t.http.post(`/api/v1/meetings/${meeting.id}/items`).set(supervisor.auth).send({ summary: '落实“三重一大”决策制度不够严格。', aspect: meeting.aspects[1] }).expect(201);
      expect(added.body).toMatchObject({ channels: ['supervision'], sourceCount: 0, status: 'draft', target: { id: null } });
    });

    it('gives the numbers of the report', async () => {
      const summary = (await t.http.get(`/api/v1/meetings/${meeting.id}/items/summary`).set(organiser.auth).expect(200)).body;
      const opinions = await t.dataSource.getRepository(RawOpinion).count({ where: { meetingId: meeting.id } });
      expect(summary).toMatchObject({ opinions, items: 5, setAside: 0 });
      expect(summary.sentence).toBe(`共收集意见建议${opinions}条，归纳为${summary.aspects}个方面5条`);
      expect(summary.byAspect.reduce((sum: number, entry: { items: number }) => sum + entry.items, 0)).toBe(5);
    });
  });

  describe('claims', () => {
    beforeAll(async () => {
      expect((await receiptStatus(receipt)).status).toBe('received');
      const published = await t.http.post(`/api/v1/meetings/${meeting.id}/items/publish`).set(organiser.auth).expect(200);
      expect(published.body).toEqual({ published: 5 });
    });

    it('moves the writer\'s receipt to listed once published', async () => {
      expect(await receiptStatus(receipt)).toEqual({ status: 'listed' });
    });

    it('refuses a claim on an item concerning another member (403)', async () => {
      const cars = await itemWith(CARS);
      const response = await t.http.post(`/api/v1/items/${cars.id}/claims`).set(team.members[1].auth).send({ kind: 'lead' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      await t.http.post(`/api/v1/items/${cars.id}/claims`).set(team.members[0].auth).send({ kind: 'lead' }).expect(201);
    });

    it('leaves exactly one lead when two lead claims race; the other gets 409 ALREADY_CLAIMED', async () => {
      const item = await itemWith('会议多、文件多，基层负担重');
      const [a, b] = await Promise.all([team.members[0], team.members[1]].map((member) => t.http.post(`/api/v1/items/${item.id}/claims`).set(member.auth).send({ kind: 'lead' })));
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expect([a, b].find((response) => response.status === 409)!.body.code).toBe('ALREADY_CLAIMED');
      const detail = (await t.http.get(`/api/v1/items/${item.id}`).set(organiser.auth).expect(200)).body;
      expect(detail.claims.filter((claim: { kind: string }) => claim.kind === 'lead')).toHaveLength(1);
      expect(await receiptStatus(receipt)).toEqual({ status: 'claimed' });
    });

    it('lets the lead answer, not a joint claimant, and the answer reaches the receipt', async () => {
      const item = await itemWith('会议多、文件多，基层负担重');
      const detail = (await t.http.get(`/api/v1/items/${item.id}`).set(organiser.auth).expect(200)).body;
      const lead = team.members.find((member) => member.id === detail.claims[0].memberUserId)!;
      const other = team.members.find((member) => member.id !== lead.id)!;
      await t.http.post(`/api/v1/items/${item.id}/claims`).set(other.auth).send({ kind: 'joint' }).expect(201);
      await t.http.put(`/api/v1/items/${item.id}/claims/mine`).set(other.auth).send({ reflection: '联合认领人的认识', measures: '联合认领人的措施' }).expect(403);
      const answer = { reflection: '会议精简意识不强，习惯以会议落实会议。', measures: '建立会议计划管理制度，年内会议数量压减三成。', dueDate: '2027-03-31' };
      const answered = await t.http.put(`/api/v1/items/${item.id}/claims/mine`).set(lead.auth).send(answer).expect(200);
      expect(answered.body.claims.find((claim: { kind: string }) => claim.kind === 'lead').answer).toMatchObject({ reflection: answer.reflection, measures: answer.measures, dueDate: answer.dueDate });
      expect(await receiptStatus(receipt)).toEqual({ status: 'answered', answer: `问题认识：${answer.reflection}\n整改措施：${answer.measures}\n整改时限：${answer.dueDate}` });
    });

    it('lets the secretary assign a team item nobody leads, and nobody else', async () => {
      const youth = await itemWith(YOUTH);
      await t.http.post(`/api/v1/items/${youth.id}/assign`).set(team.members[0].auth).send({ memberUserId: team.members[1].id }).expect(403);
      const overviewBefore = (await t.http.get(`/api/v1/meetings/${meeting.id}/claims/overview`).set(organiser.auth).expect(200)).body;
      expect(overviewBefore.unclaimedTeamItems.map((item: { id: string }) => item.id)).toContain(youth.id);
      expect(overviewBefore.membersWithoutClaims.map((member: { userId: string }) => member.userId)).toEqual([team.secretary.id]);
      await t.http.post(`/api/v1/items/${youth.id}/assign`).set(team.secretary.auth).send({ memberUserId: team.members[1].id }).expect(201);
      const overview = (await t.http.get(`/api/v1/meetings/${meeting.id}/claims/overview`).set(organiser.auth).expect(200)).body;
      expect(overview.unclaimedTeamItems.map((item: { id: string }) => item.id)).not.toContain(youth.id);
    });

    it('gives a member their items and the team\'s, published, with sources; nothing of another member', async () => {
      const mine = (await t.http.get('/api/v1/me/items').set(team.members[0].auth).expect(200)).body as Array<Item & { sources: unknown[]; notes?: unknown }>;
      const summaries = mine.map((item) => item.summary);
      expect(summaries).toContain(CARS);
      expect(summaries).not.toContain(RESEARCH);
      expect(mine.every((item) => item.status === 'published' && (item.target.id === null || item.target.id === team.members[0].id))).toBe(true);
      expect(mine.some((item) => 'notes' in item)).toBe(false);
      const research = await itemWith(RESEARCH);
      await t.http.get(`/api/v1/items/${research.id}`).set(team.members[0].auth).expect(404);
    });

    it('is 404 to another organisation', async () => {
      const stranger = (await createOrg(t)).admin;
      const item = await itemWith(CARS);
      await t.http.get(`/api/v1/items/${item.id}`).set(stranger.auth).expect(404);
      await t.http.patch(`/api/v1/items/${item.id}`).set(stranger.auth).send({ summary: '改' }).expect(404);
    });
  });
});

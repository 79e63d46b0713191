import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const CARS = '公务用车管理不够规范，存在公车私用的苗头。';
const MEETINGS = '会议太多太长，文山会海问题突出，基层疲于应付。';

/**
 * "Did anything change?": a writer whose opinion went into an item that became a 整改台账 entry
 * reads, with their receipt, the measures, the deadline and whether it was closed out (销号).
 */
describe(`the receipt shows the rectification (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let team: TestTeam;
  let meetingId: string;
  let carsReceipts: string[];
  let meetingsReceipt: string;
  let entryId: string;

  const receipt = async (code: string) => (await t.http.get(`/api/v1/public/receipts/${code}`).expect(200)).body;
  const receiptPage = async (code: string) => {
    const response = await t.http.post('/r').type('form').send({ receipt: code }).expect(200);
    return response.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000', RECEIPT_LOOKUP_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    meetingId = (await createMeeting(t, org.admin)).id;
    team = await createTeam(t, org, meetingId, 3);
    // k = 3: the three are released together; two writers said the same about the cars.
    const box = await openBox(t, org.admin, meetingId, { releaseThreshold: 3 });
    carsReceipts = [
      await submitOpinion(t, box.slug, { text: CARS, targetMemberId: team.members[0].id }),
      await submitOpinion(t, box.slug, { text: CARS, targetMemberId: team.members[0].id }),
    ];
    meetingsReceipt = await submitOpinion(t, box.slug, { text: MEETINGS });
    await t.release();
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(org.admin.auth).expect(200);
    const [item] = (await t.http.get('/api/v1/me/items').set(team.members[0].auth).expect(200)).body.filter((candidate: { target: { id: string | null } }) => candidate.target.id === team.members[0].id);
    await t.http.post(`/api/v1/items/${item.id}/claims`).set(team.members[0].auth).send({ kind: 'lead' }).expect(201);
    await t.http
      .put(`/api/v1/items/${item.id}/claims/mine`)
      .set(team.members[0].auth)
      .send({ reflection: '对公车管理制度执行不严。', measures: '1. 建立用车台账。\n2. 每月公开用车情况。', dueDate: '2027-03-31' })
      .expect(200);
  });
  afterAll(() => t.close());

  it('shows nothing of a rectification before the item is in the ledger', async () => {
    expect(Object.keys(await receipt(carsReceipts[0])).sort()).toEqual(['answer', 'status']);
  });

  it('shows the measures, the deadline and that it is open once the claims become entries, the same to every writer', async () => {
    await t.http.post(`/api/v1/meetings/${meetingId}/rectifications/from-claims`).set(org.admin.auth).expect(200);
    const [entry] = (await t.http.get(`/api/v1/meetings/${meetingId}/rectifications`).set(org.admin.auth).expect(200)).body;
    entryId = entry.id;

    const first = await receipt(carsReceipts[0]);
    expect(first).toMatchObject({ status: 'answered', rectification: { measures: ['建立用车台账。', '每月公开用车情况。'], dueDate: '2027-03-31', status: 'open', closedOn: null } });
    // The point's outcome, not the writer's: nothing tells one writer from another.
    expect(await receipt(carsReceipts[1])).toEqual(first);
    // Nor who answers for it.
    expect(JSON.stringify(first.rectification)).not.toContain(team.members[0].id);
    expect(JSON.stringify(first.rectification)).not.toContain(team.members[0].displayName);
    // Another item, with no entry, answers as before.
    expect(await receipt(meetingsReceipt)).toEqual({ status: 'listed' });

    const page = await receiptPage(carsReceipts[0]);
    expect(page).toContain('整改措施： 建立用车台账。 每月公开用车情况。');
    expect(page).toContain('完成时限：2027年3月31日');
    expect(page).toContain('状态： 正在整改');
  });

  it('shows it closed out, with the day, after the owner reports and the organiser closes it', async () => {
    await t.http.post(`/api/v1/rectifications/${entryId}/reports`).set(team.members[0].auth).send({ note: '已建立用车台账并公开。' }).expect(201);
    expect((await receipt(carsReceipts[0])).rectification.status).toBe('reported');
    await t.http.post(`/api/v1/rectifications/${entryId}/close`).set(org.admin.auth).send({ note: '同意销号。' }).expect(200);
    const today = t.clock.today();
    expect((await receipt(carsReceipts[0])).rectification).toEqual({ measures: ['建立用车台账。', '每月公开用车情况。'], dueDate: '2027-03-31', status: 'closed', closedOn: today });
    const [year, month, day] = today.split('-').map(Number);
    expect(await receiptPage(carsReceipts[1])).toContain(`状态： 已销号（${year}年${month}月${day}日）`);
  });

  it('follows an entry carried into next year\'s ledger, and shows it closed there', async () => {
    const [item] = (await t.http.get('/api/v1/me/items').set(team.secretary.auth).expect(200)).body.filter((candidate: { target: { id: string | null } }) => candidate.target.id === null);
    await t.http.post(`/api/v1/items/${item.id}/claims`).set(team.secretary.auth).send({ kind: 'lead' }).expect(201);
    await t.http.put(`/api/v1/items/${item.id}/claims/mine`).set(team.secretary.auth).send({ reflection: '文风会风有待改进。', measures: '精简会议。', dueDate: '2027-06-30' }).expect(200);
    await t.http.post(`/api/v1/meetings/${meetingId}/rectifications/from-claims`).set(org.admin.auth).expect(200);
    const next = await createMeeting(t, org.admin, { title: '2027年度专题民主生活会', year: 2027, previousMeetingId: meetingId });
    const [carried] = (await t.http.get(`/api/v1/meetings/${next.id}/rectifications`).set(org.admin.auth).expect(200)).body;
    expect(carried.problem).toBe(item.summary);
    expect((await receipt(meetingsReceipt)).rectification).toMatchObject({ measures: ['精简会议。'], status: 'open' });

    await t.http.post(`/api/v1/rectifications/${carried.id}/reports`).set(team.secretary.auth).send({ note: '会议数量压缩三成。' }).expect(201);
    await t.http.post(`/api/v1/rectifications/${carried.id}/close`).set(org.admin.auth).send({ note: '同意销号。' }).expect(200);
    expect((await receipt(meetingsReceipt)).rectification).toMatchObject({ status: 'closed', closedOn: t.clock.today() });
  });
});

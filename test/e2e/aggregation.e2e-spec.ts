import { randomUUID } from 'node:crypto';
import { AggregationService } from '../../src/aggregation/aggregation.service';
import { AggregationSweeper } from '../../src/aggregation/aggregation.sweeper';
import { OpinionItem } from '../../src/items/opinion-item.entity';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { JobDispatcher } from '../../src/queue/job-dispatcher';
import { JobName } from '../../src/queue/jobs';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { answer, createSurvey, fullAnswers, issueTokens, surveyBody } from '../factories/surveys';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

describe(`aggregation into the opinion list (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meeting: { id: string; aspects: string[] };

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    organiser = org.admin;
    meeting = await createMeeting(t, organiser);
    team = await createTeam(t, org, meeting.id, 3);
  });
  afterAll(() => t.close());

  const opinions = () => t.dataSource.getRepository(RawOpinion).find({ where: { meetingId: meeting.id }, order: { id: 'ASC' } });
  const items = () => t.dataSource.getRepository(OpinionItem).find({ where: { meetingId: meeting.id }, order: { id: 'ASC' } });

  it('places the opinions of every channel in items, duplicates together, each item of one target', async () => {
    // k = 3: the box's three opinions are released together below.
    const box = await openBox(t, organiser, meeting.id, { releaseThreshold: 3 });
    const member = team.members[0];
    await submitOpinion(t, box.slug, { text: '会议太多太长，文山会海问题突出，基层疲于应付。' });
    await submitOpinion(t, box.slug, { text: '会议太多太长，文山会海问题突出，基层疲于应付。' });
    await submitOpinion(t, box.slug, { text: '公务用车管理不够规范，存在公车私用的苗头。', targetMemberId: member.id });
    await t.http
      .post(`/api/v1/meetings/${meeting.id}/symposiums`)
      .set(organiser.auth)
      .send({ heldOn: t.clock.today(), audience: '中层干部', attendeeCount: 10, opinions: [{ text: '年轻干部培养使用力度不够，成长渠道偏窄。' }, { text: '会议太多太长，文山会海问题突出，基层疲于应付。' }] })
      .expect(201);
    // A named survey: its answers are not held (an anonymous one's wait for k answers).
    const survey = await createSurvey(t, organiser, meeting.id, surveyBody(meeting.aspects[0], { anonymous: false }));
    const [token] = await issueTokens(t, organiser, survey.id, 1);
    await answer(t, token, fullAnswers({ 3: '理论学习流于形式，结合实际不够。' }));
    await t.http
      .post(`/api/v1/meetings/${meeting.id}/talks`)
      .set(team.secretary.auth)
      .send({ counterpartUserId: member.id, heldOn: t.clock.today(), summary: '交流了思想。', opinions: [{ text: '分管部门的督查督办要抓紧抓实。', targetMemberId: member.id }] })
      .expect(201);

    expect(await t.release()).toBe(3);
    const placed = await opinions();
    expect(placed.map((opinion) => ({ text: opinion.text.slice(0, 8), pending: Boolean(opinion.pendingAggregation), placed: Boolean(opinion.itemId) }))).toEqual(
      placed.map((opinion) => ({ text: opinion.text.slice(0, 8), pending: false, placed: true })),
    );
    const list = await items();
    expect(list.reduce((sum, item) => sum + item.sourceCount, 0)).toBe(placed.length);
    const itemOf = new Map(list.map((item) => [item.id, item]));
    for (const opinion of placed) expect({ text: opinion.text, target: itemOf.get(opinion.itemId!)!.targetMemberId }).toEqual({ text: opinion.text, target: opinion.targetMemberId });
    const meetingsItem = new Set(placed.filter((opinion) => opinion.text.startsWith('会议太多太长')).map((opinion) => opinion.itemId));
    expect({ sameItemForTheThreeCopies: meetingsItem.size }).toEqual({ sameItemForTheThreeCopies: 1 });
    expect(itemOf.get([...meetingsItem][0]!)).toMatchObject({ status: 'draft', origin: 'aggregation', sourceCount: 3, summary: '会议太多太长，文山会海问题突出，基层疲于应付。' });
    expect(list.every((item) => meeting.aspects.includes(item.aspect) || item.aspect === '其他')).toBe(true);
  });

  it('changes nothing when a job is delivered again', async () => {
    const before = { opinions: await opinions(), items: await items() };
    await t.app.get(JobDispatcher).dispatch(JobName.AggregateMeeting, { organizationId: org.id, meetingId: meeting.id }, { jobId: `again-${Date.now()}` });
    await t.drain();
    expect(await t.app.get(AggregationService).aggregateMeeting(org.id, meeting.id)).toBe(0);
    expect({ opinions: await opinions(), items: await items() }).toEqual(before);
  });

  it('places opinions left pending (a lost job, Redis down) when the sweeper runs', async () => {
    const stranded: RawOpinion = {
      id: randomUUID(),
      organizationId: org.id,
      meetingId: meeting.id,
      channel: 'written',
      sourceId: meeting.id,
      text: '会议太多太长，文山会海问题突出，基层疲于应付。',
      aspect: null,
      targetMemberId: null,
      receivedOn: t.clock.today(),
      receiptHash: null,
      itemId: null,
      pendingAggregation: true,
      held: false,
    };
    await t.dataSource.getRepository(RawOpinion).insert(stranded);
    expect(await t.app.get(AggregationSweeper).sweep()).toBeGreaterThanOrEqual(1);
    await t.drain();
    const found = await t.dataSource.getRepository(RawOpinion).findOneByOrFail({ id: stranded.id });
    const sameText = (await opinions()).find((opinion) => opinion.id !== stranded.id && opinion.text === stranded.text)!;
    expect({ pending: Boolean(found.pendingAggregation), item: found.itemId }).toEqual({ pending: false, item: sameText.itemId });
  });

  it('files an opinion without an aspect under the aspect whose keywords the organiser added', async () => {
    const refused = await t.http.patch(`/api/v1/meetings/${meeting.id}`).set(organiser.auth).send({ aspectKeywords: { 不存在的方面: ['食堂菜价'] } });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const aspect = meeting.aspects[0];
    const updated = await t.http.patch(`/api/v1/meetings/${meeting.id}`).set(organiser.auth).send({ aspectKeywords: { [aspect]: ['食堂菜价'] } }).expect(200);
    expect(updated.body.aspectKeywords).toEqual({ [aspect]: ['食堂菜价'] });
    const box = await openBox(t, organiser, meeting.id, { title: '关键词测试意见箱', releaseThreshold: 3 });
    await submitOpinion(t, box.slug, { text: '食堂菜价上涨太快，职工反映比较强烈。' });
    await submitOpinion(t, box.slug, { text: '办公楼电梯经常出故障，维修不及时。' });
    await submitOpinion(t, box.slug, { text: '停车位紧张，外来办事群众停车难。' });
    await t.release();
    const placed = (await opinions()).find((opinion) => opinion.text.startsWith('食堂菜价'))!;
    const item = (await items()).find((candidate) => candidate.id === placed.itemId)!;
    expect({ text: placed.text, aspect: item.aspect }).toEqual({ text: placed.text, aspect });
  });
});

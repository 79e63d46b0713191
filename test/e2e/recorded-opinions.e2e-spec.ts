import { Role } from '../../src/common/roles';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { Symposium } from '../../src/recorded-opinions/symposium.entity';
import { WrittenSolicitation } from '../../src/recorded-opinions/written-solicitation.entity';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

describe(`symposiums (座谈会) and written solicitations (书面征询) (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let meeting: { id: string; aspects: string[] };
  let team: TestTeam;
  let outsider: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
    organiser = org.admin;
    meeting = await createMeeting(t, organiser);
    team = await createTeam(t, org, meeting.id, 3);
    outsider = await org.user([Role.Leader]); // a leader, but not on this meeting's team
  });
  afterAll(() => t.close());

  const today = () => t.clock.today();
  const opinionsOf = (sourceId: string) => t.dataSource.getRepository(RawOpinion).find({ where: { sourceId }, order: { text: 'ASC' } });

  /** Everything stored for the meeting by these channels: records and opinions. */
  async function storedForMeeting() {
    const where = { meetingId: meeting.id };
    return {
      symposiums: await t.dataSource.getRepository(Symposium).count({ where }),
      written: await t.dataSource.getRepository(WrittenSolicitation).count({ where }),
      opinions: await t.dataSource.getRepository(RawOpinion).count({ where }),
    };
  }

  const symposium = (overrides: Record<string, unknown> = {}) => ({
    heldOn: today(),
    audience: '中层干部',
    attendeeCount: 14,
    opinions: [
      { text: '部门之间协调机制不顺，跨部门事项推进慢。', aspect: '担当作为' },
      { text: '希望分管领导多到基层听取意见。', targetMemberId: team.members[0].id },
      { text: '年轻干部培养使用的渠道还不够宽。' },
    ],
    ...overrides,
  });

  it('records a symposium and puts each opinion raised into the pool, dated the day it was held', async () => {
    const heldOn = t.clock.dayOf(new Date(t.clock.now().getTime() - 3 * 86_400_000));
    const response = await t.http.post(`/api/v1/meetings/${meeting.id}/symposiums`).set(organiser.auth).send(symposium({ heldOn }));
    expect({ status: response.status, body: response.body }).toEqual({
      status: 201,
      body: { id: expect.any(String), meetingId: meeting.id, heldOn, audience: '中层干部', attendeeCount: 14, opinionCount: 3 },
    });

    const stored = await opinionsOf(response.body.id);
    // (Whether aggregation has placed them yet depends on timing: aggregation's own test covers that.)
    expect(stored.map(({ channel, text, aspect, targetMemberId, receivedOn, receiptHash }) => ({ channel, text, aspect, targetMemberId, receivedOn, receiptHash }))).toEqual([
      { channel: 'symposium', text: '希望分管领导多到基层听取意见。', aspect: null, targetMemberId: team.members[0].id, receivedOn: heldOn, receiptHash: null },
      { channel: 'symposium', text: '年轻干部培养使用的渠道还不够宽。', aspect: null, targetMemberId: null, receivedOn: heldOn, receiptHash: null },
      { channel: 'symposium', text: '部门之间协调机制不顺，跨部门事项推进慢。', aspect: '担当作为', targetMemberId: null, receivedOn: heldOn, receiptHash: null },
    ].sort((a, b) => (a.text < b.text ? -1 : 1)));

    const list = await t.http.get(`/api/v1/meetings/${meeting.id}/symposiums`).set(organiser.auth).expect(200);
    expect(list.body.map((entry: { id: string }) => entry.id)).toContain(response.body.id);
  });

  it('records a written answer from another body, dated the day it was recorded', async () => {
    const response = await t.http
      .post(`/api/v1/meetings/${meeting.id}/written-opinions`)
      .set(organiser.auth)
      .send({ fromBody: '纪检监察组', opinions: [{ text: '廉洁风险防控要落到具体岗位。', aspect: '廉洁自律' }, { text: '对下属单位的监督检查要常态化。', targetMemberId: team.secretary.id }] });
    expect({ status: response.status, body: response.body }).toEqual({
      status: 201,
      body: { id: expect.any(String), meetingId: meeting.id, fromBody: '纪检监察组', receivedOn: today(), opinionCount: 2 },
    });
    const stored = await opinionsOf(response.body.id);
    expect(stored.map(({ channel, aspect, targetMemberId, receivedOn }) => ({ channel, aspect, targetMemberId, receivedOn }))).toEqual(
      expect.arrayContaining([
        { channel: 'written', aspect: '廉洁自律', targetMemberId: null, receivedOn: today() },
        { channel: 'written', aspect: null, targetMemberId: team.secretary.id, receivedOn: today() },
      ]),
    );
    const list = await t.http.get(`/api/v1/meetings/${meeting.id}/written-opinions`).set(organiser.auth).expect(200);
    expect(list.body.map((entry: { fromBody: string }) => entry.fromBody)).toContain('纪检监察组');
  });

  const badSymposiums: Array<[string, () => Record<string, unknown>, string]> = [
    ['an aspect that is not the meeting’s, in the second opinion', () => symposium({ opinions: [{ text: '第一条意见没有问题。' }, { text: '第二条意见的方面不对。', aspect: '不存在的方面' }] }), 'opinions.1.aspect'],
    ['a member not on the team', () => symposium({ opinions: [{ text: '针对一位不在班子的人。', targetMemberId: outsider.id }] }), 'opinions.0.targetMemberId'],
    ['a day in the future', () => symposium({ heldOn: t.clock.dayOf(new Date(t.clock.now().getTime() + 2 * 86_400_000)) }), 'heldOn'],
    ['a day that does not exist', () => symposium({ heldOn: '2026-02-30' }), 'heldOn'],
    ['no opinions', () => symposium({ opinions: [] }), 'opinions'],
    ['an opinion of 4 characters', () => symposium({ opinions: [{ text: '四个字啊' }] }), 'opinions.0.text'],
    ['an opinion of 2001 characters', () => symposium({ opinions: [{ text: '长'.repeat(2001) }] }), 'opinions.0.text'],
    ['no attendees', () => symposium({ attendeeCount: 0 }), 'attendeeCount'],
    ['an unknown field', () => symposium({ attendees: ['张三'] }), 'attendees'],
  ];

  it.each(badSymposiums)('refuses a symposium with %s (400 naming the field) and stores nothing', async (_case, body, field) => {
    const before = await storedForMeeting();
    const response = await t.http.post(`/api/v1/meetings/${meeting.id}/symposiums`).set(organiser.auth).send(body());
    expect({ status: response.status, code: response.body.code, fields: (response.body.details ?? []).map((detail: { field: string }) => detail.field) }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: expect.arrayContaining([field]),
    });
    expect(await storedForMeeting()).toEqual(before);
  });

  it('refuses a written answer with one bad opinion among good ones, and stores none of them', async () => {
    const before = await storedForMeeting();
    const response = await t.http
      .post(`/api/v1/meetings/${meeting.id}/written-opinions`)
      .set(organiser.auth)
      .send({ fromBody: '离退休干部党支部', opinions: [{ text: '这一条意见没有问题。' }, { text: '这一条针对的人不在班子。', targetMemberId: outsider.id }] });
    expect({ status: response.status, field: response.body.details?.[0]?.field }).toEqual({ status: 400, field: 'opinions.1.targetMemberId' });
    expect(await storedForMeeting()).toEqual(before);
  });
});

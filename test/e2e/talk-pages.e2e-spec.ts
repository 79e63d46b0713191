import { Role } from '../../src/common/roles';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const SUMMARY = '王刚同志谈到分管工作中调研不够深入，双方交流了改进的打算。';
const CORRECTED = '王刚同志谈到分管工作中调研不够深入、基层情况掌握不全，双方交流了改进的打算。';
const OPINION_A = '建议班子成员每季度至少到基层蹲点调研一次。';
const OPINION_B = '希望会议材料提前发放，减少临时通知。';

/** The text a person reads, tags gone and spaces collapsed. */
const words = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`the leaders' talk page /me/talks (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let secretary: TestUser;
  let wang: TestUser;
  let chen: TestUser;
  let head: TestUser;
  let meeting: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-12-05T10:00:00+08:00');
    org = await createOrg(t);
    secretary = await org.user([Role.Leader], { displayName: '李强' });
    wang = await org.user([Role.Leader], { displayName: '王刚' });
    chen = await org.user([Role.Leader], { displayName: '陈红' });
    // A department head with a staff account, on no team: the other side of 王刚's required talk.
    head = await org.user([Role.Staff], { displayName: '周建国' });
    const office = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '办公室', kind: 'department', headUserId: head.id }).expect(201);
    const finance = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '财务处', kind: 'department', headName: '吴敏' }).expect(201);
    meeting = await createMeeting(t, org.admin);
    await t.http
      .put(`/api/v1/meetings/${meeting.id}/team`)
      .set(org.admin.auth)
      .send({
        members: [
          { userId: secretary.id, role: 'secretary', oversees: [] },
          { userId: wang.id, role: 'member', oversees: [office.body.id] },
          { userId: chen.id, role: 'member', oversees: [finance.body.id] },
        ],
      })
      .expect(200);
  });
  afterAll(() => t.close());

  const talkCount = async () => (await t.http.get(`/api/v1/meetings/${meeting.id}/talks`).set(org.admin.auth).expect(200)).body.length as number;
  const talkIdIn = (page: string, name: string) => new RegExp(`<article class="talk" id="talk-([0-9a-f-]{36})">\\s*<h4>与${name}的谈话`).exec(page)?.[1];

  it('sends someone signed out to the sign-in page and refuses an organiser with a 403 page', async () => {
    const signedOut = await t.http.get('/me/talks');
    expect({ status: signedOut.status, location: signedOut.headers.location }).toEqual({ status: 303, location: '/login?next=%2Fme%2Ftalks' });
    const organiser = await signInToPages(t, org.admin.username);
    const refused = await t.http.get('/me/talks').set('cookie', organiser);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('谈心谈话页面供班子成员和谈话对象使用');
  });

  it('lists a member\'s required talks — the secretary, the other member, the heads of the departments they oversee — all 未谈', async () => {
    const cookie = await signInToPages(t, wang.username);
    const page = await t.http.get('/me/talks').set('cookie', cookie).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const text = words(page.text);
    expect(text).toContain('2026年度专题民主生活会');
    expect(text).toContain('我的必谈对象（3 人：已确认 0，待确认 0，需更正 0，未谈 3）');
    expect(text).toMatch(/李强 主要负责同志 主要负责同志与班子成员 未谈/);
    expect(text).toMatch(/陈红 班子成员 班子成员之间 未谈/);
    expect(text).toMatch(/周建国 办公室主要负责同志 与分管部门主要负责同志 未谈/);
    // 财务处 is 陈红's, not 王刚's.
    expect(text).not.toContain('吴敏');
    expect(page.text).toContain(`href="/me/talks/new?meeting=${meeting.id}&amp;with=user%3A${chen.id}"`);
    expect(page.text).toContain('aria-current="page">谈心谈话</a>');
  });

  it('offers the required counterparts on the log form, the one asked for already chosen', async () => {
    const cookie = await signInToPages(t, wang.username);
    const form = await t.http.get(`/me/talks/new?meeting=${meeting.id}&with=user%3A${chen.id}`).set('cookie', cookie).expect(200);
    expect(form.text).toContain(`<option value="user:${chen.id}" selected>陈红（班子成员之间 · 未谈）</option>`);
    expect(form.text).toContain(`<option value="user:${head.id}">周建国（与分管部门主要负责同志 · 未谈）</option>`);
    // Today by default, and no later.
    expect(form.text).toContain('name="heldOn" type="date" required max="2026-12-05" value="2026-12-05"');
    for (const field of ['name="with"', 'name="counterpartName"', 'name="heldOn"', 'name="place"', 'name="summary"', 'name="opinions"', 'name="opinionsTarget"']) expect(form.text).toContain(field);
  });

  it('refuses a talk without content, dated in the future, or with two counterparts: the form again with what was typed, nothing stored', async () => {
    const cookie = await signInToPages(t, wang.username);
    const base = { meeting: meeting.id, with: `user:${chen.id}`, counterpartName: '', heldOn: '2026-12-03', place: '党委会议室', summary: SUMMARY, opinions: OPINION_A };
    const cases: Array<[string, Record<string, string>, string]> = [
      ['no content', { summary: '  ' }, '谈话内容'],
      ['a future day', { heldOn: '2026-12-20' }, '谈话日期应为今天或之前的有效日期'],
      ['two counterparts', { counterpartName: '张三' }, '二者选一'],
      ['no counterpart', { with: '' }, '请选择谈话对象'],
      ['a short opinion', { opinions: `${OPINION_A}\n太短` }, '第 2 条意见：意见内容至少 5 个字'],
    ];
    for (const [what, change, message] of cases) {
      const refused = await t.http.post('/me/talks/new').set('cookie', cookie).type('form').send({ ...base, ...change });
      expect({ what, status: refused.status }).toEqual({ what, status: 400 });
      expect({ what, shows: refused.text.includes(message) }).toEqual({ what, shows: true });
      expect({ what, keeps: refused.text.includes('value="党委会议室"') }).toEqual({ what, keeps: true });
    }
    expect(await talkCount()).toBe(0);
  });

  it('logs a talk with its opinions, which join the pool; the counterpart sees it with 确认 and 申请更正', async () => {
    const cookie = await signInToPages(t, wang.username);
    const logged = await t.http
      .post('/me/talks/new')
      .set('cookie', cookie)
      .type('form')
      .send({ meeting: meeting.id, with: `user:${chen.id}`, counterpartName: '', heldOn: '2026-12-03', place: '党委会议室', summary: SUMMARY, opinions: `${OPINION_A}\r\n\r\n${OPINION_B}\r\n`, opinionsTarget: '' });
    expect(redirectedTo(logged)).toBe(`/me/talks?done=logged#meeting-${meeting.id}`);
    const mine = words((await t.http.get('/me/talks?done=logged').set('cookie', cookie).expect(200)).text);
    expect(mine).toContain('谈话记录已保存，待对方确认。');
    expect(mine).toMatch(/陈红 班子成员 班子成员之间 已记录待对方确认/);
    expect(mine).toContain(SUMMARY);
    expect(mine).toContain('谈话中提出意见 2 条');
    const pooled = await t.dataSource.getRepository(RawOpinion).find({ where: { meetingId: meeting.id, channel: 'talk' } });
    expect(pooled.map((opinion) => opinion.text).sort()).toEqual([OPINION_A, OPINION_B].sort());

    const counterpart = await signInToPages(t, chen.username);
    const theirs = (await t.http.get('/me/talks').set('cookie', counterpart).expect(200)).text;
    const talkId = talkIdIn(theirs, '王刚');
    expect(talkId).toBeDefined();
    expect(theirs).toContain(`<form class="inline" method="post" action="/me/talks/${talkId}/confirm"><button type="submit">确认</button></form>`);
    expect(theirs).toContain('<summary>申请更正</summary>');
    expect(words(theirs)).toMatch(/王刚 班子成员 班子成员之间 已记录待对方确认/);
    // Only the counterpart confirms; the recorder may correct.
    expect(words((await t.http.get('/me/talks').set('cookie', cookie)).text)).toContain('修改记录');
  });

  it('takes a correction request with its reason, lets the recorder correct, then the counterpart confirms', async () => {
    const recorder = await signInToPages(t, wang.username);
    const counterpart = await signInToPages(t, chen.username);
    const talkId = talkIdIn((await t.http.get('/me/talks').set('cookie', counterpart)).text, '王刚')!;

    const noReason = await t.http.post(`/me/talks/${talkId}/request-correction`).set('cookie', counterpart).type('form').send({ comment: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('请写明需要更正的地方');
    const asked = await t.http.post(`/me/talks/${talkId}/request-correction`).set('cookie', counterpart).type('form').send({ comment: '漏记了基层情况掌握不全的问题。' });
    expect(redirectedTo(asked)).toBe(`/me/talks?done=correction#talk-${talkId}`);
    expect(words((await t.http.get('/me/talks').set('cookie', counterpart)).text)).toContain('您已申请更正：漏记了基层情况掌握不全的问题。');

    const list = words((await t.http.get('/me/talks').set('cookie', recorder)).text);
    expect(list).toContain('对方申请更正：漏记了基层情况掌握不全的问题。');
    expect(list).toMatch(/陈红 班子成员 班子成员之间 需更正/);
    expect(list).toContain('按意见更正');
    const form = await t.http.get(`/me/talks/${talkId}/edit`).set('cookie', recorder).expect(200);
    expect(form.text).toContain('对方申请更正：漏记了基层情况掌握不全的问题。');
    expect(form.text).toContain(SUMMARY);

    const empty = await t.http.post(`/me/talks/${talkId}/edit`).set('cookie', recorder).type('form').send({ heldOn: '2026-12-03', place: '党委会议室', summary: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('谈话内容');
    const corrected = await t.http.post(`/me/talks/${talkId}/edit`).set('cookie', recorder).type('form').send({ heldOn: '2026-12-03', place: '党委会议室', summary: CORRECTED });
    expect(redirectedTo(corrected)).toBe(`/me/talks?done=corrected#talk-${talkId}`);

    const again = words((await t.http.get('/me/talks').set('cookie', counterpart)).text);
    expect(again).toContain(CORRECTED);
    expect(again).toMatch(/王刚 班子成员 班子成员之间 已记录待对方确认/);
    const confirmed = await t.http.post(`/me/talks/${talkId}/confirm`).set('cookie', counterpart).type('form').send({});
    expect(redirectedTo(confirmed)).toBe(`/me/talks?done=confirmed#talk-${talkId}`);
    const done = words((await t.http.get('/me/talks?done=confirmed').set('cookie', counterpart)).text);
    expect(done).toContain('已确认谈话记录。');
    expect(done).toMatch(/王刚 班子成员 班子成员之间 已确认/);
    expect(done).toContain('对方已于 2026年12月5日 确认');
    expect(words((await t.http.get('/me/talks').set('cookie', recorder)).text)).toMatch(/陈红 班子成员 班子成员之间 已确认/);
    // Confirmed, the record is closed to edits.
    expect((await t.http.get(`/me/talks/${talkId}/edit`).set('cookie', recorder).expect(200)).text).toContain('对方已确认，不能再修改');
  });

  it('shows a talk\'s content to its two participants only: not to the secretary, nor its edit form to the counterpart', async () => {
    const counterpart = await signInToPages(t, chen.username);
    const talkId = talkIdIn((await t.http.get('/me/talks').set('cookie', counterpart)).text, '王刚')!;
    const secretaryCookie = await signInToPages(t, secretary.username);
    const secretaryPage = (await t.http.get('/me/talks').set('cookie', secretaryCookie).expect(200)).text;
    expect(secretaryPage).not.toContain(CORRECTED);
    expect(secretaryPage).not.toContain(talkId);
    // The meeting lets the secretary read talks through the API, but this page is for participants.
    expect((await t.http.get(`/me/talks/${talkId}/edit`).set('cookie', secretaryCookie)).status).toBe(404);
    expect((await t.http.get(`/me/talks/${talkId}/edit`).set('cookie', counterpart)).status).toBe(404);
    const notMine = await t.http.post(`/me/talks/${talkId}/confirm`).set('cookie', secretaryCookie).type('form').send({});
    expect(notMine.status).toBe(403);
    expect(notMine.text).toContain('只有谈话对象本人可以确认谈话记录');
  });

  it('lets a department head with a staff account confirm the talk recorded with them; a head known by name needs no confirmation', async () => {
    const recorder = await signInToPages(t, wang.username);
    const withHead = await t.http.post('/me/talks/new').set('cookie', recorder).type('form').send({ meeting: meeting.id, with: `user:${head.id}`, heldOn: '2026-12-04', summary: '听取办公室工作情况和对分管领导的意见。' });
    expect(redirectedTo(withHead)).toBe(`/me/talks?done=logged#meeting-${meeting.id}`);

    const headCookie = await signInToPages(t, head.username);
    const headPage = (await t.http.get('/me/talks').set('cookie', headCookie).expect(200)).text;
    expect(words(headPage)).not.toContain('我的必谈对象');
    const talkId = talkIdIn(headPage, '王刚')!;
    expect(headPage).toContain(`action="/me/talks/${talkId}/confirm"`);
    expect(redirectedTo(await t.http.post(`/me/talks/${talkId}/confirm`).set('cookie', headCookie).type('form').send({}))).toBe(`/me/talks?done=confirmed#talk-${talkId}`);
    // Off the team, they log no talks.
    expect((await t.http.get(`/me/talks/new?meeting=${meeting.id}`).set('cookie', headCookie)).status).toBe(404);

    const chenCookie = await signInToPages(t, chen.username);
    const byName = await t.http.post('/me/talks/new').set('cookie', chenCookie).type('form').send({ meeting: meeting.id, with: 'name:吴敏', heldOn: '2026-12-04', summary: '听取财务处的意见建议。' });
    expect(redirectedTo(byName)).toBe(`/me/talks?done=recorded#meeting-${meeting.id}`);
    expect(words((await t.http.get('/me/talks').set('cookie', chenCookie)).text)).toMatch(/吴敏 财务处主要负责同志 与分管部门主要负责同志 已记录（对方无账号，无需确认）/);
  });

  it('answers another organisation\'s talk, or none, as not found', async () => {
    const other = await createOrg(t);
    const stranger = await other.user([Role.Leader]);
    const cookie = await signInToPages(t, stranger.username);
    const talkId = talkIdIn((await t.http.get('/me/talks').set('cookie', await signInToPages(t, chen.username))).text, '王刚')!;
    expect((await t.http.post(`/me/talks/${talkId}/confirm`).set('cookie', cookie).type('form').send({})).status).toBe(404);
    expect((await t.http.get(`/me/talks/new?meeting=${meeting.id}`).set('cookie', cookie)).status).toBe(404);
    expect((await t.http.get('/me/talks/not-an-id/edit').set('cookie', cookie)).status).toBe(404);
    expect(words((await t.http.get('/me/talks').set('cookie', cookie).expect(200)).text)).toContain('您目前不在任何一次民主生活会的班子中');
  });
});

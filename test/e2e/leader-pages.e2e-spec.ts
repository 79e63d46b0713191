import { Role } from '../../src/common/roles';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, PASSWORD, TestOrg } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const TEAM_ITEM = '会议太多太长，文山会海问题突出，基层疲于应付。';
const OWN_ITEM = '公务用车管理不够规范，存在公车私用的苗头。';
const OTHERS_ITEM = '调查研究不深入，下基层次数偏少。';

describe(`the leader's page /me/items (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let team: TestTeam;

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    const meeting = await createMeeting(t, org.admin);
    team = await createTeam(t, org, meeting.id, 3);
    // k = 3: the three are released together.
    const box = await openBox(t, org.admin, meeting.id, { releaseThreshold: 3 });
    await submitOpinion(t, box.slug, { text: TEAM_ITEM });
    await submitOpinion(t, box.slug, { text: OWN_ITEM, targetMemberId: team.members[0].id });
    await submitOpinion(t, box.slug, { text: OTHERS_ITEM, targetMemberId: team.members[1].id });
    await t.release();
    await t.http.post(`/api/v1/meetings/${meeting.id}/items/publish`).set(org.admin.auth).expect(200);
  });
  afterAll(() => t.close());

  /** Signs in through the page and returns the session cookie. */
  async function signIn(username: string, password = PASSWORD): Promise<string> {
    const response = await t.http.post('/login').type('form').send({ username, password, next: '/me/items' });
    expect({ status: response.status, location: response.headers.location }).toEqual({ status: 303, location: '/me/items' });
    const cookie = [response.headers['set-cookie']].flat()[0] as string;
    expect(cookie).toMatch(/^tanxin_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    return cookie.split(';')[0];
  }

  it('sends someone not signed in to the sign-in page, and refuses a wrong password in words', async () => {
    const page = await t.http.get('/me/items');
    expect({ status: page.status, location: page.headers.location }).toEqual({ status: 303, location: '/login?next=%2Fme%2Fitems' });
    const wrong = await t.http.post('/login').type('form').send({ username: team.members[0].username, password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('用户名或密码不正确');
    expect(wrong.text).toContain(`value="${team.members[0].username}"`);
  });

  it('shows a member their items and the team\'s by aspect, with sources, never another member\'s', async () => {
    const cookie = await signIn(team.members[0].username);
    const page = await t.http.get('/me/items').set('cookie', cookie).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('我的意见清单');
    expect(page.text).toContain(TEAM_ITEM);
    expect(page.text).toContain(OWN_ITEM);
    expect(page.text).not.toContain(OTHERS_ITEM);
    expect(page.text).toContain('原始意见 1 条');
  });

  it('claims and answers through forms, and shows the answer', async () => {
    const cookie = await signIn(team.members[0].username);
    const page = (await t.http.get('/me/items').set('cookie', cookie).expect(200)).text;
    const itemId = new RegExp(`<section class="item" id="item-([0-9a-f-]{36})">\\s*<p class="summary">${OWN_ITEM}`).exec(page)![1];
    const claimed = await t.http.post(`/me/items/${itemId}/claim`).set('cookie', cookie).type('form').send({ kind: 'lead' });
    expect({ status: claimed.status, location: claimed.headers.location }).toEqual({ status: 303, location: `/me/items?done=claim#item-${itemId}` });

    const tooShort = await t.http.post(`/me/items/${itemId}/answer`).set('cookie', cookie).type('form').send({ reflection: '短', measures: '立即整改公车管理，建立台账。' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.text).toContain('立即整改公车管理，建立台账。');

    const answered = await t.http.post(`/me/items/${itemId}/answer`).set('cookie', cookie).type('form').send({ reflection: '对公车管理制度执行不严，监督不到位。', measures: '建立用车台账，每月公开使用情况。', dueDate: '2027-01-31' });
    expect(answered.status).toBe(303);
    const after = (await t.http.get('/me/items?done=answer').set('cookie', cookie).expect(200)).text;
    expect(after).toContain('答复已保存');
    expect(after).toContain('整改措施：建立用车台账，每月公开使用情况。');
  });

  it('refuses a form posted from another site', async () => {
    const cookie = await signIn(team.members[1].username);
    const page = (await t.http.get('/me/items').set('cookie', cookie).expect(200)).text;
    const itemId = /<section class="item" id="item-([0-9a-f-]{36})">/.exec(page)![1];
    const response = await t.http.post(`/me/items/${itemId}/claim`).set('cookie', cookie).set('origin', 'https://evil.example').type('form').send({ kind: 'joint' });
    expect(response.status).toBe(403);
  });

  it('is for team members: an organiser signed in gets 403 in words', async () => {
    const organiser = await org.user([Role.Organiser]);
    const cookie = await signIn(organiser.username);
    const page = await t.http.get('/me/items').set('cookie', cookie);
    expect(page.status).toBe(403);
    expect(page.text).toContain('意见清单页面供班子成员使用');
  });

  it('lands each account on its own page when the sign-in names none', async () => {
    const landing = async (username: string) => {
      const form = await t.http.get('/login').expect(200);
      expect(form.text).not.toContain('name="next"');
      const response = await t.http.post('/login').type('form').send({ username, password: PASSWORD });
      expect(response.status).toBe(303);
      return response.headers.location;
    };
    t.clock.advance(60_000); // so that this meeting is the newest
    const newer = await createMeeting(t, org.admin, { title: '2026年度第二次民主生活会' });
    expect(await landing(team.members[0].username)).toBe('/me/items');
    // The organiser on the workbench's meetings; the supervisor on the newest meeting's board.
    expect(await landing((await org.user([Role.Organiser])).username)).toBe('/meetings');
    expect(await landing((await org.user([Role.Supervisor])).username)).toBe(`/meetings/${newer.id}/board`);
    // A staff account on the page that says what it can do here, not a refusal.
    expect(await landing((await org.user([Role.Staff])).username)).toBe('/me');
    // A supervisor in an office with no meeting yet: the meetings list, which says so.
    const empty = await createOrg(t);
    expect(await landing((await empty.user([Role.Supervisor])).username)).toBe('/meetings');
    // A page named in the sign-in wins; a page of another site counts as none.
    expect((await t.http.post('/login').type('form').send({ username: team.members[0].username, password: PASSWORD, next: '/me/items#item-1' })).headers.location).toBe('/me/items#item-1');
    expect((await t.http.post('/login').type('form').send({ username: team.members[0].username, password: PASSWORD, next: '//evil.example/' })).headers.location).toBe('/me/items');
  });
});

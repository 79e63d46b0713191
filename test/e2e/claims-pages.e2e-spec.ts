import { Role } from '../../src/common/roles';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

// Team items: one released through the API, one through the pages, one nobody claims (to assign).
const TEAM_API = '会议太多太长，文山会海问题突出，基层疲于应付。';
const TEAM_PAGE = '年轻干部培养使用力度不够，成长渠道偏窄。';
const TEAM_UNLED = '调查研究不深入，下基层次数偏少，听取一线意见不够。';
// Concerning one member each.
const OWN = '公务用车管理不够规范，存在公车私用的苗头。';
const OTHERS = '食堂饭菜品种单一，价格偏高，职工意见较大。';
/** Added after publishing: a draft, never on the published list. */
const DRAFT = '办公用房调整进度偏慢，部分科室拥挤。';

const ANSWER = { reflection: '对公车管理制度执行不严，监督不到位。', measures: '建立用车台账，每月公开使用情况。', dueDate: '2027-01-31' };

interface Item {
  id: string;
  summary: string;
  claims: Array<{ memberUserId: string; kind: string; answer: unknown }>;
}

/** What a page says, without its tags: what a person reads. */
const words = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`releasing a claim, the claims page and the published list (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let team: TestTeam;
  let supervisor: TestUser;
  let meetingId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000', RECEIPT_LOOKUP_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    meetingId = (await createMeeting(t, org.admin)).id;
    team = await createTeam(t, org, meetingId, 3);
    supervisor = await org.user([Role.Supervisor]);
    const box = await openBox(t, org.admin, meetingId, { releaseThreshold: 5 });
    for (const text of [TEAM_API, TEAM_PAGE, TEAM_UNLED]) await submitOpinion(t, box.slug, { text });
    await submitOpinion(t, box.slug, { text: OWN, targetMemberId: team.members[0].id });
    await submitOpinion(t, box.slug, { text: OTHERS, targetMemberId: team.members[1].id });
    await t.release();
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(org.admin.auth).expect(200);
    await t.http.post(`/api/v1/meetings/${meetingId}/items`).set(org.admin.auth).send({ summary: DRAFT, aspect: '理论学习' }).expect(201);
    const items: Item[] = (await t.http.get(`/api/v1/meetings/${meetingId}/items`).set(org.admin.auth).expect(200)).body;
    for (const [key, text] of Object.entries({ TEAM_API, TEAM_PAGE, TEAM_UNLED, OWN, OTHERS })) {
      ids[key] = items.find((item) => item.summary === text)?.id ?? '';
      if (!ids[key]) throw new Error(`no item reads "${text}": ${JSON.stringify(items.map((item) => item.summary))}`);
    }
  });
  afterAll(() => t.close());

  const item = async (id: string): Promise<Item> => (await t.http.get(`/api/v1/items/${id}`).set(org.admin.auth).expect(200)).body;
  const release = (id: string, user: TestUser) => t.http.delete(`/api/v1/items/${id}/claims/mine`).set(user.auth);
  const claimsOf = async (id: string) => (await item(id)).claims.map((claim) => [claim.memberUserId, claim.kind]);

  describe('DELETE /api/v1/items/:id/claims/mine', () => {
    it('releases a lead claim before it is answered: 200 the item without a lead, its joint claimant stays, and it can be claimed again', async () => {
      const [lead, joint] = team.members;
      await t.http.post(`/api/v1/items/${ids.TEAM_API}/claims`).set(lead.auth).send({ kind: 'lead' }).expect(201);
      await t.http.post(`/api/v1/items/${ids.TEAM_API}/claims`).set(joint.auth).send({ kind: 'joint' }).expect(201);

      const released = await release(ids.TEAM_API, lead);
      expect({ status: released.status, claims: released.body.claims?.map((claim: Item['claims'][number]) => [claim.memberUserId, claim.kind]) }).toEqual({
        status: 200,
        claims: [[joint.id, 'joint']],
      });
      expect(await claimsOf(ids.TEAM_API)).toEqual([[joint.id, 'joint']]);

      // Nobody leads it now: the secretary's overview lists it again, and anyone may take the lead.
      const overview = (await t.http.get(`/api/v1/meetings/${meetingId}/claims/overview`).set(org.admin.auth).expect(200)).body;
      expect(overview.unclaimedTeamItems.map((entry: { id: string }) => entry.id)).toContain(ids.TEAM_API);
      await t.http.post(`/api/v1/items/${ids.TEAM_API}/claims`).set(lead.auth).send({ kind: 'lead' }).expect(201);
      // The lead first, whoever claimed earlier.
      expect(await claimsOf(ids.TEAM_API)).toEqual([
        [lead.id, 'lead'],
        [joint.id, 'joint'],
      ]);
    });

    it('lets a joint claimant leave while the item is unanswered', async () => {
      const joint = team.members[1];
      await release(ids.TEAM_API, joint).expect(200);
      expect(await claimsOf(ids.TEAM_API)).toEqual([[team.members[0].id, 'lead']]);
      await t.http.post(`/api/v1/items/${ids.TEAM_API}/claims`).set(joint.auth).send({ kind: 'joint' }).expect(201);
    });

    it('refuses once the lead has answered, for the lead and the joint claimant: 409 CLAIM_ANSWERED, the claims unchanged', async () => {
      const [lead, joint] = team.members;
      await t.http.put(`/api/v1/items/${ids.TEAM_API}/claims/mine`).set(lead.auth).send(ANSWER).expect(200);
      for (const member of [lead, joint]) {
        const refused = await release(ids.TEAM_API, member);
        expect({ status: refused.status, code: refused.body.code, message: refused.body.message }).toEqual({ status: 409, code: 'CLAIM_ANSWERED', message: '这条意见已经答复，不能再放弃认领' });
      }
      expect((await claimsOf(ids.TEAM_API)).sort()).toEqual([[joint.id, 'joint'], [lead.id, 'lead']].sort());
    });

    it('is 404 for a member holding no claim on the item, for an item not published to them, and to another organisation', async () => {
      const none = await release(ids.TEAM_UNLED, team.secretary);
      expect({ status: none.status, code: none.body.code, message: none.body.message }).toEqual({ status: 404, code: 'NOT_FOUND', message: '您没有认领这条意见' });
      const strangerOrg = await createOrg(t);
      const stranger = await strangerOrg.user([Role.Leader]);
      await release(ids.TEAM_API, stranger).expect(404);
      await release('00000000-0000-4000-8000-000000000000', team.members[0]).expect(404);
    });

    it('is for team members: an organiser is refused (403)', async () => {
      await release(ids.TEAM_API, org.admin).expect(403);
    });
  });

  describe('/me/items: 放弃认领 with a confirmation page', () => {
    let cookie: string;
    const myItems = async (path = '/me/items') => (await t.http.get(path).set('cookie', cookie).expect(200)).text;
    const section = (page: string, id: string) => /<section class="item" id="item-[^"]+">[\s\S]*?<\/section>/g.exec(page.slice(page.indexOf(`id="item-${id}"`) - 30))?.[0] ?? '';

    beforeAll(async () => {
      cookie = await signInToPages(t, team.members[1].username);
    });

    it('shows the workbench header with the member\'s name and sign-out, and a 放弃认领 link on the member\'s own unanswered claim only', async () => {
      await t.http.post(`/me/items/${ids.TEAM_PAGE}/claim`).set('cookie', cookie).type('form').send({ kind: 'lead' }).expect(303);
      const page = await myItems();
      expect(page).toContain(`<a class="name" href="/me/password" title="修改密码">${team.members[1].displayName}</a>`);
      expect(page.match(/id="logout"/g)).toHaveLength(1);
      expect(section(page, ids.TEAM_PAGE)).toContain(`href="/me/items/${ids.TEAM_PAGE}/release">放弃认领</a>`);
      // A joint claim on an answered item stays; an item not claimed has nothing to release.
      expect(section(page, ids.TEAM_API)).not.toContain('放弃认领</a>');
      expect(section(page, ids.TEAM_UNLED)).not.toContain('放弃认领</a>');
    });

    it('asks first, with the item\'s words, then releases: back on the list with a notice, the item without a lead', async () => {
      const confirm = await myItems(`/me/items/${ids.TEAM_PAGE}/release`);
      expect(words(confirm)).toContain('确定放弃认领这条意见吗？');
      expect(confirm).toContain(TEAM_PAGE);
      expect(confirm).toContain(`<form method="post" action="/me/items/${ids.TEAM_PAGE}/release">`);

      const posted = await t.http.post(`/me/items/${ids.TEAM_PAGE}/release`).set('cookie', cookie).type('form').send({});
      expect(redirectedTo(posted)).toBe(`/me/items?done=release#item-${ids.TEAM_PAGE}`);
      const after = await myItems('/me/items?done=release');
      expect(after).toContain('已放弃认领。');
      expect(words(section(after, ids.TEAM_PAGE))).toContain('尚无人牵头认领');
      expect(section(after, ids.TEAM_PAGE)).toContain('value="lead">牵头认领</button>');
      expect(await claimsOf(ids.TEAM_PAGE)).toEqual([]);
    });

    it('refuses to release what is answered or not held, in words beside the item, nothing changed', async () => {
      const answered = await t.http.get(`/me/items/${ids.TEAM_API}/release`).set('cookie', cookie);
      expect(answered.status).toBe(409);
      expect(words(section(answered.text, ids.TEAM_API))).toContain('这条意见已经答复，不能再放弃认领');
      const posted = await t.http.post(`/me/items/${ids.TEAM_API}/release`).set('cookie', cookie).type('form').send({});
      expect(posted.status).toBe(409);
      expect((await claimsOf(ids.TEAM_API)).length).toBe(2);

      const notHeld = await t.http.post(`/me/items/${ids.TEAM_PAGE}/release`).set('cookie', cookie).type('form').send({});
      expect(notHeld.status).toBe(404);
      expect(words(notHeld.text)).toContain('您没有认领这条意见');
    });
  });

  describe('/meetings/:id/claims (认领与答复)', () => {
    it('shows the organiser who claimed what, answered or not, and the items nobody leads with the claim deadline', async () => {
      const cookie = await signInToPages(t, org.admin.username);
      const page = await t.http.get(`/meetings/${meetingId}/claims`).set('cookie', cookie).expect(200);
      const text = words(page.text);
      expect(page.text).toContain(`href="/meetings/${meetingId}/claims" aria-current="page"`);
      // Published 5: TEAM_API is led (answered); TEAM_PAGE, TEAM_UNLED, OWN and OTHERS are not.
      expect(text).toContain('已发布意见 5 条：已有人牵头认领 1 条，已答复 1 条，无人牵头 4 条。');
      // The deadline once, in the opening line, in words.
      expect({ 'times the claim deadline (2026-12-18) is shown': text.split('认领答复截止：2026年12月18日，还有').length - 1 }).toEqual({ 'times the claim deadline (2026-12-18) is shown': 1 });
      expect(text).not.toContain('2026-12-18');
      const row = (userId: string) => words(/<tr id="member-[^"]+">[\s\S]*?<\/tr>/.exec(page.text.slice(page.text.indexOf(`<tr id="member-${userId}"`)))![0]);
      expect(row(team.members[0].id)).toMatch(/班子成员 1 1 0 0/);
      expect(row(team.members[1].id)).toMatch(/班子成员 0 0 0 1/);
      expect(row(team.secretary.id)).toContain('尚未认领');
      for (const text of [TEAM_PAGE, TEAM_UNLED, OWN, OTHERS]) expect(words(/<section class="card" id="unled">[\s\S]*?<\/section>/.exec(page.text)![0])).toContain(text);
      expect(page.text).not.toContain(DRAFT);
      // The organiser reads; the secretary assigns (the API's rule).
      expect(page.text).not.toContain('name="memberUserId"');
    });

    it('lets the secretary assign a team item nobody leads, from their own list\'s link', async () => {
      const cookie = await signInToPages(t, team.secretary.username);
      expect((await t.http.get('/me/items').set('cookie', cookie).expect(200)).text).toContain(`href="/meetings/${meetingId}/claims"`);
      const page = (await t.http.get(`/meetings/${meetingId}/claims`).set('cookie', cookie).expect(200)).text;
      expect(page).toContain(`<input type="hidden" name="itemId" value="${ids.TEAM_UNLED}">`);
      // A member's own item is not the secretary's to give.
      expect(page).not.toContain(`name="itemId" value="${ids.OTHERS}"`);

      const empty = await t.http.post(`/meetings/${meetingId}/claims/assign`).set('cookie', cookie).type('form').send({ itemId: ids.TEAM_UNLED, memberUserId: '' });
      expect(empty.status).toBe(400);
      expect(words(empty.text)).toContain('请选择一位班子成员');
      expect(await claimsOf(ids.TEAM_UNLED)).toEqual([]);

      const assigned = await t.http.post(`/meetings/${meetingId}/claims/assign`).set('cookie', cookie).type('form').send({ itemId: ids.TEAM_UNLED, memberUserId: team.members[1].id });
      expect(redirectedTo(assigned)).toBe(`/meetings/${meetingId}/claims?done=assign#item-${ids.TEAM_UNLED}`);
      expect(await claimsOf(ids.TEAM_UNLED)).toEqual([[team.members[1].id, 'lead']]);
      const after = (await t.http.get(`/meetings/${meetingId}/claims?done=assign`).set('cookie', cookie).expect(200)).text;
      expect(after).toContain('已分配。');
      expect(after).not.toContain(`name="itemId" value="${ids.TEAM_UNLED}"`);
    });

    it('is for the organiser and the secretary: a member and the 督导组 get 403 in words, and a member cannot assign', async () => {
      const member = await signInToPages(t, team.members[0].username);
      const refused = await t.http.get(`/meetings/${meetingId}/claims`).set('cookie', member);
      expect({ status: refused.status, says: words(refused.text).includes('认领情况供组织者和主要负责同志查看') }).toEqual({ status: 403, says: true });
      const assign = await t.http.post(`/meetings/${meetingId}/claims/assign`).set('cookie', member).type('form').send({ itemId: ids.TEAM_PAGE, memberUserId: team.members[0].id });
      expect(assign.status).toBe(403);
      expect(await claimsOf(ids.TEAM_PAGE)).toEqual([]);
      const watcher = await signInToPages(t, supervisor.username);
      expect((await t.http.get(`/meetings/${meetingId}/claims`).set('cookie', watcher)).status).toBe(403);
    });
  });

  describe('/meetings/:id/list (the published list, read-only)', () => {
    it('shows the 督导组 the published items by aspect with their claims and answers, never a draft, and no form', async () => {
      const cookie = await signInToPages(t, supervisor.username);
      const page = await t.http.get(`/meetings/${meetingId}/list`).set('cookie', cookie).expect(200);
      const text = words(page.text);
      expect(page.text).toContain(`href="/meetings/${meetingId}/list" aria-current="page"`);
      for (const summary of [TEAM_API, TEAM_PAGE, TEAM_UNLED, OWN, OTHERS]) expect(text).toContain(summary);
      expect(text).not.toContain(DRAFT);
      expect(text).toContain('已发布');
      expect(text).toMatch(/共 5 条意见：已有人牵头认领 2 条，已答复 1 条，尚无人牵头 3 条/);
      const answered = words(page.text.slice(page.text.indexOf(`id="item-${ids.TEAM_API}"`)).split('</section>')[0]);
      expect(answered).toContain(`牵头认领：${team.members[0].displayName}；联合认领：${team.members[1].displayName}`);
      expect(answered).toContain(`问题认识 ${ANSWER.reflection} 整改措施 ${ANSWER.measures} 整改时限 2027年1月31日`);
      expect(page.text).not.toMatch(/<form(?![^>]*action="\/logout")/);
    });

    it('is for the 督导组 and the organiser: a team member gets 403, another organisation 404', async () => {
      await t.http.get(`/meetings/${meetingId}/list`).set('cookie', await signInToPages(t, org.admin.username)).expect(200);
      const member = await t.http.get(`/meetings/${meetingId}/list`).set('cookie', await signInToPages(t, team.members[0].username));
      expect(member.status).toBe(403);
      const stranger = await (await createOrg(t)).user([Role.Supervisor]);
      expect((await t.http.get(`/meetings/${meetingId}/list`).set('cookie', await signInToPages(t, stranger.username))).status).toBe(404);
    });
  });
});

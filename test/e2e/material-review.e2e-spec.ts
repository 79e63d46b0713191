import { Role } from '../../src/common/roles';
import { docx, PDF } from '../factories/files';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const OUTLINE = docx('李明同志发言提纲');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ADVICE = '查摆问题要联系分管领域，举出具体事例。';
const OUTLINE_ADVICE = '发言提纲的批评意见要点名道姓、直指问题。';

/** The text a person reads, tags gone and spaces collapsed. */
const words = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

interface Comment { text: string; by: { userId: string } }
interface Event { kind: string; from: string; to: string; note: string | null; by: { userId: string } }

describe(`the 督导组's review of materials, and the 发言提纲 (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let supervisor: TestUser;
  let team: TestTeam;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp({ PROGRESS_CACHE_SECONDS: '0' });
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    supervisor = await org.user([Role.Supervisor]);
    meetingId = (await createMeeting(t, organiser)).id;
    team = await createTeam(t, org, meetingId, 4);
  });
  afterAll(() => t.close());

  const url = (member: TestUser, rest = '', kind?: string) => `/api/v1/meetings/${meetingId}/materials/${member.id}${rest}${kind ? `?kind=${kind}` : ''}`;
  const move = (by: TestUser, member: TestUser, status: string, kind?: string, comment?: string) =>
    t.http.post(url(member, '/status', kind)).set(by.auth).send({ status, ...(comment ? { comment } : {}) });
  const comment = (by: TestUser, member: TestUser, text: string, kind?: string) => t.http.post(url(member, '/comments', kind)).set(by.auth).send({ text });
  const uploadOutline = (member: TestUser) => t.http.put(`${url(member, '/file', 'outline')}&name=${encodeURIComponent('发言提纲.docx')}`).set(member.auth).set('content-type', DOCX_TYPE).send(OUTLINE);

  describe('the 发言提纲, a second material of its own', () => {
    it('has its own status, file and history beside the 对照检查材料, which answers as before without `kind`', async () => {
      const member = team.members[0];
      const uploaded = await uploadOutline(member).expect(200);
      expect(uploaded.body).toMatchObject({ kind: 'outline', status: 'drafting', file: { name: '发言提纲.docx', type: 'docx' } });
      const check = await t.http.get(url(member)).set(member.auth).expect(200);
      expect(check.body).toMatchObject({ kind: 'check', status: 'not-started', file: null, history: [], comments: [] });
      const outlines = await t.http.get(`/api/v1/meetings/${meetingId}/materials?kind=outline`).set(organiser.auth).expect(200);
      expect(outlines.body.map((material: { memberUserId: string; kind: string; status: string }) => [material.memberUserId, material.kind, material.status])).toEqual([
        [team.secretary.id, 'outline', 'not-started'],
        [team.members[0].id, 'outline', 'drafting'],
        [team.members[1].id, 'outline', 'not-started'],
        [team.members[2].id, 'outline', 'not-started'],
      ]);
      const checks = await t.http.get(`/api/v1/meetings/${meetingId}/materials`).set(organiser.auth).expect(200);
      expect(checks.body.every((material: { kind: string; status: string }) => material.kind === 'check' && material.status === 'not-started')).toBe(true);
      const file = await t.http.get(url(member, '/file', 'outline')).set(member.auth).expect(200);
      expect(file.headers['content-type']).toBe(DOCX_TYPE);
    });

    it('refuses a kind it does not know with 400', async () => {
      const response = await t.http.get(url(team.members[0], '', 'speech')).set(organiser.auth);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect((await t.http.get(`/api/v1/meetings/${meetingId}/materials?kind=all`).set(organiser.auth)).status).toBe(400);
    });

    it('counts only the 对照检查材料 in the progress figures', async () => {
      const member = team.members[0];
      await move(member, member, 'submitted', 'outline').expect(200);
      await move(team.secretary, member, 'approved', 'outline').expect(200);
      const progress = await t.http.get(`/api/v1/meetings/${meetingId}/progress`).set(organiser.auth).expect(200);
      expect(progress.body.members.find((entry: { userId: string }) => entry.userId === member.id).materialStatus).toBe('not-started');
    });
  });

  describe('the 督导组', () => {
    it('cannot read, download or comment on a material still a draft or not started (403, the list shows its status)', async () => {
      const member = team.members[1];
      await t.http.put(`${url(member, '/file')}`).set(member.auth).set('content-type', 'application/pdf').send(PDF).expect(200);
      const read = await t.http.get(url(member)).set(supervisor.auth);
      expect({ status: read.status, code: read.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(read.body.message).toContain('提交后督导组方可查阅');
      expect((await t.http.get(url(member, '/file')).set(supervisor.auth)).status).toBe(403);
      expect((await t.http.get(url(member, '', 'outline')).set(supervisor.auth)).status).toBe(403);
      expect((await comment(supervisor, member, ADVICE)).status).toBe(403);
      const list = await t.http.get(`/api/v1/meetings/${meetingId}/materials`).set(supervisor.auth).expect(200);
      expect(list.body.find((material: { memberUserId: string }) => material.memberUserId === member.id).status).toBe('drafting');
    });

    it('reads a submitted material and its file, and comments without changing its status; the history says who', async () => {
      const member = team.members[1];
      await move(member, member, 'submitted').expect(200);
      expect((await t.http.get(url(member)).set(supervisor.auth).expect(200)).body.status).toBe('submitted');
      const file = await t.http.get(url(member, '/file')).set(supervisor.auth).expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');

      const commented = await comment(supervisor, member, `  ${ADVICE}  `).expect(201);
      expect(commented.body).toMatchObject({ kind: 'check', status: 'submitted', comments: [{ text: ADVICE, by: { userId: supervisor.id, name: supervisor.displayName } }] });
      const last = commented.body.history.at(-1) as Event;
      expect(last).toMatchObject({ kind: 'comment', from: 'submitted', to: 'submitted', note: ADVICE, by: { userId: supervisor.id } });

      const empty = await comment(supervisor, member, '   ');
      expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    });

    it('never moves a status: the secretary still approves or returns', async () => {
      const member = team.members[1];
      const approve = await move(supervisor, member, 'approved');
      expect(approve.status).toBe(403);
      await move(team.secretary, member, 'returned', undefined, '请按督导组意见修改。').expect(200);
      // Returned: still readable and open to comment.
      await comment(supervisor, member, '修改后请再报督导组。').expect(201);
    });

    it('is the only one to write 督导组意见: organisers, the secretary and members get 403', async () => {
      const member = team.members[1];
      for (const by of [organiser, team.secretary, member]) expect((await comment(by, member, '不是督导组的意见')).status).toBe(403);
    });

    it('lets the member, the secretary and organisers read the comments, and no fellow member', async () => {
      const member = team.members[1];
      const texts = (comments: Comment[]) => comments.map((entry) => entry.text);
      expect(texts((await t.http.get(url(member)).set(member.auth).expect(200)).body.comments)).toEqual([ADVICE, '修改后请再报督导组。']);
      expect(texts((await t.http.get(url(member)).set(organiser.auth).expect(200)).body.comments)).toEqual([ADVICE, '修改后请再报督导组。']);
      const listed = (await t.http.get(`/api/v1/meetings/${meetingId}/materials`).set(team.secretary.auth).expect(200)).body as Array<{ memberUserId: string; comments: Comment[] }>;
      expect(texts(listed.find((entry) => entry.memberUserId === member.id)!.comments)).toEqual([ADVICE, '修改后请再报督导组。']);
      const peer = (await t.http.get(`/api/v1/meetings/${meetingId}/materials`).set(team.members[2].auth).expect(200)).body as Array<{ memberUserId: string; comments: Comment[] }>;
      expect(peer.find((entry) => entry.memberUserId === member.id)!.comments).toEqual([]);
      expect((await t.http.get(url(member)).set(team.members[2].auth)).status).toBe(404);
    });

    it('comments on a 发言提纲 apart from the 对照检查材料', async () => {
      const member = team.members[0];
      const outline = await comment(supervisor, member, OUTLINE_ADVICE, 'outline').expect(201);
      expect(outline.body).toMatchObject({ kind: 'outline', status: 'approved', comments: [{ text: OUTLINE_ADVICE }] });
      expect((await t.http.get(url(member)).set(member.auth).expect(200)).body.comments).toEqual([]);
    });

    it('answers another organisation\'s supervisor with 404', async () => {
      const stranger = await (await createOrg(t)).user([Role.Supervisor]);
      expect((await t.http.get(url(team.members[1])).set(stranger.auth)).status).toBe(404);
      expect((await comment(stranger, team.members[1], ADVICE)).status).toBe(404);
    });
  });

  describe('the pages', () => {
    it('shows a member both materials on /me/material, with the 督导组意见', async () => {
      const member = team.members[1];
      const page = await t.http.get('/me/material').set('cookie', await signInToPages(t, member.username)).expect(200);
      const text = words(page.text);
      expect(text).toContain('我的对照检查材料');
      expect(text).toContain('我的发言提纲');
      expect(text).toContain(`督导组意见（2） `);
      expect(text).toContain(ADVICE);
      expect(text).toContain(`${supervisor.displayName}：督导组意见：${ADVICE}`);
      expect(page.text).toContain(`action="/me/material/${meetingId}/${member.id}/file?kind=outline"`);
    });

    it('uploads and submits a 发言提纲 from the page', async () => {
      const member = team.members[2];
      const cookie = await signInToPages(t, member.username);
      const uploaded = await t.http.post(`/me/material/${meetingId}/${member.id}/file?kind=outline`).set('cookie', cookie).attach('file', OUTLINE, { filename: '提纲.docx', contentType: DOCX_TYPE });
      expect(redirectedTo(uploaded)).toBe(`/me/material?done=uploaded#outline-${meetingId}-${member.id}`);
      const submitted = await t.http.post(`/me/material/${meetingId}/${member.id}/status?kind=outline`).set('cookie', cookie).type('form').send({ status: 'submitted' });
      expect(redirectedTo(submitted)).toBe(`/me/material?done=submitted#outline-${meetingId}-${member.id}`);
      expect((await t.http.get(url(member, '', 'outline')).set(member.auth).expect(200)).body.status).toBe('submitted');
      expect((await t.http.get(url(member)).set(member.auth).expect(200)).body.status).toBe('not-started');
    });

    it('gives the 督导组 the team\'s materials at /meetings/:id/materials, with a comment form on the submitted ones only', async () => {
      const cookie = await signInToPages(t, supervisor.username);
      const page = await t.http.get(`/meetings/${meetingId}/materials`).set('cookie', cookie).expect(200);
      const text = words(page.text);
      expect(text).toContain('对照检查材料与发言提纲');
      expect(text).toContain(team.members[2].displayName);
      expect(text).toContain('尚未提交，提交后可以查阅');
      // members[2]'s outline is submitted: a form; their 对照检查材料 is not started: none.
      expect(page.text).toContain(`action="/meetings/${meetingId}/materials/${team.members[2].id}/comments?kind=outline"`);
      expect(page.text).not.toContain(`action="/meetings/${meetingId}/materials/${team.members[2].id}/comments"`);
      expect(page.text).toContain(`href="/meetings/${meetingId}/materials/${team.members[2].id}/file?kind=outline"`);

      const sent = await t.http.post(`/meetings/${meetingId}/materials/${team.members[2].id}/comments?kind=outline`).set('cookie', cookie).type('form').send({ text: OUTLINE_ADVICE });
      expect(redirectedTo(sent)).toBe(`/meetings/${meetingId}/materials?done=commented#outline-${team.members[2].id}`);
      const after = words((await t.http.get(`/meetings/${meetingId}/materials?done=commented`).set('cookie', cookie).expect(200)).text);
      expect(after).toContain('督导组意见已记入材料的办理记录');
      expect(after).toContain(OUTLINE_ADVICE);
      const file = await t.http.get(`/meetings/${meetingId}/materials/${team.members[2].id}/file?kind=outline`).set('cookie', cookie).expect(200);
      expect(file.headers['content-type']).toBe(DOCX_TYPE);
      expect((await t.http.get(`/meetings/${meetingId}/materials/${team.members[2].id}/file`).set('cookie', cookie)).status).toBe(403);
    });

    it('keeps the words of a refused comment on the page', async () => {
      const cookie = await signInToPages(t, supervisor.username);
      const refused = await t.http.post(`/meetings/${meetingId}/materials/${team.members[2].id}/comments`).set('cookie', cookie).type('form').send({ text: '写给未提交材料的意见' });
      expect(refused.status).toBe(403);
      expect(words(refused.text)).toContain('提交后督导组方可提出意见');
      const empty = await t.http.post(`/meetings/${meetingId}/materials/${team.members[2].id}/comments?kind=outline`).set('cookie', cookie).type('form').send({ text: ' ' });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain(`id="outline-${team.members[2].id}"`);
    });

    it('shows organisers the page without the form, and refuses a team member with a 403 page', async () => {
      const page = await t.http.get(`/meetings/${meetingId}/materials`).set('cookie', await signInToPages(t, organiser.username)).expect(200);
      expect(page.text).not.toContain('/comments');
      expect(page.text).toContain(`href="/meetings/${meetingId}/materials/${team.members[1].id}/file"`);
      const refused = await t.http.get(`/meetings/${meetingId}/materials`).set('cookie', await signInToPages(t, team.members[0].username));
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('材料审阅页面供督导组和组织部门使用');
    });
  });
  describe('the 领导班子对照检查材料, the secretary\'s for the team', () => {
    const TEAM_ADVICE = '班子对照检查要把民主生活会征求到的意见逐条对照。';
    const reviewPage = async (user: TestUser) => (await t.http.get(`/meetings/${meetingId}/materials`).set('cookie', await signInToPages(t, user.username)).expect(200)).text;
    const pagePost = async (user: TestUser, rest: string, form: Record<string, string>) =>
      t.http.post(`/meetings/${meetingId}/materials/${team.secretary.id}/${rest}`).set('cookie', await signInToPages(t, user.username)).type('form').send(form);

    it('is one a meeting, under the secretary: a member\'s seat has none, and a member cannot reach it (404 both)', async () => {
      const list = await t.http.get(`/api/v1/meetings/${meetingId}/materials?kind=team`).set(organiser.auth).expect(200);
      expect(list.body.map((material: { memberUserId: string; kind: string; status: string; reviewedBy: string }) => [material.memberUserId, material.kind, material.status, material.reviewedBy])).toEqual([
        [team.secretary.id, 'team', 'not-started', 'organiser'],
      ]);
      expect((await t.http.get(url(team.members[0], '', 'team')).set(organiser.auth)).status).toBe(404);
      const byMember = await t.http.put(url(team.secretary, '/file', 'team')).set(team.members[0].auth).set('content-type', 'application/pdf').send(PDF);
      expect(byMember.status).toBe(404);
      const uploaded = await t.http.put(url(team.secretary, '/file', 'team')).set(team.secretary.auth).set('content-type', 'application/pdf').send(PDF).expect(200);
      expect(uploaded.body).toMatchObject({ kind: 'team', status: 'drafting', file: { type: 'pdf' } });
      // The secretary's own 对照检查材料 is a material apart.
      expect((await t.http.get(url(team.secretary)).set(team.secretary.auth).expect(200)).body.kind).toBe('check');
    });

    it('shows the secretary the material on /me/material, to upload and submit beside its draft', async () => {
      const page = await t.http.get('/me/material').set('cookie', await signInToPages(t, team.secretary.username)).expect(200);
      const block = page.text.slice(page.text.indexOf(`id="team-${meetingId}"`));
      expect(block).toContain('领导班子对照检查材料');
      expect(block).toContain('由组织部门或督导组审核');
      expect(block).toContain(`action="/me/material/${meetingId}/${team.secretary.id}/status?kind=team"`);
      expect(block).toContain(`id="draft-${meetingId}-team"`);
      const submitted = await t.http.post(`/me/material/${meetingId}/${team.secretary.id}/status?kind=team`).set('cookie', await signInToPages(t, team.secretary.username)).type('form').send({ status: 'submitted' });
      expect(redirectedTo(submitted)).toBe(`/me/material?done=submitted#team-${meetingId}-${team.secretary.id}`);
    });

    it('is reviewed by the organisers on the review page, not by the secretary: a return needs its reason, kept when refused', async () => {
      expect((await move(team.secretary, team.secretary, 'approved', 'team')).status).toBe(403);
      const page = await reviewPage(organiser);
      const card = page.slice(page.indexOf('id="team"'), page.indexOf('id="member-'));
      expect(words(card)).toContain('领导班子对照检查材料 已提交');
      expect(card).toContain(`action="/meetings/${meetingId}/materials/${team.secretary.id}/status?kind=team"`);
      expect(words(page)).toContain('1 份待组织部门审核');

      const refused = await pagePost(organiser, 'status?kind=team', { status: 'returned', comment: ' ' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('退回时请写明修改意见');
      const returned = await pagePost(organiser, 'status?kind=team', { status: 'returned', comment: TEAM_ADVICE });
      expect(redirectedTo(returned)).toBe(`/meetings/${meetingId}/materials?done=returned#team-${team.secretary.id}`);
      const detail = (await t.http.get(url(team.secretary, '', 'team')).set(team.secretary.auth).expect(200)).body;
      expect({ status: detail.status, reviewComment: detail.reviewComment }).toEqual({ status: 'returned', reviewComment: TEAM_ADVICE });
      expect(words((await t.http.get('/me/material').set('cookie', await signInToPages(t, team.secretary.username)).expect(200)).text)).toContain(`退回修改意见：${TEAM_ADVICE}`);
    });

    it('goes to the 督导组 once submitted again: it reads and comments; the organiser approves', async () => {
      await move(team.secretary, team.secretary, 'submitted', 'team').expect(200);
      const supervised = await reviewPage(supervisor);
      expect(supervised).toContain(`href="/meetings/${meetingId}/materials/${team.secretary.id}/file?kind=team"`);
      const sent = await pagePost(supervisor, 'comments?kind=team', { text: OUTLINE_ADVICE });
      expect(redirectedTo(sent)).toBe(`/meetings/${meetingId}/materials?done=commented#team-${team.secretary.id}`);
      const approved = await pagePost(organiser, 'status?kind=team', { status: 'approved' });
      expect(redirectedTo(approved)).toBe(`/meetings/${meetingId}/materials?done=approved#team-${team.secretary.id}`);
      const history = (await t.http.get(url(team.secretary, '', 'team')).set(organiser.auth).expect(200)).body.history as Event[];
      expect(history.map((event) => `${event.kind} ${event.to}`)).toEqual(['upload drafting', 'status submitted', 'status returned', 'status submitted', 'comment submitted', 'status approved']);
      const after = words((await t.http.get(`/meetings/${meetingId}/materials?done=approved`).set('cookie', await signInToPages(t, organiser.username)).expect(200)).text);
      expect(after).toContain('材料已审核通过');
      expect(after).toContain('领导班子对照检查材料 审核通过');
      // The board and the 督导组's overview say so too.
      expect((await t.http.get(`/api/v1/meetings/${meetingId}/progress`).set(organiser.auth).expect(200)).body.teamMaterial).toBe('approved');
      const board = words((await t.http.get(`/meetings/${meetingId}/board`).set('cookie', await signInToPages(t, organiser.username)).expect(200)).text);
      expect(board).toContain('领导班子对照检查材料： 审核通过');
    });

    it('gives a team member no review form and no way to move it (404 on the page route for a member\'s seat)', async () => {
      const refused = await t.http.post(`/meetings/${meetingId}/materials/${team.members[0].id}/status?kind=team`).set('cookie', await signInToPages(t, organiser.username)).type('form').send({ status: 'approved' });
      expect(refused.status).toBe(404);
    });
  });
});

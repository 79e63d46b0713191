import { Role } from '../../src/common/roles';
import { docx, PDF } from '../factories/files';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';

const DOCX = docx('王刚同志对照检查材料');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300)]);
const UPLOAD_LIMIT = 8 * 1024;
const RETURN_NOTE = '对照检查不够深刻，要联系分管工作实际。';

/** The text a person reads, tags gone and spaces collapsed. */
const words = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`the leaders' material page /me/material (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let team: TestTeam;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT) });
    org = await createOrg(t);
    meetingId = (await createMeeting(t, org.admin)).id;
    team = await createTeam(t, org, meetingId, 3);
  });
  afterAll(() => t.close());

  const base = (memberId: string) => `/me/material/${meetingId}/${memberId}`;
  const apiStatus = async (memberId: string) => (await t.http.get(`/api/v1/meetings/${meetingId}/materials/${memberId}`).set(org.admin.auth).expect(200)).body.status as string;
  /** A multipart form as a browser sends it, the file under `file`. */
  const upload = (cookie: string, memberId: string, content: Buffer, filename: string, contentType: string) =>
    t.http.post(`${base(memberId)}/file`).set('cookie', cookie).attach('file', content, { filename, contentType });

  it('sends someone signed out to the sign-in page and refuses an organiser with a 403 page', async () => {
    const signedOut = await t.http.get('/me/material');
    expect({ status: signedOut.status, location: signedOut.headers.location }).toEqual({ status: 303, location: '/login?next=%2Fme%2Fmaterial' });
    const refused = await t.http.get('/me/material').set('cookie', await signInToPages(t, org.admin.username));
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('对照检查材料页面供班子成员使用');
  });

  it('shows a member their material not started, with an upload form for a PDF or .docx and nothing to submit yet', async () => {
    const member = team.members[0];
    const page = await t.http.get('/me/material').set('cookie', await signInToPages(t, member.username)).expect(200);
    const text = words(page.text);
    expect(text).toContain('2026年度专题民主生活会');
    expect(text).toContain('状态： 未开始 由主要负责同志审核');
    expect(text).toContain('尚未上传文件');
    expect(page.text).toContain(`<form method="post" action="${base(member.id)}/file" enctype="multipart/form-data">`);
    expect(page.text).toContain('name="file"');
    expect(text).toContain('不超过 8 KB');
    expect(page.text).not.toContain('>提交审核</button>');
    expect(text).not.toContain('班子成员的对照检查材料');
    expect(page.text).toContain('aria-current="page">对照检查材料</a>');
  });

  it('refuses a file that is not a PDF or .docx, no file, and a file over the limit; nothing is stored', async () => {
    const member = team.members[0];
    const cookie = await signInToPages(t, member.username);
    const png = await upload(cookie, member.id, PNG, '材料.png', 'image/png');
    expect(png.status).toBe(415);
    expect(png.text).toContain('只能上传 PDF 或 Word（.docx）文件');
    expect(png.text).toContain(`id="material-${meetingId}-${member.id}"`);
    // A PDF that calls itself a Word file is refused too: type and content must agree.
    const disguised = await upload(cookie, member.id, PDF, '材料.docx', DOCX_TYPE);
    expect(disguised.status).toBe(415);
    const none = await t.http.post(`${base(member.id)}/file`).set('cookie', cookie).field('other', 'x');
    expect(none.status).toBe(400);
    expect(none.text).toContain('请选择要上传的 PDF 或 Word（.docx）文件');
    const tooLarge = await upload(cookie, member.id, Buffer.concat([PDF, Buffer.alloc(UPLOAD_LIMIT)]), '材料.pdf', 'application/pdf');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('内容过大');
    expect(await apiStatus(member.id)).toBe('not-started');
  });

  it('uploads a .docx, downloads it with the page cookie, and submits it for review', async () => {
    const member = team.members[0];
    const cookie = await signInToPages(t, member.username);
    const uploaded = await upload(cookie, member.id, DOCX, '王刚对照检查材料.docx', DOCX_TYPE);
    expect(redirectedTo(uploaded)).toBe(`/me/material?done=uploaded#material-${meetingId}-${member.id}`);
    const page = await t.http.get('/me/material?done=uploaded').set('cookie', cookie).expect(200);
    expect(words(page.text)).toContain('文件已上传。');
    expect(words(page.text)).toContain('状态： 起草中');
    expect(page.text).toContain(`<a href="${base(member.id)}/file">王刚对照检查材料.docx</a>`);
    expect(page.text).toContain('>提交审核</button>');

    const file = await t.http.get(`${base(member.id)}/file`).set('cookie', cookie).buffer(true).parse(binaryBody);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe(DOCX_TYPE);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('王刚对照检查材料.docx'));
    expect(Buffer.compare(file.body as Buffer, DOCX)).toBe(0);

    const submitted = await t.http.post(`${base(member.id)}/status`).set('cookie', cookie).type('form').send({ status: 'submitted' });
    expect(redirectedTo(submitted)).toBe(`/me/material?done=submitted#material-${meetingId}-${member.id}`);
    const after = words((await t.http.get('/me/material').set('cookie', cookie).expect(200)).text);
    expect(after).toContain('状态： 已提交');
    expect(after).toContain('等待审核');
    expect(after).not.toContain('重新上传');
    expect(await apiStatus(member.id)).toBe('submitted');
  });

  it('lets neither the member approve their own material nor another member open it', async () => {
    const [member, other] = team.members;
    const own = await t.http.post(`${base(member.id)}/status`).set('cookie', await signInToPages(t, member.username)).type('form').send({ status: 'approved' });
    expect(own.status).toBe(403);
    expect(own.text).toContain('班子成员的材料由主要负责同志审核');
    const otherCookie = await signInToPages(t, other.username);
    expect((await t.http.get(`${base(member.id)}/file`).set('cookie', otherCookie)).status).toBe(404);
    expect(words((await t.http.get('/me/material').set('cookie', otherCookie)).text)).not.toContain('王刚对照检查材料.docx');
  });

  it('shows the secretary the members\' materials: returns one with a note (required), the member resubmits, the secretary approves', async () => {
    const member = team.members[0];
    const secretary = await signInToPages(t, team.secretary.username);
    const page = await t.http.get('/me/material').set('cookie', secretary).expect(200);
    const text = words(page.text);
    expect(text).toContain('状态： 未开始 由组织部门或督导组审核');
    expect(text).toContain('班子成员的对照检查材料（1 份待审核）');
    expect(text).toContain(`${member.displayName} 已提交`);
    expect(page.text).toContain('<button type="submit" name="status" value="approved">审核通过</button>');
    expect(page.text).toContain('<button type="submit" name="status" value="returned" class="quiet">退回修改</button>');
    expect((await t.http.get(`${base(member.id)}/file`).set('cookie', secretary)).status).toBe(200);

    const noNote = await t.http.post(`${base(member.id)}/status`).set('cookie', secretary).type('form').send({ status: 'returned', comment: '  ' });
    expect(noNote.status).toBe(400);
    expect(noNote.text).toContain('退回时请写明修改意见');
    const returned = await t.http.post(`${base(member.id)}/status`).set('cookie', secretary).type('form').send({ status: 'returned', comment: RETURN_NOTE });
    expect(redirectedTo(returned)).toBe(`/me/material?done=returned#material-${meetingId}-${member.id}`);

    const memberCookie = await signInToPages(t, member.username);
    const back = words((await t.http.get('/me/material').set('cookie', memberCookie)).text);
    expect(back).toContain('状态： 退回修改');
    expect(back).toContain(`退回修改意见：${RETURN_NOTE}`);
    expect(back).toContain('重新上传');
    expect(back).toContain(`${team.secretary.displayName}：已提交 → 退回修改：${RETURN_NOTE}`);
    expect(redirectedTo(await upload(memberCookie, member.id, PDF, '修改稿.pdf', 'application/pdf'))).toContain('done=uploaded');
    expect(redirectedTo(await t.http.post(`${base(member.id)}/status`).set('cookie', memberCookie).type('form').send({ status: 'submitted' }))).toContain('done=submitted');

    const approved = await t.http.post(`${base(member.id)}/status`).set('cookie', secretary).type('form').send({ status: 'approved', comment: '' });
    expect(redirectedTo(approved)).toBe(`/me/material?done=approved#material-${meetingId}-${member.id}`);
    const done = words((await t.http.get('/me/material').set('cookie', memberCookie)).text);
    expect(done).toContain('状态： 审核通过');
    expect(done).toContain('修改稿.pdf');
    expect(await apiStatus(member.id)).toBe('approved');
  });

  it('answers another organisation\'s material as not found', async () => {
    const other = await createOrg(t);
    const stranger = await other.user([Role.Leader]);
    const cookie = await signInToPages(t, stranger.username);
    expect((await t.http.get(`${base(team.members[0].id)}/file`).set('cookie', cookie)).status).toBe(404);
    expect((await t.http.post(`${base(team.members[0].id)}/status`).set('cookie', cookie).type('form').send({ status: 'approved' })).status).toBe(404);
    expect(words((await t.http.get('/me/material').set('cookie', cookie).expect(200)).text)).toContain('您目前不在任何一次民主生活会的班子中');
  });
});

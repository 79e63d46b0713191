import { Role } from '../../src/common/roles';
import { openBox } from '../factories/boxes';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';

const text = (page: { text: string }) => page.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`the organiser's meeting pages (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
    cookie = await signInToPages(t, org.admin.username);
  });
  afterAll(() => t.close());

  it('lists no meetings yet with what to do first, and offers a form from the presets', async () => {
    const list = await t.http.get('/meetings').set('cookie', cookie).expect(200);
    expect(text(list)).toContain('还没有民主生活会');
    expect(list.text).toContain('href="/meetings/new"');
    const form = await t.http.get('/meetings/new?preset=2023-theme-education').set('cookie', cookie).expect(200);
    expect(form.text).toContain('理论学习\n政治素质\n能力本领\n担当作为\n工作作风\n廉洁自律');
    expect(form.text).toMatch(/name="collectUntil" value="\d{4}-\d{2}-\d{2}"/);
  });

  it('refuses a form with deadlines out of order, keeping what was typed and storing nothing', async () => {
    const refused = await t.http.post('/meetings/new').set('cookie', cookie).type('form').send({
      preset: '2023-theme-education', year: '2026', kind: 'democratic-life', title: '错误的会议', aspects: '理论学习',
      collectUntil: '2026-12-30', talksUntil: '2026-12-15', claimUntil: '2026-12-31', materialsUntil: '2026-12-22', heldOn: '2026-12-28',
    });
    expect(refused.status).toBe(400);
    expect(text(refused)).toContain('时间安排有误：征求意见截止不能晚于会议召开日期；认领答复截止不能晚于会议召开日期');
    // No field names in English in what the organiser reads: the API keeps them in details.
    expect(text(refused)).not.toMatch(/collectUntil|talksUntil|claimUntil|materialsUntil|heldOn/);
    expect(refused.text).toContain('value="错误的会议"');
    const list = await t.http.get('/meetings').set('cookie', cookie).expect(200);
    expect(list.text).not.toContain('错误的会议');
  });

  it('creates a meeting from a preset with edited aspects and talk rules, then shows its overview and checklist', async () => {
    const created = await t.http.post('/meetings/new').set('cookie', cookie).type('form').send({
      preset: '2023-theme-education', year: '2026', kind: 'democratic-life', title: '2026年度专题民主生活会', theme: '主题教育',
      aspects: '理论学习\n政治素质\n工作作风',
      collectUntil: '2026-12-10', talksUntil: '2026-12-15', claimUntil: '2026-12-18', materialsUntil: '2026-12-22', heldOn: '2026-12-28',
      talkRules: ['secretary-member', 'member-member'],
    });
    const location = redirectedTo(created);
    expect(location).toMatch(/^\/meetings\/[0-9a-f-]{36}\?done=created$/);
    const id = location.split('/')[2].split('?')[0];
    const meeting = await t.http.get(`/api/v1/meetings/${id}`).set(org.admin.auth).expect(200);
    expect(meeting.body).toMatchObject({ aspects: ['理论学习', '政治素质', '工作作风'], talkRules: { 'department-head': false, 'secretary-member': true } });

    const overview = await t.http.get(location).set('cookie', cookie).expect(200);
    for (const words of ['会议已创建', '还没有设置班子', '意见箱尚未开启', '尚无征求意见表', '意见清单尚未发布', '整改台账尚未建立', '当前阶段', '筹备', '导出意见清单 Excel']) {
      expect({ words, found: text(overview).includes(words) }).toEqual({ words, found: true });
    }
    // The deadlines by the one set of names, their days in words; the form keeps ISO values.
    for (const words of ['征求意见截止 2026年12月10日', '谈心谈话截止 2026年12月15日', '认领答复截止 2026年12月18日', '对照检查材料截止 2026年12月22日', '会议召开 2026年12月28日']) {
      expect({ words, found: text(overview).includes(words) }).toEqual({ words, found: true });
    }
    const list = await t.http.get('/meetings').set('cookie', cookie).expect(200);
    expect(list.text).toContain(`href="/meetings/${id}"`);
    expect(list.text).toContain('<span class="deadline">认领答复截止 2026年12月18日</span>');
    const settings = await t.http.get(`/meetings/${id}/settings`).set('cookie', cookie).expect(200);
    expect(settings.text).toContain('<label>认领答复截止<input type="date" name="claimUntil" value="2026-12-18" required></label>');
  });

  it('offers the earlier meetings to follow on from (上一次民主生活会), and the new meeting names the one chosen', async () => {
    const lastYear = await createMeeting(t, org.admin, { title: '2025年度民主生活会', year: 2025 });
    const form = await t.http.get('/meetings/new').set('cookie', cookie).expect(200);
    expect(form.text).toMatch(new RegExp(`<option value="${lastYear.id}"( selected)?>2025年度民主生活会（2025年度）</option>`));
    const created = await t.http.post('/meetings/new').set('cookie', cookie).type('form').send({
      preset: '2023-theme-education', year: '2026', kind: 'democratic-life', title: '接续的会议', aspects: '理论学习',
      collectUntil: '2026-12-10', talksUntil: '2026-12-15', claimUntil: '2026-12-18', materialsUntil: '2026-12-22', heldOn: '2026-12-28',
      previousMeetingId: lastYear.id,
    });
    const id = redirectedTo(created).split('/')[2].split('?')[0];
    expect((await t.http.get(`/api/v1/meetings/${id}`).set(org.admin.auth).expect(200)).body.previousMeetingId).toBe(lastYear.id);
    // A later year than the new meeting's is refused with words, and the choice is kept.
    const refused = await t.http.post('/meetings/new').set('cookie', cookie).type('form').send({
      preset: '2023-theme-education', year: '2024', kind: 'democratic-life', title: '倒序的会议', aspects: '理论学习',
      collectUntil: '2024-12-10', talksUntil: '2024-12-15', claimUntil: '2024-12-18', materialsUntil: '2024-12-22', heldOn: '2024-12-28',
      previousMeetingId: lastYear.id,
    });
    expect(refused.status).toBe(400);
    expect(text(refused)).toContain('上一次会议（2025年度）不能晚于本次会议的年度');
    expect(refused.text).toContain(`<option value="${lastYear.id}" selected>`);
  });

  it('says on the overview whether a box is open, not only whether one exists', async () => {
    const meeting = await createMeeting(t, org.admin);
    const overview = async () => text(await t.http.get(`/meetings/${meeting.id}`).set('cookie', cookie).expect(200));
    expect(await overview()).toContain('意见箱尚未开启');
    const box = await openBox(t, org.admin, meeting.id);
    expect(await overview()).toContain('意见箱开启中 1 个');
    await t.http.post(`/api/v1/boxes/${box.id}/close`).set(org.admin.auth).expect(200);
    expect(await overview()).toContain('意见箱已全部关闭（1 个）');
  });

  it('edits the settings and moves the phase after a confirmation page', async () => {
    const { id } = await createMeeting(t, org.admin);
    const saved = await t.http.post(`/meetings/${id}/settings`).set('cookie', cookie).type('form').send({
      title: '改过的名称', theme: '', collectUntil: '2026-12-10', talksUntil: '2026-12-15', claimUntil: '2026-12-18', materialsUntil: '2026-12-22', heldOn: '2026-12-28',
      talkRules: ['secretary-member', 'member-member', 'department-head'], talkVisibility: 'participants',
    });
    expect(redirectedTo(saved)).toBe(`/meetings/${id}?done=settings`);
    expect((await t.http.get(`/api/v1/meetings/${id}`).set(org.admin.auth)).body).toMatchObject({ title: '改过的名称', talkVisibility: 'participants' });

    const confirm = await t.http.get(`/meetings/${id}/phase`).set('cookie', cookie).expect(200);
    expect(text(confirm)).toContain('确定要将会议推进到“征求意见”阶段吗');
    const moved = await t.http.post(`/meetings/${id}/phase`).set('cookie', cookie).type('form').send({ phase: 'collecting' });
    expect(redirectedTo(moved)).toBe(`/meetings/${id}?done=phase`);
    const back = await t.http.post(`/meetings/${id}/phase`).set('cookie', cookie).type('form').send({ phase: 'preparing' });
    expect(back.status).toBe(409);
    expect(text(back)).toContain('只能向前推进');
  });

  it('says when there are no leader accounts, then sets the team from them', async () => {
    const other = await createOrg(t);
    const otherCookie = await signInToPages(t, other.admin.username);
    const { id } = await createMeeting(t, other.admin);
    const empty = await t.http.get(`/meetings/${id}/team`).set('cookie', otherCookie).expect(200);
    expect(text(empty)).toContain('还没有班子成员的账号');
    expect(empty.text).toContain('href="/people"');

    const department = await other.department();
    const [secretary, member] = [await other.user([Role.Leader]), await other.user([Role.Leader])];
    const refused = await t.http.post(`/meetings/${id}/team`).set('cookie', otherCookie).type('form').send({ members: member.id });
    expect(refused.status).toBe(400);
    expect(text(refused)).toContain('请选择一位主要负责同志');
    const saved = await t.http.post(`/meetings/${id}/team`).set('cookie', otherCookie).type('form')
      .send({ secretary: secretary.id, members: [member.id], [`oversees-${member.id}`]: department.id });
    expect(redirectedTo(saved)).toBe(`/meetings/${id}/team?done=saved`);
    const team = await t.http.get(`/api/v1/meetings/${id}/team`).set(other.admin.auth).expect(200);
    expect(team.body.map((seat: { userId: string; role: string; oversees: Array<{ id: string }> }) => [seat.userId, seat.role, seat.oversees.map((d) => d.id)]))
      .toEqual([[secretary.id, 'secretary', []], [member.id, 'member', [department.id]]]);
    const page = await t.http.get(`/meetings/${id}/team?done=saved`).set('cookie', otherCookie).expect(200);
    expect(text(page)).toContain('班子已保存');
    expect(page.text).toMatch(new RegExp(`name="secretary" value="${secretary.id}" checked`));
  });

  it('requests an export from the meeting page, shows its progress and downloads the file with the page session', async () => {
    const { id } = await createMeeting(t, org.admin);
    const asked = await t.http.post(`/meetings/${id}/exports`).set('cookie', cookie).type('form').send({ what: 'opinion-list', format: 'xlsx' });
    const exportPage = redirectedTo(asked);
    expect(exportPage).toMatch(/^\/exports\/[0-9a-f-]{36}$/);
    await t.drain();
    const ready = await t.http.get(exportPage).set('cookie', cookie).expect(200);
    expect(text(ready)).toContain('已完成');
    expect(ready.text).toContain(`href="${exportPage}/download"`);
    const file = await t.http.get(`${exportPage}/download`).set('cookie', cookie).buffer(true).parse(binaryBody).expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect((file.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const overview = await t.http.get(`/meetings/${id}`).set('cookie', cookie).expect(200);
    expect(overview.text).toContain(`${exportPage}/download`);

    const refused = await t.http.post(`/meetings/${id}/exports`).set('cookie', cookie).type('form').send({ what: 'talk-coverage', format: 'docx' });
    expect(refused.status).toBe(400);
    expect(text(refused)).toContain('只能导出为 xlsx');
  });

  it('shows a supervisor the list read-only, linking to the boards, and refuses them the organiser\'s pages', async () => {
    const { id } = await createMeeting(t, org.admin, { title: '督导组看到的会议' });
    const supervisor = await org.user([Role.Supervisor]);
    const supervisorCookie = await signInToPages(t, supervisor.username);
    const list = await t.http.get('/meetings').set('cookie', supervisorCookie).expect(200);
    expect(list.text).toContain(`href="/meetings/${id}/board"`);
    expect(list.text).not.toContain('新建民主生活会');
    for (const path of ['/meetings/new', `/meetings/${id}`, `/meetings/${id}/team`, `/meetings/${id}/settings`]) {
      const refused = await t.http.get(path).set('cookie', supervisorCookie);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
    }
    const stranger = await createOrg(t);
    const strangerCookie = await signInToPages(t, stranger.admin.username);
    const foreign = await t.http.get(`/meetings/${id}`).set('cookie', strangerCookie);
    expect({ status: foreign.status, why: 'another organisation\'s meeting' }).toEqual({ status: 404, why: 'another organisation\'s meeting' });
  });
});

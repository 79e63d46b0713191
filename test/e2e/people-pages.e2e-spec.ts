import ExcelJS from 'exceljs';
import { Role } from '../../src/common/roles';
import { createOrg, TestOrg } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName, unique } from '../setup/test-env';

const text = (page: { text: string }) => page.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The password a page showed once. */
const shownPassword = (page: { text: string }) => /<code class="password">([^<]+)<\/code>/.exec(page.text)?.[1];

describe(`the people pages /people (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
    cookie = await signInToPages(t, org.admin.username);
  });
  afterAll(() => t.close());

  const departments = async (of: TestOrg) => (await t.http.get('/api/v1/departments').set(of.admin.auth).expect(200)).body as Array<{ id: string; name: string; headUserId: string | null }>;
  const users = async (of: TestOrg) => (await t.http.get('/api/v1/users').set(of.admin.auth).expect(200)).body as Array<{ id: string; username: string; displayName: string; roles: string[]; departmentId: string | null }>;

  it('says whose unit this is: its name, and its parent body\'s when it has one', async () => {
    const own = (await t.http.get('/people').set('cookie', cookie).expect(200)).text;
    expect(own).toContain(`本单位：<strong>${org.name}</strong></p>`);
    const unit = await createOrg(t, { parent: org });
    const page = (await t.http.get('/people').set('cookie', await signInToPages(t, unit.admin.username)).expect(200)).text;
    expect(page).toContain(`本单位：<strong>${unit.name}</strong> · 上级单位：<strong>${org.name}</strong>`);
  });

  it('adds a department, refuses the same name again, and renames it with a head', async () => {
    const added = await t.http.post('/people/departments').set('cookie', cookie).type('form').send({ name: '办公室', kind: 'department' });
    expect(redirectedTo(added)).toBe('/people?done=department#departments');
    const again = await t.http.post('/people/departments').set('cookie', cookie).type('form').send({ name: '办公室', kind: 'department' });
    expect(again.status).toBe(409);
    expect(text(again)).toContain('部门“办公室”已存在');
    const head = await org.user([Role.Staff], { displayName: '郑主任' });
    const [office] = (await departments(org)).filter((department) => department.name === '办公室');
    const saved = await t.http.post(`/people/departments/${office.id}`).set('cookie', cookie).type('form').send({ name: '党政办公室', headUserId: head.id });
    expect(redirectedTo(saved)).toBe(`/people?done=saved#department-${office.id}`);
    expect((await departments(org)).find((department) => department.id === office.id)).toMatchObject({ name: '党政办公室', headUserId: head.id });
    const page = await t.http.get('/people').set('cookie', cookie).expect(200);
    expect(page.text).toContain('value="党政办公室"');
  });

  it('creates an account with a password shown once, resets it, deactivates and reactivates it', async () => {
    const username = unique('zhang');
    const created = await t.http.post('/people/accounts').set('cookie', cookie).type('form').send({ displayName: '张三', username, roles: 'leader', password: '' });
    expect(created.status).toBe(200);
    const password = shownPassword(created);
    expect({ password, words: text(created).includes('密码只显示这一次') }).toEqual({ password: expect.stringMatching(/^\w{12}$/), words: true });
    await signInToPages(t, username, password);
    const account = (await users(org)).find((user) => user.username === username)!;
    expect(account).toMatchObject({ displayName: '张三', roles: ['leader'] });

    const reset = await t.http.post(`/people/accounts/${account.id}/password`).set('cookie', cookie).type('form').send({ password: 'typed-by-organiser' });
    expect(shownPassword(reset)).toBe('typed-by-organiser');
    await signInToPages(t, username, 'typed-by-organiser');

    expect(redirectedTo(await t.http.post(`/people/accounts/${account.id}/active`).set('cookie', cookie).type('form').send({ active: 'false' }))).toContain('done=deactivated');
    const refused = await t.http.post('/login').type('form').send({ username, password: 'typed-by-organiser' });
    expect({ status: refused.status, why: 'a deactivated account cannot sign in' }).toEqual({ status: 401, why: 'a deactivated account cannot sign in' });
    expect(redirectedTo(await t.http.post(`/people/accounts/${account.id}/active`).set('cookie', cookie).type('form').send({ active: 'true' }))).toContain('done=activated');
    await signInToPages(t, username, 'typed-by-organiser');
  });

  it('changes an account\'s name, department and roles, and an organiser cannot take away an admin\'s role', async () => {
    const person = await org.user([Role.Staff]);
    const department = await org.department();
    const saved = await t.http.post(`/people/accounts/${person.id}`).set('cookie', cookie).type('form').send({ displayName: '王五（副局长）', departmentId: department.id, roles: ['leader', 'staff'] });
    expect(redirectedTo(saved)).toBe(`/people?done=saved#account-${person.id}`);
    expect((await users(org)).find((user) => user.id === person.id)).toMatchObject({ displayName: '王五（副局长）', departmentId: department.id, roles: ['leader', 'staff'] });

    // An organiser who is not an admin is offered no admin box, and the admin's role stays.
    const organiser = await org.user([Role.Organiser]);
    const organiserCookie = await signInToPages(t, organiser.username);
    const page = await t.http.get('/people').set('cookie', organiserCookie).expect(200);
    expect(page.text).not.toContain('value="admin"');
    expect(redirectedTo(await t.http.post(`/people/accounts/${org.admin.id}`).set('cookie', organiserCookie).type('form').send({ displayName: '管理员', roles: 'organiser' }))).toContain('done=saved');
    expect((await users(org)).find((user) => user.id === org.admin.id)!.roles.sort()).toEqual(['admin', 'organiser']);

    const refused = await t.http.post(`/people/accounts/${person.id}`).set('cookie', cookie).type('form').send({ displayName: '', roles: 'staff' });
    expect(refused.status).toBe(400);
    expect(text(refused)).toContain('姓名');
    expect((await users(org)).find((user) => user.id === person.id)!.displayName).toBe('王五（副局长）');
  });

  it('refuses a bad account form with the message and what was typed, storing nothing', async () => {
    const before = (await users(org)).length;
    const refused = await t.http.post('/people/accounts').set('cookie', cookie).type('form').send({ displayName: '李四', username: 'x', roles: 'staff', password: '' });
    expect(refused.status).toBe(400);
    expect(text(refused)).toContain('用户名');
    expect(refused.text).toContain('value="李四"');
    expect((await users(org)).length).toBe(before);
  });

  it('previews a pasted list: new departments, generated usernames, guessed account types, skipped lines', async () => {
    const other = await createOrg(t);
    const otherCookie = await signInToPages(t, other.admin.username);
    const list = '姓名\t部门\t职务\n王局\t\t党组书记、局长\n李副\t\t副局长\n赵主任\t办公室\t主任\n钱科员\t办公室\t科员\n\t财务科\t科员\n赵主任\t办公室\t主任\n';
    const preview = await t.http.post('/people/import').set('cookie', otherCookie).type('form').send({ list });
    expect(preview.status).toBe(200);
    const words = text(preview);
    expect(words).toContain('将新建部门 1 个：办公室');
    expect(words).toContain('将新建账号 4 个');
    expect(words).toContain('第 6 行“财务科 科员”：缺少姓名');
    expect(words).toContain('第 7 行“赵主任 办公室 主任”：与前面的行重复');
    expect(words).toContain('可能是主要负责同志');
    expect(preview.text.match(/name="username" value="u\d{6}"/g)).toHaveLength(4);
    expect([...preview.text.matchAll(/<option value="(\w+)" selected>/g)].map((match) => match[1])).toEqual(['leader', 'leader', 'head', 'staff']);
    expect((await users(other)).length).toBe(1);
  });

  it('creates the confirmed list in one go, shows each password once, and makes the 主任 the head', async () => {
    const other = await createOrg(t);
    const otherCookie = await signInToPages(t, other.admin.username);
    const [a, b, c] = [unique('wang'), unique('zhao'), unique('qian')];
    const done = await t.http.post('/people/import/confirm').set('cookie', otherCookie).type('form').send({
      name: ['王局', '赵主任', '钱科员', '孙不建'], department: ['', '办公室', '办公室', '办公室'], title: ['局长', '主任', '科员', '科员'],
      username: [a, b, c, ''], role: ['leader', 'head', 'staff', 'none'], secretary: ['1', '', '', ''],
    });
    expect(done.status).toBe(200);
    expect(text(done)).toContain('已新建部门 1 个、账号 3 个');
    const passwords = [...done.text.matchAll(/<code class="password">([^<]+)<\/code>/g)].map((match) => match[1]);
    expect(passwords).toHaveLength(3);
    // PUBLIC_BASE_URL is unset here: the localhost address is on screen only, with what to do about it.
    expect(done.text).toMatch(new RegExp(`<p class="alert error screen-only" id="sign-in-address" role="alert">登录地址：<code>${t.config.publicBaseUrl}/login</code>。注意：这是本机地址[^<]*PUBLIC_BASE_URL`));
    await signInToPages(t, a, passwords[0]);
    const accounts = await users(other);
    const byName = (name: string) => accounts.find((user) => user.displayName === name);
    expect([byName('王局')?.roles, byName('赵主任')?.roles, byName('钱科员')?.roles, byName('孙不建')]).toEqual([['leader'], ['staff'], ['staff'], undefined]);
    const [office] = await departments(other);
    expect(office).toMatchObject({ name: '办公室', headUserId: byName('赵主任')?.id });
    expect(byName('钱科员')?.departmentId).toBe(office.id);
  });

  it('creates nobody when one row is refused, and says which', async () => {
    const other = await createOrg(t);
    const otherCookie = await signInToPages(t, other.admin.username);
    const refused = await t.http.post('/people/import/confirm').set('cookie', otherCookie).type('form').send({
      name: ['甲', '乙'], department: ['新部门', '新部门'], title: ['', ''], username: [unique('jia'), org.admin.username], role: ['staff', 'staff'], secretary: ['', ''],
    });
    expect(refused.status).toBe(400);
    expect(text(refused)).toContain(`用户名 ${org.admin.username} 已被使用`);
    expect(refused.text).toContain('value="甲"');
    expect({ users: (await users(other)).length, departments: (await departments(other)).length }).toEqual({ users: 1, departments: 0 });
  });

  it('reads an uploaded xlsx with a header row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRows([['序号', '姓名', '部门', '职务'], [1, '周科长', '财务科', '科长'], [2, '吴同志', '财务科', '科员']]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await t.http.post('/people/import').set('cookie', cookie).attach('file', file, '名单.xlsx');
    expect(preview.status).toBe(200);
    expect(text(preview)).toContain('将新建部门 1 个：财务科');
    expect(text(preview)).toContain('周科长');
    expect(text(preview)).toContain('吴同志');
    const notSheet = await t.http.post('/people/import').set('cookie', cookie).attach('file', Buffer.from('not a sheet'), 'list.xlsx');
    expect(notSheet.status).toBe(400);
    expect(text(notSheet)).toContain('无法读取这个文件');
  });

  it('refuses the pages to a leader', async () => {
    const leader = await org.user([Role.Leader]);
    const leaderCookie = await signInToPages(t, leader.username);
    for (const path of ['/people', '/people/import']) {
      const refused = await t.http.get(path).set('cookie', leaderCookie);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
    }
  });
});

describe(`the printed list of new accounts with PUBLIC_BASE_URL set (${driverName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: 'https://tanxin.example.org' });
  });
  afterAll(() => t.close());

  it('prints where to sign in, with no localhost note', async () => {
    const org = await createOrg(t);
    const cookie = await signInToPages(t, org.admin.username);
    const done = await t.http.post('/people/import/confirm').set('cookie', cookie).type('form').send({
      name: ['李干事'], department: ['办公室'], title: ['干事'], username: [unique('li')], role: ['staff'], secretary: [''],
    });
    expect(done.status).toBe(200);
    expect(done.text).toContain('<p id="sign-in-address">登录地址：<code>https://tanxin.example.org/login</code></p>');
    expect(done.text).not.toContain('PUBLIC_BASE_URL');
  });
});

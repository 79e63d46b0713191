import { Role } from '../../common/roles';
import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';

export const ROLE_NAMES: Record<Role, string> = {
  [Role.Admin]: '管理员',
  [Role.Organiser]: '组织者',
  [Role.Leader]: '班子成员',
  [Role.Supervisor]: '督导组',
  [Role.Staff]: '干部职工',
};

export interface PeoplePage {
  /** The unit, and its parent body (上级单位) when it has one: whose 督导组 may read its preparation. */
  organization: { name: string; parentName: string | null };
  departments: Array<{ id: string; name: string; kind: 'department' | 'branch'; headUserId: string | null; headName: string | null; people: number }>;
  accounts: Array<{ id: string; username: string; name: string; roles: Role[]; departmentId: string | null; department: string | null; active: boolean }>;
  /** Roles this viewer may hand out (only an admin grants admin). */
  grantable: Role[];
  notice?: string;
  /** A password just set, shown this once. */
  password?: { username: string; name: string; password: string };
  problem?: { form: 'department' | 'account' | string; message: string };
  values?: Record<string, string | string[]>;
}

/** 人员与账号: departments with their heads, accounts, and the way to a bulk import. */
export function renderPeople(viewer: Viewer, view: PeoplePage): string {
  const values = view.values ?? {};
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const problemOf = (form: string) => (view.problem?.form === form ? alert('error', view.problem.message) : html``);
  const ticked = (role: Role) => (Array.isArray(values.roles) ? values.roles.includes(role) : values.roles === role || (!values.roles && role === Role.Staff));
  const body = html`<h1>人员与账号</h1>
<p class="lead">本单位的部门、党支部和各人的账号。班子成员的账号建好后，到会议的“班子”页设置班子。</p>
<p id="standing">本单位：<strong>${view.organization.name}</strong>${view.organization.parentName ? html` · 上级单位：<strong>${view.organization.parentName}</strong> <span class="hint">（上级单位督导组可以查阅本单位民主生活会的筹备情况和已提交的材料，并提出意见）</span>` : ''}</p>
${alert('notice', view.notice)}
${view.password ? html`<div class="card password" id="new-password"><p>${view.password.name}（用户名 <strong>${view.password.username}</strong>）的密码：<code class="password">${view.password.password}</code></p><p class="hint">密码只显示这一次，请现在记下或告知本人。</p></div>` : ''}
<p><a class="button" id="import-people" href="/people/import">批量导入人员名单</a> <span class="hint">粘贴或上传“姓名、部门、职务”名单，一次建好部门和账号。</span></p>

<section class="card" id="departments">
<h2>部门和党支部（${view.departments.length}）</h2>
${view.departments.length === 0 ? html`<p class="muted">还没有部门。可逐个添加，也可批量导入名单时一并建好。</p>` : html`<ul class="departments">${view.departments.map((department) => html`<li id="department-${department.id}">
${problemOf(`department-${department.id}`)}<form method="post" action="/people/departments/${department.id}" class="row">
<label>名称 <span class="hint">${department.kind === 'branch' ? '党支部' : '部门'} · ${department.people} 人</span><input name="name" value="${department.name}" maxlength="100" required></label>
<label>主要负责同志<select name="headUserId"><option value="">（未设置${department.headName && !department.headUserId ? `：${department.headName}` : ''}）</option>${view.accounts.filter((account) => account.active).map((account) => html`<option value="${account.id}"${account.id === department.headUserId ? html` selected` : ''}>${account.name}（${account.username}）</option>`)}</select></label>
<div><button type="submit" class="small">保存部门</button></div>
</form></li>`)}</ul>`}
<h3>添加部门</h3>
<form method="post" action="/people/departments" id="add-department" class="row">
${problemOf('department')}
<label>名称<input name="name" value="${text('name')}" maxlength="100" required></label>
<label>类型<select name="kind"><option value="department">部门</option><option value="branch"${text('kind') === 'branch' ? html` selected` : ''}>党支部</option></select></label>
<button type="submit">添加部门</button>
</form>
</section>

<section class="card" id="accounts">
<h2>账号（${view.accounts.length}）</h2>
${view.accounts.length === 0 ? html`<p class="muted">还没有其他账号。</p>` : html`<div class="table-wrap"><table class="accounts">
<thead><tr><th>姓名</th><th>用户名</th><th>角色</th><th>部门</th><th>状态</th><th>操作</th></tr></thead>
<tbody>${view.accounts.map((account) => html`<tr id="account-${account.id}"${account.active ? '' : html` class="muted"`}>
<td>${account.name}</td><td>${account.username}</td>
<td>${account.roles.map((role) => ROLE_NAMES[role]).join('、')}</td>
<td>${account.department ?? ''}</td>
<td>${account.active ? html`<span class="badge ok">启用</span>` : html`<span class="badge bad">已停用</span>`}</td>
<td>${problemOf(`account-${account.id}`)}
<form method="post" action="/people/accounts/${account.id}/password" class="inline"><input name="password" type="text" placeholder="新密码（留空自动生成）" autocomplete="off" class="short"><button type="submit" class="small quiet">重置密码</button></form>
<form method="post" action="/people/accounts/${account.id}/active" class="inline"><input type="hidden" name="active" value="${account.active ? 'false' : 'true'}"><button type="submit" class="small quiet">${account.active ? '停用' : '启用'}</button></form>
<details class="edit-account"${view.problem?.form === `account-${account.id}` ? html` open` : ''}><summary>修改姓名、部门、角色</summary>
<form method="post" action="/people/accounts/${account.id}">
<label>姓名<input name="displayName" value="${account.name}" maxlength="100" required></label>
<label>部门<select name="departmentId"><option value="">（无）</option>${view.departments.map((department) => html`<option value="${department.id}"${department.id === account.departmentId ? html` selected` : ''}>${department.name}</option>`)}</select></label>
<fieldset class="checks"><legend>角色</legend>${view.grantable.map((role) => html`<label class="check"><input type="checkbox" name="roles" value="${role}"${account.roles.includes(role) ? html` checked` : ''}> ${ROLE_NAMES[role]}</label>`)}</fieldset>
<button type="submit" class="small">保存</button>
</form></details>
</td></tr>`)}</tbody></table></div>`}
<h3>新建账号</h3>
${problemOf('account')}
<form method="post" action="/people/accounts" id="add-account">
<div class="row">
<label>姓名<input name="displayName" value="${text('displayName')}" maxlength="100" required></label>
<label>用户名 <span class="hint">（字母、数字，3 位以上）</span><input name="username" value="${text('username')}" maxlength="64" required></label>
<label>部门<select name="departmentId"><option value="">（无）</option>${view.departments.map((department) => html`<option value="${department.id}"${department.id === text('departmentId') ? html` selected` : ''}>${department.name}</option>`)}</select></label>
<label>初始密码 <span class="hint">（留空自动生成）</span><input name="password" type="text" autocomplete="off" value=""></label>
</div>
<fieldset class="checks"><legend>角色</legend>${view.grantable.map((role) => html`<label class="check"><input type="checkbox" name="roles" value="${role}"${ticked(role) ? html` checked` : ''}> ${ROLE_NAMES[role]}</label>`)}</fieldset>
<button type="submit">新建账号</button>
</form>
</section>`;
  return workbenchPage('人员与账号', viewer, body, { current: '/people', style: PEOPLE_STYLE });
}

export const PEOPLE_STYLE = new SafeHtml(`
.wb fieldset.checks{border:1px solid #e1e4e8;border-radius:.4rem;padding:.5rem 1rem;margin:1rem 0}
.wb label.check{display:inline-flex;gap:.35rem;align-items:center;font-weight:400;margin:.25rem 1rem .25rem 0}
.wb label.check input{width:auto}
.wb input.short{width:12rem;max-width:100%;padding:.25rem .4rem;font-size:.85rem}
.wb code.password{font-size:1.2rem;padding:.1rem .4rem;background:#fff4e5;border-radius:.25rem;letter-spacing:.05em}
.wb table.accounts td,.wb table.preview td,.wb table.accounts-printout td{white-space:nowrap}
.wb details.edit-account{margin-top:.35rem;white-space:normal}
.wb details.edit-account form{display:grid;gap:.4rem;min-width:16rem;max-width:28rem}
.wb ul.departments{list-style:none;padding:0;margin:0}
.wb ul.departments li{border-bottom:1px solid #eef1f4;padding-bottom:.5rem}
.wb .row>div{flex:0 0 auto}
.wb table select{width:auto;padding:.25rem .4rem;font-size:.85rem}
.wb table.accounts-printout td{vertical-align:middle}
`);

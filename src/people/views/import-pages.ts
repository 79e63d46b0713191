import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { IMPORT_ROLE_NAMES, IMPORT_ROLES, ImportRole, SkippedLine } from '../people-list';
import { ImportResult } from '../people-import.service';
import { PEOPLE_STYLE } from './people-page';

export interface PreviewRow {
  name: string;
  department: string;
  title: string;
  username: string;
  role: ImportRole;
  /** 书记 / 主要负责: likely the 主要负责同志 when the team is set. */
  secretary: boolean;
  problem?: string;
}

/** 批量导入: paste a list or upload an xlsx. */
export function renderImport(viewer: Viewer, view: { list?: string; problem?: string }): string {
  const body = html`<h1>批量导入人员名单</h1>
<p><a href="/people">← 返回人员与账号</a></p>
${alert('error', view.problem)}
<form class="card" method="post" action="/people/import" id="paste-form">
<h2>粘贴名单</h2>
<label for="list">每行一人：姓名、部门、职务 <span class="hint">（从 Excel 复制的三列可直接粘贴；也可用逗号或空格分隔；第一行是“姓名 部门 职务”表头也可以）</span></label>
<textarea id="list" name="list" rows="12" placeholder="张三	办公室	主任&#10;李四	财务科	科员&#10;王五		副局长">${view.list ?? ''}</textarea>
<button type="submit" id="preview-paste">预览</button>
</form>
<form class="card" method="post" action="/people/import" enctype="multipart/form-data" id="upload-form">
<h2>或上传 Excel 文件</h2>
<label for="file">xlsx 文件，第一个工作表，列为 姓名 / 部门 / 职务</label>
<input id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
<button type="submit" id="preview-upload">上传并预览</button>
</form>
<p class="hint">预览后才会创建：可在预览中修改用户名和账号类型，确认后一次建好部门和账号，初始密码只显示一次。</p>`;
  return workbenchPage('批量导入人员名单', viewer, body, { current: '/people/import', style: PEOPLE_STYLE });
}

/** What will be created, editable; the rows travel to the confirmation as form fields (no state kept on the server). */
export function renderPreview(viewer: Viewer, view: { rows: PreviewRow[]; skipped: SkippedLine[]; newDepartments: string[]; problem?: string }): string {
  const body = html`<h1>确认导入</h1>
${view.rows.length ? html`<p class="lead">请核对下面的名单：用户名和账号类型可以修改，点“确认导入”后一次建好。</p>` : ''}
${alert('error', view.problem)}
<div class="card">
<p>将新建部门 <strong id="new-departments">${view.newDepartments.length}</strong> 个${view.newDepartments.length ? html`：${view.newDepartments.join('、')}` : ''}；
将新建账号 <strong id="new-accounts">${view.rows.filter((row) => row.role !== 'none').length}</strong> 个。</p>
${view.skipped.length ? html`<p>以下 ${view.skipped.length} 行不会导入：</p><ul class="skipped">${view.skipped.map((line) => html`<li>第 ${line.line} 行“${line.text}”：${line.problem}</li>`)}</ul>` : ''}
</div>
${view.rows.length === 0
    ? html`<p>没有可导入的人员。<a href="/people/import">重新粘贴或上传</a></p>`
    : html`<form method="post" action="/people/import/confirm" id="confirm-form">
<div class="table-wrap"><table class="preview">
<thead><tr><th>姓名</th><th>部门</th><th>职务</th><th>用户名</th><th>账号类型</th></tr></thead>
<tbody>${view.rows.map((row) => previewRow(row))}</tbody></table></div>
<p class="hint">“班子成员”可在会议的“班子”页被选为主要负责同志或班子成员；“部门负责人”成为所在部门的主要负责同志（部门尚未设置时）。</p>
<button type="submit" id="confirm-import">确认导入</button>
<a class="button quiet" href="/people/import">重新填写</a>
</form>`}`;
  return workbenchPage('确认导入', viewer, body, { current: '/people/import', style: PEOPLE_STYLE });
}

function previewRow(row: PreviewRow): SafeHtml {
  return html`<tr${row.problem ? html` class="problem"` : ''}>
<td>${row.name}<input type="hidden" name="name" value="${row.name}">${row.secretary ? html`<br><span class="badge warn">可能是主要负责同志</span>` : ''}${row.problem ? html`<br><span class="badge bad">${row.problem}</span>` : ''}</td>
<td>${row.department}<input type="hidden" name="department" value="${row.department}"></td>
<td>${row.title}<input type="hidden" name="title" value="${row.title}"><input type="hidden" name="secretary" value="${row.secretary ? '1' : ''}"></td>
<td><input name="username" value="${row.username}" maxlength="64" class="short" aria-label="${row.name}的用户名"></td>
<td><select name="role" aria-label="${row.name}的账号类型">${IMPORT_ROLES.map((role) => html`<option value="${role}"${role === row.role ? html` selected` : ''}>${IMPORT_ROLE_NAMES[role]}</option>`)}</select></td>
</tr>`;
}

/** Where the new accounts sign in: PUBLIC_BASE_URL + /login, or a localhost address when it is not set. */
export interface SignInAddress {
  url: string;
  /** Set when PUBLIC_BASE_URL is not: the address is this machine's, which nobody else can open. */
  local: boolean;
}

/**
 * What was created, with each initial password shown this once: a list to print and hand out, with
 * the address to sign in at. A localhost address is shown on screen only, never printed.
 */
export function renderImported(viewer: Viewer, result: ImportResult, signIn: SignInAddress): string {
  const body = html`<h1>导入完成</h1>
<p class="alert notice" role="status">已新建部门 ${result.departments.length} 个、账号 ${result.accounts.length} 个。</p>
<p class="hint screen-only"><strong>初始密码只显示这一次</strong>：请用浏览器的“打印”（Ctrl+P）打印本页，裁开后分发给本人，并告知登录地址，提醒登录后修改密码。</p>
${signIn.local
    ? html`<p class="alert error screen-only" id="sign-in-address" role="alert">登录地址：<code>${signIn.url}</code>。注意：这是本机地址，别人的电脑和手机打不开，因此不会印在名单上。请系统管理员把 PUBLIC_BASE_URL 设置为大家访问本系统所用的地址。</p>`
    : html`<p id="sign-in-address">登录地址：<code>${signIn.url}</code></p>`}
<div class="table-wrap"><table class="accounts-printout">
<thead><tr><th>姓名</th><th>部门</th><th>账号类型</th><th>用户名</th><th>初始密码</th></tr></thead>
<tbody>${result.accounts.map((account) => html`<tr><td>${account.name}</td><td>${account.department}</td><td>${IMPORT_ROLE_NAMES[account.role]}</td><td><code>${account.username}</code></td><td><code class="password">${account.password}</code></td></tr>`)}</tbody>
</table></div>
<p class="screen-only"><a class="button" href="/people">返回人员与账号</a></p>`;
  return workbenchPage('导入完成', viewer, body, { current: '/people/import', style: new SafeHtml(`${PEOPLE_STYLE.value}\n@media print{.screen-only{display:none}.wb .table-wrap{box-shadow:none}.accounts-printout td{padding:.6rem .4rem;border-bottom:1px dashed #999}}`) });
}

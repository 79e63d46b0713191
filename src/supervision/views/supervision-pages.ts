import { MATERIAL_STATUS_NAMES } from '../../materials/material.views';
import { MEETING_PHASE_NAMES } from '../../meetings/meeting-phase';
import { alert } from '../../web/layout';
import { html, SafeHtml } from '../../web/html';
import { Viewer, workbenchPage } from '../../web/workbench';
import { SupervisedMeetingView, SupervisionGroupView, UnitView } from '../supervision.views';

const STYLE = new SafeHtml(`
.units{display:grid;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr));gap:1rem}
.unit{background:#fff;border-radius:.5rem;padding:1rem 1.25rem;box-shadow:0 1px 2px rgba(0,0,0,.06);border-left:4px solid #2e7d32}
.unit.behind{border-left-color:#b42318}
.unit h2{font-size:1.1rem;margin:0 0 .25rem}
.unit .meeting{margin:0 0 .5rem;color:#57606a}
.unit .phase{display:inline-block;font-size:.8rem;padding:.05rem .5rem;border-radius:1rem;background:#eef1f4;margin-left:.25rem}
.unit dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .75rem;margin:.5rem 0}
.unit dt{color:#57606a}
.unit dd{margin:0;font-variant-numeric:tabular-nums}
.unit ul.late{margin:.5rem 0;padding-left:1.2rem;color:#b42318}
.unit .links a{margin-right:1rem}
.summary{color:#57606a}
fieldset.choices{border:1px solid #e1e4e8;border-radius:.5rem;padding:.5rem .75rem;margin:.5rem 0}
fieldset.choices label{display:inline-flex;align-items:center;gap:.25rem;margin:.25rem 1rem .25rem 0;font-weight:400}
fieldset.choices input{width:auto}
`);

/** 督导：the supervised units' meetings side by side, the ones behind first. */
export function renderOverview(viewer: Viewer, rows: SupervisedMeetingView[]): string {
  const behind = rows.filter((row) => row.behind.length > 0).length;
  const body = html`<h1>督导单位筹备情况</h1>
${rows.length === 0
    ? html`<p class="card">您所在的督导组还没有督导的单位，或这些单位还没有创建民主生活会。督导组由上级单位的管理员或组织者在“督导组”页面设置。</p>`
    : html`<p class="summary">共 ${new Set(rows.map((row) => row.organization.id)).size} 个单位、${rows.length} 次会议；${behind > 0 ? html`<strong>${behind} 次会议有逾期事项</strong>，排在前面` : '均按期推进'}。数字与各单位筹备进度看板一致：匿名意见统一整理后才计入。</p>
<div class="units">${rows.map(unitCard)}</div>`}`;
  return workbenchPage('督导单位', viewer, body, { current: '/supervision', style: STYLE });
}

function unitCard(row: SupervisedMeetingView): SafeHtml {
  const base = `/meetings/${row.meeting.id}`;
  return html`<section class="unit${row.behind.length ? ' behind' : ''}" aria-label="${row.organization.name}">
  <h2>${row.organization.name}</h2>
  <p class="meeting">${row.meeting.title}<span class="phase">${MEETING_PHASE_NAMES[row.meeting.phase]}</span></p>
  <dl>
    <dt>收集意见</dt><dd>${row.opinions} 条</dd>
    <dt>意见清单</dt><dd>发布 ${row.items.published} 条，认领 ${row.items.claimed}，答复 ${row.items.answered}</dd>
    <dt>谈心谈话</dt><dd>应谈 ${row.talks.required} 次，已谈 ${row.talks.held}，已确认 ${row.talks.confirmed}</dd>
    <dt>对照检查材料</dt><dd>${row.materials.approved} / ${row.materials.total} 人通过审核</dd>
    <dt>班子对照检查材料</dt><dd>${MATERIAL_STATUS_NAMES[row.materials.team]}</dd>
  </dl>
  ${row.behind.length ? html`<ul class="late">${row.behind.map((line) => html`<li>${line}</li>`)}</ul>` : html`<p>各项按期推进。</p>`}
  <p class="links"><a href="${base}/board">筹备进度</a><a href="${base}/list">意见清单</a><a href="${base}/materials">对照检查材料</a><a href="${base}/rectifications">整改台账</a></p>
</section>`;
}

export interface GroupsPage {
  units: UnitView[];
  groups: SupervisionGroupView[];
  supervisors: Array<{ id: string; displayName: string }>;
  /** Only admins create units. */
  mayCreateUnits: boolean;
  notice?: string | null;
  error?: string | null;
  /** The form that was refused, with what was typed: `new`, a group's id, or `unit`. */
  refused?: { form: string; fields: Record<string, unknown> };
}

/** 下属单位与督导组: the parent body sets up its units and which 督导组 watches which. */
export function renderGroups(viewer: Viewer, page: GroupsPage): string {
  const refusedIn = (form: string) => (page.refused?.form === form ? page.refused.fields : undefined);
  const body = html`<h1>下属单位与督导组</h1>
${alert('notice', page.notice)}${alert('error', page.error)}
<section class="card"><h2>下属单位（${page.units.length}）</h2>
${page.units.length ? html`<p>${page.units.map((unit, i) => html`${i ? '、' : ''}${unit.name}`)}</p>` : html`<p>还没有下属单位。</p>`}
${page.mayCreateUnits ? unitForm(refusedIn('unit')) : html`<p class="summary">新建下属单位由管理员进行。</p>`}
</section>
${page.groups.map((group) => html`<section class="card"><h2>${group.name}</h2>
<p>成员：${group.members.length ? group.members.map((member) => member.displayName).join('、') : '（无）'}</p>
<p>督导单位：${group.units.length ? group.units.map((unit) => unit.name).join('、') : '（无）'}</p>
<details${refusedIn(group.id) ? html` open` : ''}><summary>修改</summary>${groupForm(page, `/supervision/groups/${group.id}`, refusedIn(group.id) ?? { name: group.name, memberUserIds: group.members.map((member) => member.id), unitIds: group.units.map((unit) => unit.id) }, '保存')}</details>
</section>`)}
<section class="card"><h2>新建督导组</h2>
${page.supervisors.length ? groupForm(page, '/supervision/groups', refusedIn('new') ?? {}, '新建督导组') : html`<p>本单位还没有督导组角色的账号：请先在<a href="/people">人员与账号</a>中为督导组成员建立账号并授予“督导组”角色。</p>`}
</section>`;
  return workbenchPage('下属单位与督导组', viewer, body, { current: '/supervision/groups', style: STYLE });
}

function unitForm(fields: Record<string, unknown> | undefined): SafeHtml {
  const value = (name: string) => (typeof fields?.[name] === 'string' ? (fields[name] as string) : '');
  return html`<form method="post" action="/supervision/units">
  <label for="unit-name">新建下属单位：名称</label><input id="unit-name" name="name" required maxlength="100" value="${value('name')}">
  <label for="unit-admin">该单位管理员用户名</label><input id="unit-admin" name="adminUsername" required pattern="[A-Za-z0-9_.\\-]{3,64}" value="${value('adminUsername')}">
  <label for="unit-password">初始密码（至少8位，请告知该单位管理员尽快修改）</label><input id="unit-password" name="adminPassword" type="password" required minlength="8" autocomplete="new-password">
  <button type="submit">新建下属单位</button>
</form>`;
}

function groupForm(page: GroupsPage, action: string, fields: Record<string, unknown>, label: string): SafeHtml {
  const chosen = (name: string) => new Set(([] as unknown[]).concat(fields[name] ?? []).map(String));
  const members = chosen('memberUserIds');
  const units = chosen('unitIds');
  const id = action.endsWith('/groups') ? 'new-group' : `group-${action.split('/').pop()}`;
  return html`<form method="post" action="${action}" id="${id}">
  <label for="${id}-name">督导组名称</label><input id="${id}-name" name="name" required maxlength="100" placeholder="如：市委第一督导组" value="${typeof fields.name === 'string' ? fields.name : ''}">
  <fieldset class="choices"><legend>成员（督导组角色的账号）</legend>${page.supervisors.map((person) => html`<label><input type="checkbox" name="memberUserIds" value="${person.id}"${members.has(person.id) ? html` checked` : ''}>${person.displayName}</label>`)}</fieldset>
  <fieldset class="choices"><legend>督导的单位</legend>${page.units.length ? page.units.map((unit) => html`<label><input type="checkbox" name="unitIds" value="${unit.id}"${units.has(unit.id) ? html` checked` : ''}>${unit.name}</label>`) : html`<span>还没有下属单位</span>`}</fieldset>
  <button type="submit">${label}</button>
</form>`;
}

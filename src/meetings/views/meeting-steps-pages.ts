import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { MEETING_PHASE_NAMES, MeetingPhase, TALK_VISIBILITIES, TalkVisibility } from '../meeting-phase';
import { TalkRuleSettings } from '../talk-rule-settings';
import { Deadlines } from '../deadlines';
import { deadlineInputs, FORM_STYLE, talkRuleInputs } from './meeting-words';

export interface MeetingRef {
  id: string;
  title: string;
}

export interface SettingsPage {
  meeting: MeetingRef;
  values: { title: string; theme: string; deadlines: Partial<Deadlines>; talkRules: TalkRuleSettings; talkVisibility: string };
  problem?: string;
}

const VISIBILITY_NAMES: Record<TalkVisibility, string> = {
  'participants-and-secretary': '谈话双方和主要负责同志',
  participants: '仅谈话双方',
};

/** 会议设置: title, theme, deadlines, 必谈 rules, who reads talks. */
export function renderSettings(viewer: Viewer, view: SettingsPage): string {
  const { values } = view;
  const body = html`<h1>修改会议设置</h1>
${alert('error', view.problem)}
<form class="card" method="post" action="/meetings/${view.meeting.id}/settings" id="settings-form">
<label for="title">会议名称</label>
<input id="title" name="title" value="${values.title}" maxlength="200" required>
<label for="theme">主题 <span class="hint">（可不填）</span></label>
<input id="theme" name="theme" value="${values.theme}" maxlength="500">
<h2>时间安排</h2>
${deadlineInputs(values.deadlines)}
${talkRuleInputs(values.talkRules)}
<label for="talkVisibility">谈话内容可由谁查看</label>
<select id="talkVisibility" name="talkVisibility">${TALK_VISIBILITIES.map((value) => html`<option value="${value}"${value === values.talkVisibility ? html` selected` : ''}>${VISIBILITY_NAMES[value]}</option>`)}</select>
<button type="submit" id="save-settings">保存设置</button>
<a class="button quiet" href="/meetings/${view.meeting.id}">返回</a>
</form>`;
  return workbenchPage('修改会议设置', viewer, body, { meeting: view.meeting, current: `/meetings/${view.meeting.id}`, style: FORM_STYLE });
}

/** “确定要推进到…？”: a page of its own, since the pages run no inline script. */
export function renderPhaseConfirm(viewer: Viewer, view: { meeting: MeetingRef; phase: MeetingPhase; next: MeetingPhase | null; missing: string[]; problem?: string }): string {
  const base = `/meetings/${view.meeting.id}`;
  const body = html`<h1>推进会议阶段</h1>
${alert('error', view.problem)}
<div class="card">
<p>当前阶段：<strong>${MEETING_PHASE_NAMES[view.phase]}</strong></p>
${view.next
    ? html`<p>确定要将会议推进到“${MEETING_PHASE_NAMES[view.next]}”阶段吗？阶段只能向前推进，不能退回。</p>
${view.missing.length ? html`<p class="alert error">下一阶段开始前，还有以下事项未完成：</p><ul>${view.missing.map((item) => html`<li>${item}</li>`)}</ul>` : ''}
<form method="post" action="${base}/phase" class="inline"><input type="hidden" name="phase" value="${view.next}"><button type="submit" id="move-phase">确定推进到“${MEETING_PHASE_NAMES[view.next]}”</button></form>`
    : html`<p>会议已结束，没有下一阶段。</p>`}
<a class="button quiet" href="${base}">返回</a>
</div>`;
  return workbenchPage('推进会议阶段', viewer, body, { meeting: view.meeting, current: base });
}

export interface TeamPage {
  meeting: MeetingRef;
  leaders: Array<{ id: string; name: string; username: string; department: string | null }>;
  departments: Array<{ id: string; name: string }>;
  /** The team as stored, or as typed when refused. */
  values: { secretary: string; members: string[]; oversees: Record<string, string[]> };
  problem?: string;
  notice?: string;
}

/** 班子: the secretary, the members and the departments each oversees, from the leader accounts. */
export function renderTeam(viewer: Viewer, view: TeamPage): string {
  const base = `/meetings/${view.meeting.id}`;
  const { values } = view;
  const body = html`<h1>班子成员</h1>
<p class="lead">本次会议的主要负责同志、班子成员及各人分管的部门：必谈的谈心谈话、意见的认领都按这里的设置。</p>
${alert('notice', view.notice)}
${alert('error', view.problem)}
${view.leaders.length === 0
    ? html`<div class="card"><p><strong>还没有班子成员的账号。</strong></p><p>请先到“<a href="/people">人员与账号</a>”为班子成员建账号（角色选“班子成员”），或粘贴名单批量导入，再回到这里设置班子。</p></div>`
    : html`<form method="post" action="${base}/team" id="team-form">
<p class="hint">选一位主要负责同志，勾选其他班子成员，并勾选每人分管的部门（用于“与分管部门主要负责同志谈”）。${view.departments.length === 0 ? html`还没有部门，可先到“<a href="/people">人员与账号</a>”添加。` : ''}</p>
<div class="table-wrap"><table class="team">
<thead><tr><th>姓名</th><th>主要负责同志</th><th>班子成员</th><th>分管部门</th></tr></thead>
<tbody>${view.leaders.map((leader) => html`<tr>
<td>${leader.name}<br><span class="muted">${leader.username}${leader.department ? ` · ${leader.department}` : ''}</span></td>
<td><label class="check"><input type="radio" name="secretary" value="${leader.id}"${values.secretary === leader.id ? html` checked` : ''}> 主要负责同志</label></td>
<td><label class="check"><input type="checkbox" name="members" value="${leader.id}"${values.members.includes(leader.id) ? html` checked` : ''}> 班子成员</label></td>
<td>${view.departments.map((department) => html`<label class="check"><input type="checkbox" name="oversees-${leader.id}" value="${department.id}"${(values.oversees[leader.id] ?? []).includes(department.id) ? html` checked` : ''}> ${department.name}</label>`)}</td>
</tr>`)}</tbody></table></div>
<button type="submit" id="save-team">保存班子</button>
</form>`}`;
  return workbenchPage('班子成员', viewer, body, { meeting: view.meeting, current: `${base}/team`, style: html`${FORM_STYLE}${TEAM_STYLE}` });
}

/** A choice's words kept on one line: on a phone the table scrolls instead of breaking 办公室 into three. */
const TEAM_STYLE = new SafeHtml(`
table.team label.check{white-space:nowrap;margin:.15rem 0}
table.team td:first-child{min-width:8rem}
`);

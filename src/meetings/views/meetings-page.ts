import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { Role } from '../../common/roles';
import { MEETING_PHASE_NAMES, MeetingKind, MeetingPhase, meetingKindName } from '../meeting-phase';
import { DEADLINE_FIELDS, Deadlines } from '../deadlines';

export interface MeetingsPage {
  meetings: Array<{ id: string; title: string; year: number; kind: MeetingKind; phase: MeetingPhase; deadlines: Deadlines }>;
  notice?: string;
}

/** 民主生活会 list: the organisation's meetings, newest first; a supervisor's links go to the board. */
export function renderMeetings(viewer: Viewer, view: MeetingsPage): string {
  const organiser = viewer.roles.includes(Role.Organiser);
  const linkOf = (id: string) => (organiser ? `/meetings/${id}` : `/meetings/${id}/board`);
  const body = html`<h1>民主生活会</h1>
<p class="lead">${organiser ? '本单位各次民主生活会的筹备：点会议名称进入，设置班子、征求意见、整理意见清单。' : '本单位各次民主生活会：点会议名称查看筹备进度和意见清单。'}</p>
${alert('notice', view.notice)}
${organiser ? html`<p><a class="button" id="new-meeting" href="/meetings/new">新建民主生活会</a></p>` : ''}
${view.meetings.length === 0
    ? html`<div class="card empty"><p>还没有民主生活会。</p>${organiser
      ? html`<p>先在“<a href="/people">人员与账号</a>”中建好部门和班子成员的账号，再点“新建民主生活会”，从预设的对照检查方面开始。</p>`
      : html`<p class="muted">组织者建好会议后，这里会列出各次会议的筹备进度。</p>`}</div>`
    : html`<div class="table-wrap"><table class="meetings">
<thead><tr><th>会议</th><th>年度</th><th>类型</th><th>阶段</th><th>时间安排</th></tr></thead>
<tbody>${view.meetings.map((meeting) => html`<tr>
<td><a href="${linkOf(meeting.id)}">${meeting.title}</a></td>
<td>${meeting.year}</td>
<td>${meetingKindName(meeting.kind)}</td>
<td><span class="badge">${MEETING_PHASE_NAMES[meeting.phase]}</span></td>
<td class="muted">${DEADLINE_FIELDS.map(({ name, label }) => html`<span class="deadline">${label} ${dayInWords(meeting.deadlines[name])}</span> `)}</td>
</tr>`)}</tbody></table></div>`}`;
  return workbenchPage('民主生活会', viewer, body, { current: '/meetings', style: LIST_STYLE });
}

/** One deadline a line, each kept whole; the title column wide enough to read on a phone. */
const LIST_STYLE = new SafeHtml(`
table.meetings .deadline{display:block;white-space:nowrap}
table.meetings td:first-child{min-width:9rem}
table.meetings td:nth-child(3){white-space:nowrap}
`);

import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { alert } from '../../web/layout';
import { meetingTabsFor, Viewer, workbenchPage } from '../../web/workbench';
import { MEETING_PHASE_NAMES, MeetingKind, MeetingPhase, meetingKindName } from '../../meetings/meeting-phase';
import { ExportEntry } from '../../exports/exports.service';
import { EXPORT_CHOICES, EXPORT_NAMES, FORMAT_NAMES, STATUS_BADGES, STATUS_NAMES } from '../../exports/views/export-words';

export interface OverviewPage {
  meeting: { id: string; title: string; year: number; kind: MeetingKind; theme: string | null; phase: MeetingPhase; aspects: string[]; deadlines: Array<{ label: string; date: string }> };
  next: MeetingPhase | null;
  /** Each step of preparation, done or not, in words. */
  checklist: Array<{ text: string; done: boolean; href: string }>;
  exports: Array<ExportEntry & { day: string }>;
  notice?: string;
  problem?: string;
}

/** 会议概况: the set-up, the phase and what is still missing, links to each step, and the exports. */
export function renderOverview(viewer: Viewer, view: OverviewPage): string {
  const { meeting } = view;
  const base = `/meetings/${meeting.id}`;
  const missing = view.checklist.filter((step) => !step.done);
  const body = html`<h1>${meeting.title}</h1>
${alert('notice', view.notice)}
${alert('error', view.problem)}
<div class="grid">
<section class="card" id="setup">
<h2>会议设置</h2>
<p>${meeting.year}年度 · ${meetingKindName(meeting.kind)}${meeting.theme ? html` · 主题：${meeting.theme}` : ''}</p>
<p>对照检查的方面（${meeting.aspects.length} 个）：</p>
<ol class="aspects">${meeting.aspects.map((aspect) => html`<li>${aspect}</li>`)}</ol>
<table class="deadlines"><tbody>${meeting.deadlines.map(({ label, date }) => html`<tr><th>${label}</th><td>${dayInWords(date)}</td></tr>`)}</tbody></table>
<p><a class="button quiet small" id="edit-settings" href="${base}/settings">修改会议设置</a></p>
</section>
<section class="card" id="phase">
<h2>当前阶段：<span class="badge">${MEETING_PHASE_NAMES[meeting.phase]}</span></h2>
${missing.length ? html`<p>还需完成 ${missing.length} 项：</p>` : html`<p>各项准备均已就绪。</p>`}
<ul class="todo">${view.checklist.map((step) => html`<li class="${step.done ? 'done' : ''}"><a href="${step.href}">${step.text}</a></li>`)}</ul>
${view.next ? html`<p><a class="button" id="next-phase" href="${base}/phase">进入下一阶段：${MEETING_PHASE_NAMES[view.next]}</a></p>` : html`<p class="muted">会议已结束。</p>`}
</section>
</div>
<section class="card" id="steps">
<h2>筹备工作</h2>
<p class="steps">${meetingTabsFor(meeting, viewer).slice(1).map((tab) => html`<a class="button quiet small" href="${tab.href}">${tab.label}</a> `)}</p>
</section>
<section class="card" id="exports">
<h2>导出</h2>
<p class="hint">文件在后台生成，生成后可下载；保留一段时间后自动删除。</p>
<p>${EXPORT_CHOICES.map((choice) => html`<form method="post" action="${base}/exports" class="inline"><input type="hidden" name="what" value="${choice.what}"><input type="hidden" name="format" value="${choice.format}"><button type="submit" class="quiet">${choice.label}</button></form> `)}</p>
${view.exports.length
    ? html`<div class="table-wrap"><table class="exports"><thead><tr><th>文件</th><th>申请日期</th><th>状态</th><th></th></tr></thead><tbody>${view.exports.map((entry) => html`<tr>
<td>${EXPORT_NAMES[entry.what]}（${FORMAT_NAMES[entry.format]}）</td>
<td>${dayInWords(entry.day)}</td>
<td><span class="badge ${STATUS_BADGES[entry.status]}">${STATUS_NAMES[entry.status]}</span></td>
<td>${entry.status === 'done' ? html`<a href="/exports/${entry.id}/download">下载</a>` : html`<a href="/exports/${entry.id}">查看</a>`}</td>
</tr>`)}</tbody></table></div>`
    : html`<p class="muted">还没有导出过文件。</p>`}
</section>`;
  return workbenchPage(meeting.title, viewer, body, { meeting: { id: meeting.id, title: meeting.title }, current: base, style: OVERVIEW_STYLE });
}

/** The deadlines' labels and dates on one baseline; the steps' buttons evenly spaced when they wrap. */
const OVERVIEW_STYLE = new SafeHtml(`
#setup table.deadlines th,#setup table.deadlines td{vertical-align:baseline;font-size:.95rem}
#setup table.deadlines th{width:9rem}
#steps .button{margin:.25rem .25rem .25rem 0}
`);

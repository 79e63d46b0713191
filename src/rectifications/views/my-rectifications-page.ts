import { html, SafeHtml } from '../../web/html';
import { sizeInWords } from '../../web/file-size';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { dueWords, ENTRY_STYLE, EntryProblem, historyDetails, latestProgress, measureList, PageEntry, problemFor, returnReason, reviewForms, statusBadge } from './entry-parts';

export interface MyRectificationsPage {
  viewer: Viewer;
  /** The member's own entries (责任人是本人), in every meeting, the most pressing first. */
  mine: PageEntry[];
  /** For a meeting's secretary: the team's reported entries, not their own, waiting for 销号. */
  toClose: PageEntry[];
  /** The meetings whose ledgers the viewer may open as their secretary. */
  ledgers: Array<{ id: string; title: string }>;
  /** The uploads' limit, said beside the file input. */
  maxBytes: number;
  notice?: string;
  problem?: EntryProblem;
}

/** What the evidence file input offers (the service reads the type from the content). */
const ACCEPT = '.pdf,.docx,.jpg,.jpeg,.png,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/jpeg,image/png';

/**
 * 我的整改 (`/me/rectifications`): a team member's entries across meetings, with the measures, the
 * deadline (逾期 in red), the history and a form to report it done with evidence; for the
 * meeting's secretary, 待我销号, the team's reported entries to close or send back.
 */
export function renderMyRectifications(view: MyRectificationsPage): string {
  const { mine, toClose } = view;
  // Closed entries stay on record but out of the way: what is still to do comes first.
  const current = mine.filter((entry) => entry.status !== 'closed');
  const closed = mine.filter((entry) => entry.status === 'closed');
  const waiting = mine.filter((entry) => entry.status === 'open' || entry.status === 'overdue').length;
  const overdue = mine.filter((entry) => entry.status === 'overdue').length;
  const placed = view.problem && [...mine, ...toClose].some((entry) => entry.id === view.problem!.entryId);
  const body = html`
<h1>我的整改</h1>
<p class="lead">${mine.length
    ? html`共 ${mine.length} 条整改事项由您负责，待完成 ${waiting} 条${overdue ? html`，其中 <span class="overdue">已逾期 ${overdue} 条</span>` : ''}。完成后请报告整改情况并附上佐证材料，由组织者或主要负责同志销号。`
    : '目前没有由您负责的整改事项。'}</p>
${alert('notice', view.notice)}
${view.problem && !placed ? alert('error', view.problem.message) : ''}
${toClose.length || view.ledgers.length
    ? html`<section class="card" id="to-close">
<h2>待我销号（${toClose.length} 条）</h2>
<p class="hint">班子成员报告已完成的整改事项，请核实后销号；未落实到位的，写明理由退回。${view.ledgers.map((meeting) => html` <a href="/meetings/${meeting.id}/rectifications">${meeting.title}整改台账</a>`)}</p>
${toClose.length ? toClose.map((entry) => toCloseCard(entry, view)) : html`<p class="muted">暂无待销号的整改事项。</p>`}
</section>`
    : ''}
${current.length ? html`<section id="mine"><h2>由我负责的整改</h2>${current.map((entry) => myCard(entry, view))}</section>` : ''}
${closed.length
    ? html`<details id="closed"${closed.some((entry) => entry.id === view.problem?.entryId) ? html` open` : ''}><summary>已销号的整改（${closed.length} 条）</summary>${closed.map((entry) => myCard(entry, view))}</details>`
    : ''}`;
  return workbenchPage('我的整改', view.viewer, body, { current: '/me/rectifications', style: STYLE });
}

function myCard(entry: PageEntry, view: MyRectificationsPage): SafeHtml {
  const problem = view.problem?.entryId === entry.id ? view.problem : undefined;
  const reportable = (entry.status === 'open' || entry.status === 'overdue') && !entry.carriedOn;
  return html`<article class="entry status-${entry.status}" id="entry-${entry.id}">
<p class="meeting-title">${entry.meetingTitle ?? ''}${entry.carriedFrom ? html` <span class="badge">${entry.carriedFrom.year}年度转入</span>` : ''}</p>
<p class="problem-text">${entry.problem}</p>
<div><span class="label">整改措施</span>${measureList(entry)}</div>
<p><span class="label">完成时限</span>${dueWords(entry)} ${statusBadge(entry.status)}</p>
<p><span class="label">最新进展</span>${latestProgress(entry)}</p>
${returnReason(entry)}
${problemFor(entry.id, problem)}
${reportable ? reportForm(entry, view, problem?.form === 'report' ? problem : undefined) : ''}
${entry.status === 'reported' ? html`<p class="hint">已报告完成，等待组织者或主要负责同志销号。</p>` : ''}
${historyDetails(entry)}
</article>`;
}

/** 报告完成: what was done (required), the evidence as text, and a file if there is one. */
function reportForm(entry: PageEntry, view: MyRectificationsPage, problem: EntryProblem | undefined): SafeHtml {
  const typed = problem?.typed ?? {};
  return html`<details class="report"${problem || entry.status === 'overdue' ? html` open` : ''}><summary>报告完成</summary>
<form method="post" action="/me/rectifications/${entry.id}/report" enctype="multipart/form-data" class="report-form">
  <label for="note-${entry.id}">整改完成情况 <span class="required">*</span></label>
  <textarea id="note-${entry.id}" name="note" rows="3" maxlength="5000" required placeholder="做了什么，效果如何">${typed.note ?? ''}</textarea>
  <label for="evidence-${entry.id}">佐证材料 <span class="hint">如文件名称和文号、制度名称、在哪里可以查看</span></label>
  <textarea id="evidence-${entry.id}" name="evidence" rows="2" maxlength="5000">${typed.evidence ?? ''}</textarea>
  <label for="file-${entry.id}">佐证文件 <span class="hint">可选；PDF、Word（.docx）、JPG 或 PNG，不超过 ${sizeInWords(view.maxBytes)}</span></label>
  <input id="file-${entry.id}" type="file" name="file" accept="${ACCEPT}">
  <button type="submit">报告完成</button>
</form>
</details>`;
}

function toCloseCard(entry: PageEntry, view: MyRectificationsPage): SafeHtml {
  const problem = view.problem?.entryId === entry.id ? view.problem : undefined;
  return html`<article class="entry status-${entry.status}" id="entry-${entry.id}">
<p class="problem-text">${entry.problem}</p>
<p class="hint">${entry.meetingTitle ?? ''} · 责任人：${entry.ownerName} · 完成时限：${dueWords(entry)}</p>
<div><span class="label">整改措施</span>${measureList(entry)}</div>
${problemFor(entry.id, problem)}
${historyDetails(entry, true)}
${entry.carriedOn ? '' : reviewForms(entry, `/me/rectifications/${entry.id}`, problem)}
</article>`;
}

const STYLE = new SafeHtml(`${ENTRY_STYLE}
.entry .meeting-title{margin:0;color:#57606a;font-size:.85rem}
.entry .measures{margin-top:0}
.entry>div>.label{display:block}
details.report{margin:.5rem 0;padding:.5rem .75rem;background:#f6f7f9;border-radius:.4rem}
details.report summary{font-weight:600;color:#b42318}
#to-close .entry{box-shadow:none;border:1px solid #e1e4e8}
#closed{margin:1.5rem 0}
#closed>summary{cursor:pointer;font-weight:600;color:#57606a}
`);

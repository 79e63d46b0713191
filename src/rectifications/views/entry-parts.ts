import { dayInWords } from '../../web/dates';
import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { RectificationEventKind } from '../rectification-event.entity';
import { RectificationView } from '../rectification.views';

/** An entry's status as the pages read it (`overdue` is read from the clock, see rectification-mapping.ts). */
export type EntryStatus = RectificationView['status'];

export const STATUS_NAMES: Record<EntryStatus, string> = { open: '未完成', reported: '待销号', closed: '已销号', overdue: '已逾期' };
const STATUS_BADGES: Record<EntryStatus, string> = { open: 'badge warn', reported: 'badge', closed: 'badge ok', overdue: 'badge bad' };

const EVENT_NAMES: Record<RectificationEventKind, string> = {
  created: '列入整改台账',
  reported: '报告完成',
  returned: '退回',
  closed: '销号',
  edited: '修改',
  'carried-in': '从上一年度转入',
  'carried-out': '转入下一年度',
};

/** One dated step of an entry's history, with the names and the day already read (see the controller). */
export interface PageEvent {
  kind: RectificationEventKind;
  /** The day it happened, `YYYY-MM-DD` in the organisation's time zone. */
  day: string;
  actorName: string;
  note: string | null;
  evidence: string | null;
  /** The evidence file's download address and name, when the step has one. */
  file: { href: string; name: string } | null;
}

/** An entry as the pages show it: the API's view with the owner's name and a history people read. */
export interface PageEntry extends Omit<RectificationView, 'history'> {
  ownerName: string;
  history: PageEvent[];
  /** The meeting's title, on pages that list entries of several meetings. */
  meetingTitle?: string;
}

/** A refused form, to show beside its entry with what was typed. */
export interface EntryProblem {
  /** The entry the form was about, or `new` (the add form) or `generate` (从已答复的认领生成). */
  entryId: string;
  form: 'close' | 'return' | 'report' | 'edit' | 'add' | 'generate';
  message: string;
  /** The fields as typed. */
  typed: Record<string, string>;
}

export function statusBadge(status: EntryStatus): SafeHtml {
  return html`<span class="${STATUS_BADGES[status]}">${STATUS_NAMES[status]}</span>`;
}

/** 完成时限 in words; red when the entry is overdue. */
export function dueWords(entry: Pick<PageEntry, 'dueDate' | 'status'>): SafeHtml {
  return entry.status === 'overdue' ? html`<span class="overdue">${dayInWords(entry.dueDate)}</span>` : html`${dayInWords(entry.dueDate)}`;
}

export function measureList(entry: Pick<PageEntry, 'measures'>): SafeHtml {
  return html`<ol class="measures">${entry.measures.map((measure) => html`<li>${measure.text}</li>`)}</ol>`;
}

/** 最新进展: the last report, return or close (not a listing, an edit or a carry-over), or that there is none yet. */
export function latestProgress(entry: PageEntry): SafeHtml {
  const last = [...entry.history].reverse().find((event) => event.kind === 'reported' || event.kind === 'returned' || event.kind === 'closed');
  if (!last) return html`<span class="muted">尚无进展</span>`;
  return html`${dayInWords(last.day)} ${last.actorName} ${EVENT_NAMES[last.kind]}${last.note ? html`：${shortened(last.note)}` : ''}`;
}

/** A note in a column: its first 60 characters (the history has it whole). */
function shortened(note: string): string {
  const characters = [...note];
  return characters.length > 60 ? `${characters.slice(0, 60).join('')}…` : note;
}

/** The entry's last return, while it is open again: the reason the owner has to answer. */
export function returnReason(entry: PageEntry): SafeHtml {
  const last = entry.history[entry.history.length - 1];
  if (!last || last.kind !== 'returned' || entry.status === 'reported' || entry.status === 'closed') return html``;
  return html`<p class="alert error">${dayInWords(last.day)} ${last.actorName}退回：${last.note ?? ''}</p>`;
}

/** 办理记录: every dated step, who, what, the evidence text and file. */
export function historyDetails(entry: PageEntry, open = false): SafeHtml {
  return html`<details class="history"${open ? html` open` : ''}><summary>办理记录（${entry.history.length}）</summary>
<ol>${entry.history.map(
    (event) => html`<li><span class="when">${dayInWords(event.day)}</span> ${event.actorName} <strong>${EVENT_NAMES[event.kind]}</strong>${event.note ? html`：${event.note}` : ''}
${event.evidence ? html`<div class="evidence">佐证材料：${event.evidence}</div>` : ''}
${event.file ? html`<div class="evidence">佐证文件：<a href="${event.file.href}">${event.file.name}</a></div>` : ''}</li>`,
  )}</ol>
</details>`;
}

/** 销号 and 退回, side by side, for a reported entry: never drawn for the entry's owner (the caller decides). */
export function reviewForms(entry: PageEntry, action: string, problem: EntryProblem | undefined): SafeHtml {
  const typed = problem && problem.entryId === entry.id ? problem : undefined;
  return html`<div class="review-forms">
<form method="post" action="${action}/close" class="close-form">
  <label for="close-${entry.id}">销号意见</label>
  <textarea id="close-${entry.id}" name="note" rows="2" maxlength="2000" required placeholder="如：经核实，整改措施已落实到位">${typed?.form === 'close' ? (typed.typed.note ?? '') : ''}</textarea>
  <button type="submit" class="small">销号</button>
</form>
<form method="post" action="${action}/return" class="return-form">
  <label for="return-${entry.id}">退回理由</label>
  <textarea id="return-${entry.id}" name="reason" rows="2" maxlength="2000" required placeholder="说明还需补充或整改的内容">${typed?.form === 'return' ? (typed.typed.reason ?? '') : ''}</textarea>
  <button type="submit" class="small quiet">退回</button>
</form>
</div>`;
}

/** The refusal beside its entry (and form), if it is this entry's. */
export function problemFor(entryId: string, problem: EntryProblem | undefined): SafeHtml {
  return problem && problem.entryId === entryId ? alert('error', problem.message) : html``;
}

/** The styles both pages share: entries as cards, labelled on a phone; history, forms. */
export const ENTRY_STYLE = `
.entry{background:#fff;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.entry.status-reported{border-left:4px solid #0969da}
.entry.status-overdue{border-left:4px solid #b42318}
.entry .problem-text{font-weight:600;margin:0}
.entry .measures{margin:.25rem 0;padding-left:1.3rem}
.entry .measures li{margin:.1rem 0}
.entry .label{display:inline-block;min-width:4.5rem;color:#57606a;font-size:.85rem}
.overdue{color:#b42318;font-weight:600}
.history{margin-top:.5rem}
.history summary,.entry details>summary{cursor:pointer;color:#57606a}
.history ol{list-style:none;padding:0;margin:.5rem 0;font-size:.92rem;border-left:2px solid #eef1f4}
.history li{padding:.25rem 0 .25rem .75rem}
.history .when{color:#57606a}
.history .evidence{margin:.15rem 0 0;color:#1f2328;font-size:.9rem;white-space:pre-wrap}
.review-forms{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.5rem 1rem;margin-top:.5rem;padding-top:.5rem;border-top:1px dashed #e1e4e8}
.wb .entry form{background:none;box-shadow:none;padding:0}
.entry form label{margin:.25rem 0}
.entry textarea{min-height:3.5rem}
.entry input[type=file]{padding:.4rem}
`;

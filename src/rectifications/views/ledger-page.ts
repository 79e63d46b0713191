import { Role } from '../../common/roles';
import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { CarryOverView } from '../rectification.views';
import { dueWords, ENTRY_STYLE, EntryProblem, EntryStatus, historyDetails, latestProgress, measureList, PageEntry, problemFor, returnReason, reviewForms, STATUS_NAMES, statusBadge } from './entry-parts';

/**
 * The ledger's exports, posted to the meeting's export flow (followed on /exports/:id). Named here
 * rather than read from the exports feature, which reads the ledger: the dependency points one way.
 */
const LEDGER_EXPORTS = [
  { what: 'rectification-ledger', format: 'xlsx', label: '导出整改台账 Excel' },
  { what: 'rectification-ledger', format: 'docx', label: '导出整改台账 Word' },
] as const;

/** What the filter may ask for: a status, or the entries carried over from the previous meeting. */
export const LEDGER_FILTERS = ['open', 'overdue', 'reported', 'closed', 'carried'] as const;
export type LedgerFilter = (typeof LEDGER_FILTERS)[number];

export interface LedgerPage {
  viewer: Viewer;
  meeting: { id: string; title: string; year: number };
  /** Every entry of the meeting (the counts are of all of them; the list is filtered). */
  entries: PageEntry[];
  filter: { status?: LedgerFilter; owner?: string };
  /** The team, for the owner filter and the forms' owner choice. */
  team: Array<{ userId: string; name: string }>;
  /** The organiser: edits, adds, generates, exports and has the meeting's tabs. */
  manages: boolean;
  /** The organiser or the meeting's secretary: 销号 and 退回 (never on their own entries). */
  reviews: boolean;
  /** 上一年度整改落实情况; null when the meeting names no previous one. */
  carryOver: CarryOverView | null;
  notice?: string;
  problem?: EntryProblem;
}

/**
 * 整改台账 (`/meetings/:id/rectifications`): the counts, a filter by status and owner, every entry
 * with its measures, owner, deadline, status and latest progress, its history on demand; 销号 and
 * 退回 on reported entries for whoever may (never the owner), edit and add for the organiser, the
 * answered claims turned into entries in one step, the exports and last year's carry-over.
 */
export function renderLedger(view: LedgerPage): string {
  const { meeting, viewer } = view;
  const base = `/meetings/${meeting.id}/rectifications`;
  const shown = view.entries.filter((entry) => matches(entry, view.filter));
  const filtered = view.filter.status !== undefined || view.filter.owner !== undefined;
  // The meeting's tabs are the organiser's and the 督导组's; the secretary comes from 我的整改.
  const tabs = view.manages || viewer.roles.includes(Role.Supervisor);
  const unplaced = view.problem && !['new', 'generate'].includes(view.problem.entryId) && !shown.some((entry) => entry.id === view.problem!.entryId);
  const body = html`
<h1>整改台账</h1>
${tabs ? '' : html`<p class="hint">${meeting.title} · <a href="/me/rectifications">返回我的整改</a></p>`}
<p class="lead" id="counts">${countsLine(view.entries)}</p>
${alert('notice', view.notice)}
${unplaced || view.problem?.entryId === 'generate' ? alert('error', view.problem!.message) : ''}
${view.manages
    ? html`<div class="actions">
<form method="post" action="${base}/from-claims" class="inline"><button type="submit" id="from-claims">从已答复的认领生成</button></form>
<a class="button quiet" href="#add">手工添加</a>
${LEDGER_EXPORTS.map((choice) => html`<form method="post" action="/meetings/${meeting.id}/exports" class="inline"><input type="hidden" name="what" value="${choice.what}"><input type="hidden" name="format" value="${choice.format}"><button type="submit" class="quiet">${choice.label}</button></form>`)}
</div>`
    : ''}
${view.entries.length === 0
    ? ''
    : html`<form method="get" action="${base}" class="filter" role="search">
  <label>状态 <select name="status">
    <option value="">全部</option>
    ${LEDGER_FILTERS.map((status) => html`<option value="${status}"${view.filter.status === status ? html` selected` : ''}>${status === 'carried' ? '上年度转入' : STATUS_NAMES[status]}</option>`)}
  </select></label>
  <label>责任人 <select name="owner">
    <option value="">全部</option>
    ${view.team.map((member) => html`<option value="${member.userId}"${view.filter.owner === member.userId ? html` selected` : ''}>${member.name}</option>`)}
  </select></label>
  <button type="submit" class="small quiet">筛选</button>
  ${filtered ? html`<a href="${base}">清除筛选</a>` : ''}
</form>`}
${view.entries.length === 0
    ? html`<p class="card">台账中还没有整改事项。${view.manages ? '班子成员答复认领的意见后，可以“从已答复的认领生成”，也可以手工添加。' : ''}</p>`
    : shown.length === 0
      ? html`<p class="card">没有符合筛选条件的整改事项。</p>`
      : html`<div class="ledger">
<div class="entry-row head" aria-hidden="true"><span>序号</span><span>问题</span><span>整改措施</span><span>责任人</span><span>完成时限</span><span>状态</span><span>最新进展</span></div>
${shown.map((entry) => entryCard(entry, view.entries.indexOf(entry) + 1, view))}
</div>`}
${view.manages ? addForm(view) : ''}
${carryOverSection(view)}`;
  return workbenchPage(`整改台账 - ${meeting.title}`, viewer, body, {
    ...(tabs ? { meeting, current: base } : { current: '/me/rectifications' }),
    style: STYLE,
  });
}

function matches(entry: PageEntry, filter: LedgerPage['filter']): boolean {
  if (filter.owner && entry.ownerUserId !== filter.owner) return false;
  if (filter.status === 'carried') return entry.carriedFrom !== null;
  return !filter.status || entry.status === filter.status;
}

/** 共N条：已销号a、待销号b、未完成c、已逾期d; 上年度转入e. */
function countsLine(entries: PageEntry[]): string {
  const count = (status: EntryStatus) => entries.filter((entry) => entry.status === status).length;
  const carried = entries.filter((entry) => entry.carriedFrom !== null).length;
  return `共 ${entries.length} 条：已销号 ${count('closed')}、待销号 ${count('reported')}、未完成 ${count('open')}、已逾期 ${count('overdue')}；上年度转入 ${carried}。`;
}

function entryCard(entry: PageEntry, number: number, view: LedgerPage): SafeHtml {
  const base = `/meetings/${view.meeting.id}/rectifications/${entry.id}`;
  const problem = view.problem?.entryId === entry.id ? view.problem : undefined;
  const mayReview = view.reviews && entry.status === 'reported' && entry.ownerUserId !== view.viewer.userId && !entry.carriedOn;
  return html`<article class="entry status-${entry.status}" id="entry-${entry.id}">
<div class="entry-row">
  <span class="no">${number}</span>
  <div><p class="problem-text">${entry.problem}</p>${entry.carriedFrom ? html`<span class="badge" title="${entry.carriedFrom.meetingTitle}">${entry.carriedFrom.year}年度转入</span>` : ''}</div>
  <div><span class="label">整改措施</span>${measureList(entry)}</div>
  <div><span class="label">责任人</span>${entry.ownerName}</div>
  <div><span class="label">完成时限</span>${dueWords(entry)}</div>
  <div><span class="label">状态</span>${statusBadge(entry.status)}</div>
  <div class="latest"><span class="label">最新进展</span>${latestProgress(entry)}</div>
</div>
${returnReason(entry)}
${problemFor(entry.id, problem)}
${historyDetails(entry, problem !== undefined)}
${mayReview ? reviewForms(entry, base, problem) : ''}
${entry.carriedOn ? html`<p class="hint">已转入下一次会议的整改台账继续整改，请在那里办理。</p>` : ''}
${view.manages && entry.status !== 'closed' && !entry.carriedOn ? editForm(entry, base, view, problem?.form === 'edit' ? problem : undefined) : ''}
</article>`;
}

/** The organiser's edit: problem, measures one per line, owner, deadline. */
function editForm(entry: PageEntry, base: string, view: LedgerPage, problem: EntryProblem | undefined): SafeHtml {
  const typed = problem?.typed;
  return html`<details class="edit"${problem ? html` open` : ''}><summary>修改</summary>
${entryFields(`edit-${entry.id}`, `${base}/edit`, withOwner(view.team, entry), {
    problem: typed?.problem ?? entry.problem,
    measures: typed?.measures ?? entry.measures.map((measure) => measure.text).join('\n'),
    ownerUserId: typed?.ownerUserId ?? entry.ownerUserId,
    dueDate: typed?.dueDate ?? entry.dueDate,
  }, '保存修改')}
</details>`;
}

/** The team, and the entry's owner if they no longer sit on it (a carried entry's), so the edit keeps them. */
function withOwner(team: LedgerPage['team'], entry: PageEntry): LedgerPage['team'] {
  return team.some((member) => member.userId === entry.ownerUserId) ? team : [...team, { userId: entry.ownerUserId, name: entry.ownerName }];
}

function addForm(view: LedgerPage): SafeHtml {
  const problem = view.problem?.entryId === 'new' ? view.problem : undefined;
  const typed = problem?.typed ?? {};
  return html`<section class="card" id="add">
<h2>手工添加整改事项</h2>
<p class="hint">如班子成员自己查摆的问题、督导组指出的问题。</p>
${problem ? alert('error', problem.message) : ''}
${entryFields('add', `/meetings/${view.meeting.id}/rectifications`, view.team, { problem: typed.problem ?? '', measures: typed.measures ?? '', ownerUserId: typed.ownerUserId ?? '', dueDate: typed.dueDate ?? `${view.meeting.year + 1}-12-31` }, '添加', false)}
</section>`;
}

function entryFields(prefix: string, action: string, team: LedgerPage['team'], values: Record<'problem' | 'measures' | 'ownerUserId' | 'dueDate', string>, submit: string, small = true): SafeHtml {
  return html`<form method="post" action="${action}" class="entry-form">
  <label for="${prefix}-problem">问题</label>
  <textarea id="${prefix}-problem" name="problem" rows="2" maxlength="2000" required>${values.problem}</textarea>
  <label for="${prefix}-measures">整改措施 <span class="hint">每行一条</span></label>
  <textarea id="${prefix}-measures" name="measures" rows="3" required>${values.measures}</textarea>
  <div class="row">
    <label>责任人 <select name="ownerUserId" required>
      <option value="">选择班子成员</option>
      ${team.map((member) => html`<option value="${member.userId}"${values.ownerUserId === member.userId ? html` selected` : ''}>${member.name}</option>`)}
    </select></label>
    <label>完成时限 <input type="date" name="dueDate" value="${values.dueDate}" required></label>
  </div>
  <button type="submit"${small ? html` class="small"` : ''}>${submit}</button>
</form>`;
}

/** 上一年度整改落实情况: the paragraph for the report, and what remains. */
function carryOverSection(view: LedgerPage): SafeHtml {
  const summary = view.carryOver;
  if (!summary?.previousMeeting) return html``;
  const previous = summary.previousMeeting;
  return html`<section class="card" id="carry-over">
<h2>上一年度整改落实情况</h2>
<p class="hint">${previous.year}年度：${previous.title}。共 ${summary.total} 条，已销号 ${summary.closed} 条，未完成 ${summary.remaining.length} 条。下面这段文字可复制到对照检查材料或会议报告中。</p>
<blockquote class="paragraph">${summary.paragraph}</blockquote>
${summary.remaining.length
    ? html`<h3>尚未完成的整改</h3><ul class="remaining">${summary.remaining.map((entry) => html`<li>${entry.problem}（责任人：${entry.ownerName}；${STATUS_NAMES[entry.status]}；${entry.reason}）</li>`)}</ul>`
    : ''}
</section>`;
}

/**
 * On a desk, each entry is one row of the ledger's columns (the head row names them); on a phone,
 * a card whose fields carry their own labels.
 */
const STYLE = new SafeHtml(`${ENTRY_STYLE}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem;margin:.5rem 0}
.wb .actions button,.wb .actions .button{margin:0}
.wb form.filter{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;background:none;box-shadow:none;padding:0;margin:1rem 0 .5rem}
form.filter label{display:flex;align-items:center;gap:.4rem;margin:0;font-weight:400;white-space:nowrap}
form.filter select{width:auto;padding:.35rem}
.wb form.filter button{margin:0}
.entry-row.head{display:none}
.entry-row .no{font-weight:700;color:#a61b1b}
.entry-row>div{margin:.2rem 0}
.entry-row .label{vertical-align:top}
.entry-row>div:nth-child(3) .label{display:block}
.entry details.edit{margin-top:.5rem}
.entry-form .row>label{display:flex;flex-direction:column}
.paragraph{margin:.5rem 0;padding:.75rem 1rem;background:#f6f7f9;border-left:4px solid #a61b1b;white-space:pre-wrap;user-select:all}
.remaining{padding-left:1.2rem}
#add textarea{min-height:4rem}
@media (min-width:60rem){
  .entry-row{display:grid;grid-template-columns:2.5rem minmax(0,1.4fr) minmax(0,1.6fr) 6rem 8.5rem 5rem minmax(0,1.3fr);gap:.75rem;align-items:start}
  .entry-row.head{display:grid;padding:0 1rem;color:#57606a;font-size:.85rem;font-weight:600}
  .entry-row>div{margin:0}
  .entry-row .label,.entry-row>div:nth-child(3) .label{display:none}
}
`);

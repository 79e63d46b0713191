import { CHANNEL_NAMES } from '../../items/item.views';
import { MATERIAL_STATUS_NAMES } from '../../materials/material.views';
import { MEETING_PHASE_NAMES, MeetingKind, meetingKindName } from '../../meetings/meeting-phase';
import { TEAM_ROLE_NAMES, TeamRole } from '../../meetings/team-member.entity';
import { OPINION_CHANNELS } from '../../opinions/raw-opinion.entity';
import { TalkMatrixView } from '../../talks/talk.views';
import { Role } from '../../common/roles';
import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { Viewer, workbenchPage } from '../../web/workbench';
import { barChart, lineChart } from '../board-charts';
import { ProgressView } from '../progress.service';
import { talkGrid } from './talk-grid';

export const BOARD_SCRIPT_PATH = '/assets/board.js';

export interface BoardPage {
  /** Who reads it: the shell's name and menu; a supervisor gets the link to the published list. */
  viewer: Viewer;
  meeting: { id: string; title: string; kind: MeetingKind; aspects: string[] };
  progress: ProgressView;
  matrix: TalkMatrixView;
  /** YYYY-MM-DD in the organisation's time zone: decides 今日 among the deadlines. */
  today: string;
  /** HH:MM the figures were read. */
  readAt: string;
  /** When held anonymous opinions are released, e.g. "07:00" (统一整理). */
  releaseHours: string;
  /** Each member's claimed items and how many their 对照检查材料 answers (人人认领、条条回应). */
  coverage: ReadonlyMap<string, { claimed: number; answered: number }>;
}


/** The board's address: the page, and (with `?fragment=1`) only its figures, for the refresh. */
export function boardPath(meetingId: string): string {
  return `/meetings/${meetingId}/board`;
}

/** The published list as the 督导组 reads it (a tab of the workbench). */
export function publishedListPath(meetingId: string): string {
  return `/meetings/${meetingId}/list`;
}

/**
 * 筹备进度看板, for organisers and the 督导组, in the workbench's shell: read-only (no form in
 * it but the shell's sign-out), complete without JavaScript; with it, /assets/board.js replaces
 * the figures in #board once a minute. The two notices stay hidden (and are no `.alert` yet)
 * until the refresh has to stop. Fits a 375 px phone: wide tables scroll in their own box.
 */
export function renderBoard(view: BoardPage): string {
  const path = boardPath(view.meeting.id);
  return workbenchPage(`进度看板 · ${view.meeting.title}`, view.viewer, html`
<p id="board-expired" class="error" role="alert" hidden>登录已过期，请<a href="/login?next=${encodeURIComponent(path)}">重新登录</a>。看板已停止自动更新。</p>
<p id="board-gone" class="error" role="alert" hidden>您已无法查看本看板，已停止自动更新。</p>
<div id="board" data-refresh-url="${path}?fragment=1" data-refresh-seconds="60">${renderBoardFragment(view)}</div>
<noscript><p class="hint">开启 JavaScript 时本页每分钟自动更新；现在请手动刷新页面查看最新数据。</p></noscript>`, {
    meeting: { id: view.meeting.id, title: view.meeting.title },
    current: path,
    scripts: [BOARD_SCRIPT_PATH],
    style: BOARD_STYLE,
  });
}

/** What the refresh swaps in: everything inside #board. */
export function renderBoardFragment(view: BoardPage): SafeHtml {
  const { progress, meeting } = view;
  const { opinions, talks, items } = progress;
  return html`<h1>${meeting.title}</h1>
<p class="lead">${meetingKindName(meeting.kind)}进度看板 · 当前阶段：<strong id="phase">${MEETING_PHASE_NAMES[progress.phase]}</strong> · 数据更新于 <time id="read-at">${view.readAt}</time></p>
<section class="cards">
  <div class="card" id="card-opinions"><h2>意见建议</h2><p class="big">共收集 <strong id="opinions-total">${opinions.total}</strong> 条</p>
    <dl>${OPINION_CHANNELS.map((channel) => figure(CHANNEL_NAMES[channel] ?? channel, opinions.byChannel[channel], `channel-${channel}`))}</dl></div>
  <div class="card" id="card-talks"><h2>谈心谈话</h2><p class="big">应谈 <strong id="talks-required">${talks.required}</strong> 人次</p>
    <dl>${figure('已谈', talks.held + talks.confirmed, 'talks-done')}${figure('其中已确认', talks.confirmed, 'talks-confirmed')}${figure('未谈', talks.pending, 'talks-pending')}</dl></div>
  <div class="card" id="card-items"><h2>意见清单</h2><p class="big">共 <strong id="items-total">${items.total}</strong> 条</p>
    <dl>${figure('草稿', items.draft)}${figure('已发布', items.published)}${figure('暂不列入', items.setAside)}${figure('已认领', items.claimed)}${figure('已答复', items.answered)}${figure('往年提过', progress.repeats.items, 'items-repeats')}${figure('已销号又提出', progress.repeats.closed, 'items-repeats-closed')}</dl>
    ${listLink(view)}</div>
</section>
<h2>时间节点</h2>
${table(['节点', '日期', '状态'], progress.deadlines.map((deadline) => [deadline.label, dayInWords(deadline.date), deadlineState(deadline, view.today)]), 'deadlines')}
<h2>意见建议按方面</h2>
${barChart({ id: 'chart-aspects', title: '意见建议按方面分布', bars: aspectBars(opinions.byAspect, meeting.aspects) })}
<h2>每日收到的意见建议</h2>
${lineChart({ id: 'chart-days', title: '每日收到的意见建议数', days: opinions.byDay })}
<h2>意见箱</h2>
${progress.boxes.length
  ? table(['意见箱', '已整理', '公开门槛', '状态'], progress.boxes.map((box) => [box.title, box.opinions, box.releaseThreshold, box.released ? '已整理公开' : '待首次整理']), 'boxes')
  : html`<p class="hint">尚未设置意见箱。</p>`}
<p class="hint" id="release-note">为保护匿名，意见箱和匿名征求意见表的意见不逐条显示：每天 ${view.releaseHours} 统一整理，每个意见箱凑满“公开门槛”的条数才一并计入本页各项数字；意见箱关闭时也会整理一次。</p>
<h2>征求意见表</h2>
${progress.surveys.length
  ? table(['征求意见表', '已发放', '已回收', '回收率'], progress.surveys.map((survey) => [survey.title, survey.tokensIssued, survey.responses, survey.responseRate === null ? '—' : `${Math.round(survey.responseRate * 100)}%`]), 'surveys')
  : html`<p class="hint">尚未发放征求意见表。</p>`}
<h2>班子成员</h2>
${table(
  ['姓名', '职务', '待谈话', '未认领', '未答复', '对照检查材料', '材料回应认领'],
  progress.members.map((member) => {
    const covered = view.coverage.get(member.userId);
    return [member.name, TEAM_ROLE_NAMES[member.role as TeamRole] ?? member.role, member.talksPending, member.itemsUnclaimed, member.itemsUnanswered, MATERIAL_STATUS_NAMES[member.materialStatus], covered && covered.claimed ? `${covered.answered}/${covered.claimed}` : '—'];
  }),
  'members',
)}
${progress.members.length ? html`<p id="team-material">领导班子对照检查材料：<strong>${MATERIAL_STATUS_NAMES[progress.teamMaterial]}</strong> <a href="/meetings/${view.meeting.id}/materials#team">查看材料</a></p>` : ''}
<h2>谈心谈话完成情况</h2>
${talkGrid(view.matrix)}`;
}

/** From the items' figures to the items: the published list for the 督导组, the review page for an organiser. */
function listLink(view: BoardPage): SafeHtml {
  if (view.viewer.roles.includes(Role.Organiser)) return html`<p class="more"><a href="/meetings/${view.meeting.id}/items" id="items-link">整理意见清单</a></p>`;
  return html`<p class="more"><a href="${publishedListPath(view.meeting.id)}" id="list-link">查看已发布的意见清单（含认领和答复）</a></p>`;
}

/** The meeting's own aspects in its order (none left out, a zero shows a gap), then 其他 and the like by count. */
function aspectBars(byAspect: Record<string, number>, aspects: readonly string[]): Array<{ label: string; value: number }> {
  const extra = Object.entries(byAspect)
    .filter(([aspect]) => !aspects.includes(aspect))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [...aspects.map((aspect) => ({ label: aspect, value: byAspect[aspect] ?? 0 })), ...extra.map(([label, value]) => ({ label, value }))];
}

/** 未到 / 今日 / 已过 / 逾期 (passed with its work undone). */
function deadlineState(deadline: ProgressView['deadlines'][number], today: string): SafeHtml {
  const [state, words] = deadline.overdue ? ['overdue', '逾期'] : deadline.passed ? ['passed', '已过'] : deadline.date === today ? ['today', '今日'] : ['future', '未到'];
  return html`<span class="state state-${state}">${words}</span>`;
}

function figure(label: string, value: number, id?: string): SafeHtml {
  return html`<div><dt>${label}</dt><dd${id ? html` id="${id}"` : ''}>${value}</dd></div>`;
}

function table(head: string[], rows: Array<Array<string | number | SafeHtml>>, id: string): SafeHtml {
  return html`<div class="table-wrap"><table id="${id}"><thead><tr>${head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, index) => (index === 0 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>`)}</tbody></table></div>`;
}

/*
 * On top of the workbench's styles. #board-scoped where the workbench styles the same element.
 * Each table scrolls in its own box (position: relative keeps its screen-reader-only labels in
 * that box too: placed against the page, they widened a phone's page to 739 px). Chart text is
 * in the chart's own units, which shrink with the page: narrow screens get larger units.
 */
const BOARD_STYLE = new SafeHtml(`
#board h2{font-size:1.1rem}
#board .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.75rem}
#board .cards .card{margin:0;padding:1rem}
#board .card h2{margin:0 0 .25rem;font-size:1rem;color:#57606a}
#board .card .big{font-size:1.1rem;margin:0 0 .5rem}
#board .card .big strong{font-size:1.8rem;color:#a61b1b}
#board .card dl{margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5rem,1fr));gap:.25rem .75rem}
#board .card dl div{display:flex;justify-content:space-between;border-bottom:1px dashed #eef1f4}
#board .card dt{color:#57606a}
#board .card dd{margin:0;font-weight:600}
#board .card .more{margin:.5rem 0 0;font-size:.9rem}
#board .table-wrap{position:relative;overflow-x:auto;max-width:100%;background:#fff;border-radius:.5rem;box-shadow:0 1px 2px rgba(0,0,0,.06)}
#board table{width:100%;border-collapse:collapse;font-size:.9rem}
#board th,#board td{padding:.45rem .6rem;border-bottom:1px solid #eef1f4;text-align:left;white-space:nowrap;font-size:.9rem}
#board thead th{background:#f6f7f9;color:#57606a;font-weight:600}
#board tbody th{color:#1f2328;font-weight:600}
#board td{font-variant-numeric:tabular-nums}
#board th .hint{display:block}
.state{font-weight:600}
.state-overdue{color:#b42318}
.state-today{color:#9a6700}
.state-passed{color:#57606a}
.state-future{color:#1a7f37}
.chart{display:block;box-sizing:border-box;width:100%;background:#fff;border-radius:.5rem;padding:.5rem;max-width:48rem}
.chart-label{font-size:14px;fill:#1f2328}
.chart-figure{font-size:13px;font-weight:600;fill:#1f2328}
.chart-axis{font-size:13px;fill:#57606a}
.chart-empty{font-size:14px;fill:#57606a}
.chart-bar{fill:#b42318}
.chart-grid{stroke:#eef1f4}
.chart-line{fill:none;stroke:#b42318;stroke-width:2}
.chart-dot{fill:#b42318}
@media (max-width:40rem){.chart-label,.chart-empty{font-size:24px}.chart-figure,.chart-axis{font-size:22px}.chart-line{stroke-width:3}}
@media (max-width:22.5rem){.chart-label,.chart-empty{font-size:28px}.chart-figure,.chart-axis{font-size:26px}}
#board .talk-grid td{text-align:center}
.talk-pending{background:#fdecea;color:#b42318}
.talk-overdue{font-weight:700}
.talk-held{background:#fff4ce;color:#7d4e00}
.talk-confirmed{background:#e6f4ea;color:#1a7f37}
.talk-none,.talk-self{background:#f6f7f9;color:#8c959f}
.legend{font-size:.85rem;color:#57606a}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:.2rem;vertical-align:-.1rem;margin-left:.5rem;border:1px solid #d0d7de}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
`);

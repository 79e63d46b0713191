import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { ItemDetailView, ItemSummaryView, SimilarPairView } from '../item.views';
import { isSupervision, itemCode, renderReviewItem, ReviewItemContext, ReviewProblem, STATE_NAMES } from './review-item';
import { renderReviewPairs } from './review-pairs';
import { REVIEW_STYLE } from './review-style';

export const REVIEW_SCRIPT_PATH = '/assets/review.js';

/** The list's filters, as the GET query names them. */
export interface ReviewFilters {
  aspect?: string;
  /** `team`, or a team member's user id. */
  target?: string;
  state?: string;
  /** Words to find in an item's summary or sources, or its number. */
  q?: string;
}

export interface ReviewPage {
  viewer: Viewer;
  meeting: { id: string; title: string };
  /** The meeting's aspects and 其他, in the meeting's order. */
  aspects: readonly string[];
  team: ReadonlyArray<{ userId: string; name: string }>;
  /** Every item on the list (filtered here, so the counts stay the whole list's). */
  items: ItemDetailView[];
  summary: ItemSummaryView;
  pairs: SimilarPairView[];
  /** Whether there are more 可能重复 pairs than shown. */
  morePairs: boolean;
  filters: ReviewFilters;
  /** The item whose edit form is open. */
  editing?: string;
  notice?: { text: string; undoMergeId?: string; undoItemCode?: string };
  problem?: ReviewProblem;
}

/**
 * 意见清单整理 (`/meetings/:id/items`): the organiser's review of the whole list, by aspect and
 * whom it concerns, with the 可能重复 pairs beside it and publishing at the top. Everything the
 * page script swaps after a form is inside `#review`.
 */
export function renderReviewPage(view: ReviewPage): string {
  return workbenchPage('意见清单', view.viewer, html`<h1>意见清单</h1>${renderReview(view)}`, {
    meeting: view.meeting,
    current: `/meetings/${view.meeting.id}/items`,
    style: REVIEW_STYLE,
    scripts: [REVIEW_SCRIPT_PATH],
  });
}

export function renderReview(view: ReviewPage): SafeHtml {
  const base = `/meetings/${view.meeting.id}/items`;
  const query = filterQuery(view.filters);
  const shown = view.items.filter(matches(view.filters));
  const drafts = view.items.filter((item) => item.status === 'draft').length;
  const context: ReviewItemContext = { base, query, aspects: view.aspects, team: view.team, problem: view.problem, editing: view.editing };
  const filtered = Object.values(view.filters).some(Boolean);
  return html`<div id="review">
<div id="review-notice" class="review-notice" tabindex="-1">${renderNotice(view, base, query)}${view.problem ? alert('error', view.problem.message) : ''}</div>
<div class="review-head">
<p class="figure-line">${view.summary.sentence}${view.summary.setAside ? `，另搁置${view.summary.setAside}条` : ''}。</p>
<p class="muted">草稿 ${drafts} 条 · 已发布 ${view.items.filter((item) => item.status === 'published').length} 条 · 可能重复 ${view.pairs.length}${view.morePairs ? '+' : ''} 对</p>
${renderRepeats(view, base)}
${drafts
  ? html`<form method="post" action="${base}/publish${query}" data-review class="publish"><button type="submit">发布 ${drafts} 条草稿</button>
<span class="hint">发布后，针对个人的意见交本人认领，针对班子的由班子成员认领。</span></form>`
  : html`<p class="hint">没有待发布的草稿。</p>`}
</div>
${renderFilters(view, base)}
<div class="review-layout">
<div class="review-list">
<p class="hint">每条意见下可展开原样：勾选其中说的是另一件事的，拆分为一条新的草稿（至少留下一条）；要并入另一条，填写那一条的编号。</p>
<p class="muted" id="shown-count">${filtered ? `符合条件的 ${shown.length} 条（共 ${view.items.length} 条）` : `共 ${view.items.length} 条`}${filtered ? html` · <a href="${base}">清除筛选</a>` : ''}</p>
${shown.length === 0 ? html`<p>${view.items.length ? '没有符合条件的意见。' : '还没有意见：意见箱、征求意见表、座谈会等收集的意见经整理后会出现在这里。'}</p>` : ''}
${groups(shown, view).map(
  ({ aspect, targets }) => html`<section class="aspect-group" aria-labelledby="aspect-${slug(aspect)}">
<h2 id="aspect-${slug(aspect)}">${aspect}<span class="tally">${targets.reduce((sum, target) => sum + target.items.length, 0)} 条</span></h2>
${targets.map(({ name, items }) => html`<h3>${name}<span class="tally">${items.length} 条</span></h3>${items.map((item) => renderReviewItem(item, context))}`)}
</section>`,
)}
</div>
${renderReviewPairs(view.pairs, view.morePairs, { base, query })}
</div>
<datalist id="merge-targets">${view.items.map((item) => html`<option value="${itemCode(item.id)}">${item.aspect} · ${item.target.name} · ${clip(item.summary, 40)}</option>`)}</datalist>
</div>`;
}

/**
 * 屡提屡犯: how many items say again what an earlier meeting's list said, and how many of those
 * were closed out (已销号) then — the question a 督导组 asks first. Set-aside items count apart.
 */
function renderRepeats(view: ReviewPage, base: string): SafeHtml {
  const repeats = view.items.filter((item) => item.repeatOf && item.status !== 'set-aside');
  if (repeats.length === 0) return html``;
  const closed = repeats.filter((item) => item.repeatOf!.closed).length;
  return html`<p class="repeats" id="repeat-count">往年提过的问题 <a href="${base}?state=repeat">${repeats.length} 条</a>${closed ? html`，其中已销号又被提出 <a href="${base}?state=repeat-closed"><strong>${closed} 条</strong></a>` : ''}：整改是否真正到位，请对照往年台账。</p>`;
}

function renderNotice(view: ReviewPage, base: string, query: string): SafeHtml {
  const notice = view.notice;
  if (!notice) return html``;
  if (!notice.undoMergeId) return alert('notice', notice.text);
  return html`<div class="alert notice" role="status">${notice.text}
<form method="post" action="${base}/merges/${notice.undoMergeId}/undo${query}" data-review class="inline"><button type="submit" class="small quiet">撤销合并</button></form></div>`;
}

function renderFilters(view: ReviewPage, base: string): SafeHtml {
  const { aspect, target, state, q } = view.filters;
  return html`<form method="get" action="${base}" class="filters" role="search" aria-label="筛选意见">
<div class="row">
<label>方面 <select name="aspect"><option value="">全部</option>${view.aspects.map((each) => html`<option value="${each}"${each === aspect ? html` selected` : ''}>${each}</option>`)}</select></label>
<label>针对 <select name="target"><option value="">全部</option><option value="team"${target === 'team' ? html` selected` : ''}>班子</option>${view.team.map((member) => html`<option value="${member.userId}"${member.userId === target ? html` selected` : ''}>${member.name}</option>`)}</select></label>
<label>状态 <select name="state"><option value="">全部</option>${Object.entries(STATE_NAMES).map(([value, name]) => html`<option value="${value}"${value === state ? html` selected` : ''}>${name}</option>`)}<option value="supervision"${state === 'supervision' ? html` selected` : ''}>上级或督导组指出</option><option value="repeat"${state === 'repeat' ? html` selected` : ''}>往年提过</option><option value="repeat-closed"${state === 'repeat-closed' ? html` selected` : ''}>已销号又被提出</option></select></label>
<label>查找 <input type="search" name="q" value="${q ?? ''}" placeholder="意见中的文字或编号"></label>
<div><button type="submit" class="quiet">筛选</button></div>
</div>
</form>`;
}

/** The filters as a query string for the forms' addresses (so a form comes back to the same view), or ''. */
export function filterQuery(filters: ReviewFilters): string {
  const entries = Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

function matches(filters: ReviewFilters): (item: ItemDetailView) => boolean {
  const words = filters.q?.trim().toLowerCase();
  return (item) =>
    (!filters.aspect || item.aspect === filters.aspect) &&
    (!filters.target || (item.target.id ?? 'team') === filters.target) &&
    (!filters.state ||
      item.status === filters.state ||
      (filters.state === 'supervision' && isSupervision(item)) ||
      (filters.state === 'repeat' && item.repeatOf !== null) ||
      (filters.state === 'repeat-closed' && item.repeatOf?.closed === true)) &&
    (!words ||
      item.id.startsWith(words) ||
      item.summary.toLowerCase().includes(words) ||
      (item.setAsideReason ?? '').toLowerCase().includes(words) ||
      item.sources.some((source) => source.text.toLowerCase().includes(words)));
}

/** By aspect (the meeting's order, then any other), then the team before each member (the team's order). */
function groups(items: ItemDetailView[], view: ReviewPage): Array<{ aspect: string; targets: Array<{ name: string; items: ItemDetailView[] }> }> {
  const aspectOrder = new Map(view.aspects.map((aspect, index) => [aspect, index]));
  const targetOrder = new Map<string, number>([['team', -1], ...view.team.map((member, index): [string, number] => [member.userId, index])]);
  const byAspect = new Map<string, Map<string, { name: string; items: ItemDetailView[] }>>();
  for (const item of items) {
    const targets = byAspect.get(item.aspect) ?? byAspect.set(item.aspect, new Map()).get(item.aspect)!;
    const key = item.target.id ?? 'team';
    const group = targets.get(key) ?? targets.set(key, { name: item.target.id ? item.target.name || '（已不在班子中的成员）' : '班子', items: [] }).get(key)!;
    group.items.push(item);
  }
  const rank = (order: Map<string, number>, key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...byAspect]
    .sort(([a], [b]) => rank(aspectOrder, a) - rank(aspectOrder, b) || a.localeCompare(b))
    .map(([aspect, targets]) => ({ aspect, targets: [...targets].sort(([a], [b]) => rank(targetOrder, a) - rank(targetOrder, b)).map(([, group]) => group) }));
}

function slug(aspect: string): string {
  return encodeURIComponent(aspect).replace(/%/g, '');
}

function clip(text: string, length: number): string {
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}

import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { CHANNEL_NAMES, ItemDetailView, RepeatOfView, SourceView } from '../item.views';
import { askedLines } from './asked-lines';

/** What every item of the review page shares: where its forms post, the choices they offer, the problem to show. */
export interface ReviewItemContext {
  /** `/meetings/:id/items`. */
  base: string;
  /** The page's filters as a query string (`?aspect=…`, or ''): forms post with it and come back to the same view. */
  query: string;
  aspects: readonly string[];
  team: ReadonlyArray<{ userId: string; name: string }>;
  problem?: ReviewProblem;
  /** The item whose edit form is open (`?edit=`): one at a time, so that several hundred items do not each carry one. */
  editing?: string;
}

/** A refusal, shown above the list (it stays in view) and beside its item, with what was typed there. */
export interface ReviewProblem {
  itemId?: string;
  message: string;
  values: Record<string, unknown>;
}

export const STATE_NAMES: Record<string, string> = { draft: '草稿', published: '已发布', 'set-aside': '已搁置' };
const STATE_BADGES: Record<string, string> = { draft: 'warn', published: 'ok', 'set-aside': 'bad' };

/** The short number an item goes by on the page (its id's first 8 characters): typed into another item's merge field. */
export function itemCode(id: string): string {
  return id.slice(0, 8);
}

export function isSupervision(item: ItemDetailView): boolean {
  return item.channels.includes('supervision');
}

/**
 * One item of the review list: its words, state, sources (原样) and the organiser's actions.
 * Every action is a form of its own (`data-review`: the page script posts it without a reload).
 */
export function renderReviewItem(item: ItemDetailView, context: ReviewItemContext): SafeHtml {
  const problem = context.problem?.itemId === item.id ? context.problem : undefined;
  const typed = (name: string): string | undefined => {
    const value = problem?.values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const action = (what: string) => `${context.base}/${item.id}/${what}${context.query}`;
  const supervision = isSupervision(item);
  const lead = item.claims.find((claim) => claim.kind === 'lead');
  return html`<section class="review-item${supervision ? ' supervision' : ''}" id="item-${item.id}" tabindex="-1">
<p class="summary">${item.summary}</p>
<p class="meta"><span class="badge ${STATE_BADGES[item.status] ?? ''}">${STATE_NAMES[item.status] ?? item.status}</span>
${supervision ? html`<span class="badge supervision">上级或督导组指出</span>` : ''}
${item.repeatOf ? repeatBadge(item.repeatOf) : ''}
<span>编号 <code>${itemCode(item.id)}</code></span>
<span>来源 ${item.sourceCount} 条</span>
${supervision ? '' : html`<span>${item.channels.map((channel) => CHANNEL_NAMES[channel] ?? channel).join('、')}</span>`}
${item.claims.length ? html`<span>认领：${lead ? html`${lead.name}（牵头）` : ''}${item.claims.filter((claim) => claim.kind === 'joint').map((claim) => `、${claim.name}`)}</span>` : ''}</p>
${item.repeatOf ? html`<p class="repeat-of">${item.repeatOf.year}年意见清单中的这一条：${item.repeatOf.summary}</p>` : ''}
${item.status === 'set-aside' ? html`<p class="reason">搁置理由：${item.setAsideReason ?? ''}</p>` : ''}
${problem ? html`<p class="alert error">${problem.message}</p>` : ''}
${item.sources.length ? renderSources(item, action('split'), action('questions'), problem) : ''}
${context.editing === item.id || typed('summary') !== undefined
  ? html`<form method="post" action="${action('edit')}" data-review class="edit">
<label for="summary-text-${item.id}">意见表述</label>
<textarea id="summary-text-${item.id}" name="summary" required maxlength="2000" rows="3">${typed('summary') ?? item.summary}</textarea>
<div class="row">
<label>方面 <select name="aspect">${context.aspects.map((aspect) => option(aspect, aspect, (typed('aspect') ?? item.aspect) === aspect))}</select></label>
<label>针对 <select name="target">${option('team', '班子', (typed('target') ?? item.target.id ?? 'team') === 'team')}${context.team.map((member) => option(member.userId, member.name, (typed('target') ?? item.target.id) === member.userId))}</select></label>
</div>
<button type="submit" class="small">保存修改</button> <a href="${context.base}${context.query}#item-${item.id}" data-review-link>取消</a>
</form>`
  : html`<p class="edit-link"><a href="${context.base}${context.query ? `${context.query}&` : '?'}edit=${item.id}#item-${item.id}" data-review-link>修改文字、方面或针对对象</a></p>`}
<div class="actions">
<form method="post" action="${action('merge')}" data-review class="inline-field">
<label for="into-${item.id}">并入另一条（填写其编号）</label>
<input id="into-${item.id}" name="intoItemId" list="merge-targets" required autocomplete="off" spellcheck="false" value="${typed('intoItemId') ?? ''}">
<button type="submit" class="small">合并</button>
</form>
${item.status === 'set-aside'
  ? html`<form method="post" action="${action('restore')}" data-review class="inline-field"><button type="submit" class="small quiet">恢复到清单</button></form>`
  : html`<form method="post" action="${action('set-aside')}" data-review class="inline-field">
<label for="reason-${item.id}">搁置理由</label>
<input id="reason-${item.id}" name="reason" required maxlength="500" value="${typed('reason') ?? ''}">
<button type="submit" class="small quiet">搁置</button>
</form>`}
</div>
</section>`;
}

/** 原样: the words as written, with channel and day only; with two or more, ticking some splits them off. */
function renderSources(item: ItemDetailView, splitAction: string, askAction: string, problem: ReviewProblem | undefined): SafeHtml {
  const ticked = new Set([problem?.values.sourceIds ?? []].flat());
  const asking = typeof problem?.values.opinionId === 'string' ? problem.values.opinionId : undefined;
  const list = (tickable: boolean) =>
    html`<ul class="sources">${item.sources.map(
      (source) =>
        html`<li>${tickable ? html`<label><input type="checkbox" name="sourceIds" value="${source.id}"${ticked.has(source.id) ? html` checked` : ''}> ` : ''}${source.text}<span class="hint">（${CHANNEL_NAMES[source.channel] ?? source.channel}，${dayInWords(source.day)}）</span>${tickable ? html`</label>` : ''}
${renderQuestions(source, asking === source.id ? problem : undefined)}</li>`,
    )}</ul>`;
  // 追问 forms cannot sit inside the split form: each is its own (empty) form after it, its fields
  // tied to it by the `form` attribute, so both work without the script.
  const askForms = item.sources
    .filter(askable)
    .map((source) => html`<form method="post" action="${askAction}" data-review id="ask-${source.id}" class="ask-form" hidden><input type="hidden" name="opinionId" value="${source.id}"></form>`);
  if (item.sources.length < 2) return html`<details class="sources"${asking ? html` open` : ''}><summary>原样 ${item.sources.length} 条${askedCount(item)}</summary>${list(false)}${askForms}</details>`;
  return html`<details class="sources"${ticked.size || asking ? html` open` : ''}><summary>原样 ${item.sources.length} 条${askedCount(item)}</summary>
<form method="post" action="${splitAction}" data-review>
${list(true)}
<button type="submit" class="small quiet">拆分为新意见</button>
</form>${askForms}</details>`;
}

/** "· 追问 N" after the sources' count, so a question asked shows with the list folded. */
function askedCount(item: ItemDetailView): string {
  const asked = item.sources.reduce((sum, source) => sum + (source.questions?.length ?? 0), 0);
  return asked ? ` · 追问 ${asked}` : '';
}

/**
 * Only an opinion through a box holds a receipt (回执码), so only its writer can read a question;
 * the API refuses others (409 NO_RECEIPT) in any case.
 */
function askable(source: SourceView): boolean {
  return source.channel === 'box';
}

/**
 * 追问 beside an anonymous source: the questions asked, each reply once a release passed it on
 * (dated with that release's day: never when it was written), and the form to ask another.
 */
function renderQuestions(source: SourceView, problem: ReviewProblem | undefined): SafeHtml {
  const typed = typeof problem?.values.text === 'string' ? problem.values.text : '';
  return html`${askedLines(source.questions)}
${askable(source)
  ? html`<details class="ask"${problem ? html` open` : ''}><summary>追问</summary>
<label for="ask-text-${source.id}">向写这条意见的人追问（对方凭回执码看到，您看不到对方是谁）</label>
<textarea id="ask-text-${source.id}" name="text" form="ask-${source.id}" required maxlength="500" rows="2">${typed}</textarea>
<button type="submit" form="ask-${source.id}" class="small">发出追问</button>
</details>`
  : ''}`;
}

/** 往年提过: the earlier meeting's year, and whether its entry was closed out (已销号) — closed, yet raised again. */
export function repeatBadge(repeatOf: RepeatOfView): SafeHtml {
  return html`<span class="badge ${repeatOf.closed ? 'repeat-closed' : 'repeat'}" title="${repeatOf.year}年：${repeatOf.summary}">往年提过：${repeatOf.year}年 · ${repeatOf.closed ? '已销号' : '未销号'}</span>`;
}

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

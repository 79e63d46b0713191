import { OTHER_ASPECT } from '../../meetings/aspect-presets';
import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { Viewer, workbenchPage } from '../../web/workbench';
import { CHANNEL_NAMES, ItemView } from '../item.views';
import { repeatBadge } from './review-item';

export interface PublishedListPage {
  viewer: Viewer;
  meeting: { id: string; title: string; aspects: string[] };
  items: ItemView[];
}

/**
 * 意见清单 as published (`/meetings/:id/list`), read-only, for the 督导组 and the organiser: the
 * items by aspect, who claimed each, and the lead's answer (问题认识, 整改措施, 整改时限).
 */
export function renderPublishedList(view: PublishedListPage): string {
  const { meeting, items } = view;
  const groups = byAspect(items, meeting.aspects);
  const led = items.filter((item) => lead(item)).length;
  const answered = items.filter((item) => lead(item)?.answer).length;
  const repeats = items.filter((item) => item.repeatOf);
  const closedBefore = repeats.filter((item) => item.repeatOf!.closed).length;
  return workbenchPage(`意见清单 - ${meeting.title}`, view.viewer, html`
<h1>意见清单</h1>
<p class="lead">已发布 ${groups.length} 个方面共 ${items.length} 条意见：已有人牵头认领 ${led} 条，已答复 ${answered} 条，尚无人牵头 ${items.length - led} 条。本页只读。</p>
${repeats.length ? html`<p class="repeats">其中往年提过的问题 ${repeats.length} 条${closedBefore ? `，已销号又被提出 ${closedBefore} 条` : ''}（标有“往年提过”）。</p>` : ''}
${items.length === 0 ? html`<p>意见清单尚未发布。</p>` : ''}
${groups.length > 1 ? html`<nav class="aspects" aria-label="方面">${groups.map(([aspect, list], index) => html`<a href="#aspect-${index + 1}">${aspect}（${list.length}）</a>`)}</nav>` : ''}
${groups.map(([aspect, list], index) => html`<h2 class="aspect" id="aspect-${index + 1}">${aspect}（${list.length} 条）</h2>
${list.map((item) => renderItem(item))}`)}`, { meeting, current: `/meetings/${meeting.id}/list`, style: STYLE });
}

function lead(item: ItemView) {
  return item.claims.find((claim) => claim.kind === 'lead');
}

/** The meeting's aspects in its own order, then any other (其他 last). */
function byAspect(items: ItemView[], aspects: string[]): Array<[string, ItemView[]]> {
  const order = (aspect: string) => (aspect === OTHER_ASPECT ? aspects.length + 1 : aspects.includes(aspect) ? aspects.indexOf(aspect) : aspects.length);
  const groups = new Map<string, ItemView[]>();
  for (const item of items) groups.set(item.aspect, [...(groups.get(item.aspect) ?? []), item]);
  return [...groups].sort(([a], [b]) => order(a) - order(b));
}

function renderItem(item: ItemView): SafeHtml {
  const leader = lead(item);
  const joint = item.claims.filter((claim) => claim.kind === 'joint').map((claim) => claim.name);
  const answer = leader?.answer;
  return html`<section class="item" id="item-${item.id}">
  <p class="summary">${item.summary}</p>
  ${item.repeatOf ? html`<p class="hint">${repeatBadge(item.repeatOf)} ${item.repeatOf.year}年意见清单中的这一条：${item.repeatOf.summary}</p>` : ''}
  <p class="hint">针对：${item.target.name} · 来源：${item.channels.map((channel) => CHANNEL_NAMES[channel] ?? channel).join('、')}${item.sourceCount ? ` · 原始意见 ${item.sourceCount} 条` : ''}</p>
  <p class="claims">${leader ? html`牵头认领：${leader.name}` : html`<span class="badge warn">尚无人牵头认领</span>`}${joint.length ? html`；联合认领：${joint.join('、')}` : ''}
    ${leader ? (answer ? html`<span class="badge ok">已答复</span>` : html`<span class="badge warn">尚未答复</span>`) : ''}</p>
  ${answer
    ? html`<dl class="reply">
    <dt>问题认识</dt><dd>${answer.reflection}</dd>
    <dt>整改措施</dt><dd>${answer.measures}</dd>
    <dt>整改时限</dt><dd>${answer.dueDate ? dayInWords(answer.dueDate) : '未填写'}</dd>
  </dl>`
    : ''}
</section>`;
}

const STYLE = new SafeHtml(`
.badge.repeat{background:#f6f8fa;color:#57606a;border:1px solid #d0d7de}
.badge.repeat-closed{background:#ffebe9;color:#a61b1b;border:1px solid #f5b5b0}
.aspects{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}
.reply{margin:.5rem 0 0;padding:.5rem .75rem;border-left:4px solid #b42318;background:#fbfbfc}
.reply dt{font-weight:600;font-size:.9rem;color:#57606a}
.reply dd{margin:0 0 .5rem;white-space:pre-wrap}
`);

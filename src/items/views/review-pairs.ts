import { html, SafeHtml } from '../../web/html';
import { ItemView, SimilarPairView } from '../item.views';

/**
 * 可能重复: the pairs beside the list (below it on a phone), most similar first. Each pair shows
 * the item that stays first and the one that would go into it; one button merges them (undone
 * like any merge), the other says they differ, so the pair is not put again.
 */
export function renderReviewPairs(pairs: readonly SimilarPairView[], more: boolean, { base, query }: { base: string; query: string }): SafeHtml {
  return html`<aside class="review-pairs" id="pairs" aria-labelledby="pairs-title">
<h2 id="pairs-title">可能重复<span class="tally">${pairs.length}${more ? '+' : ''} 对</span></h2>
${pairs.length === 0
  ? html`<p class="hint">没有说法相近、尚待判断的意见。</p>`
  : html`<p class="hint">说法相近的两条意见：合并后可以撤销；说的是不同的事，就点“不是重复”，这一对不再提示。${more ? '处理完这些后会显示其余的。' : ''}</p>
<ol class="pairs">${pairs.map((pair) => renderPair(pair, base, query))}</ol>`}
</aside>`;
}

function renderPair(pair: SimilarPairView, base: string, query: string): SafeHtml {
  const into = pair.items.find((item) => item.id === pair.merge.intoItemId)!;
  const from = pair.items.find((item) => item.id === pair.merge.itemId)!;
  return html`<li class="pair" id="pair-${from.id}-${into.id}">
${pairItem(into, '保留')}
${pairItem(from, '并入')}
<p class="hint">针对：${into.target.id ? into.target.name : '班子'}</p>
<div class="pair-actions">
<form method="post" action="${base}/${from.id}/merge${query}" data-review class="inline"><input type="hidden" name="intoItemId" value="${into.id}"><button type="submit" class="small">合并这两条</button></form>
<form method="post" action="${base}/${from.id}/distinct${query}" data-review class="inline"><input type="hidden" name="otherItemId" value="${into.id}"><button type="submit" class="small quiet">不是重复</button></form>
</div>
</li>`;
}

function pairItem(item: ItemView, role: string): SafeHtml {
  return html`<p class="pair-item"><span class="badge">${role}</span> <a href="#item-${item.id}">${item.summary}</a> <span class="hint">（${item.aspect}，来源 ${item.sourceCount} 条）</span></p>`;
}

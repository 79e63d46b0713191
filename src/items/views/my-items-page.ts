import { CHANNEL_NAMES, ItemDetailView } from '../item.views';
import { html, SafeHtml } from '../../web/html';
import { alert, page } from '../../web/layout';

export interface MyItemsPage {
  name: string;
  userId: string;
  meetings: Array<{ id: string; title: string; items: ItemDetailView[] }>;
  /** A refusal to show beside one item, with what was typed there. */
  problem?: { itemId: string; message: string; values?: { reflection?: string; measures?: string; dueDate?: string } };
  notice?: string;
}

/** 我的意见清单: the items published to me or to the team, by meeting and aspect; claim and answer here. */
export function renderMyItems(view: MyItemsPage): string {
  const count = view.meetings.reduce((sum, meeting) => sum + meeting.items.length, 0);
  return page('我的意见清单', html`
<h1>我的意见清单</h1>
<p class="lead">${view.name}，以下是发布给您本人和班子整体的意见，共 ${count} 条。请逐条认领：针对您本人的由您牵头，针对班子整体的由一位班子成员牵头、其他同志可联合认领。</p>
${alert('notice', view.notice)}
${count === 0 ? html`<p>暂无已发布的意见。</p>` : ''}
${view.meetings.map((meeting) => html`<h2>${meeting.title}</h2>${byAspect(meeting.items).map(([aspect, items]) => html`
<h3 class="aspect">${aspect}（${items.length} 条）</h3>
${items.map((item) => renderItem(item, view))}`)}`)}
<form method="post" action="/logout"><button id="logout" type="submit" class="secondary">退出登录</button></form>`);
}

function byAspect(items: ItemDetailView[]): Array<[string, ItemDetailView[]]> {
  const groups = new Map<string, ItemDetailView[]>();
  for (const item of items) groups.set(item.aspect, [...(groups.get(item.aspect) ?? []), item]);
  return [...groups];
}

function renderItem(item: ItemDetailView, view: MyItemsPage): SafeHtml {
  const lead = item.claims.find((claim) => claim.kind === 'lead');
  const mine = item.claims.find((claim) => claim.memberUserId === view.userId);
  const joint = item.claims.filter((claim) => claim.kind === 'joint');
  const problem = view.problem?.itemId === item.id ? view.problem : undefined;
  const values = problem?.values ?? {};
  const answer = lead?.answer;
  return html`<section class="item" id="item-${item.id}">
  <p class="summary">${item.summary}</p>
  <p class="hint">针对：${item.target.id === view.userId ? '本人' : item.target.name} · 来源：${item.channels.map((channel) => CHANNEL_NAMES[channel] ?? channel).join('、')}</p>
  ${item.sources.length ? html`<details><summary>原始意见 ${item.sources.length} 条</summary><ul class="sources">${item.sources.map((source) => html`<li>${source.text}<span class="hint">（${CHANNEL_NAMES[source.channel] ?? source.channel}，${source.day}）</span></li>`)}</ul></details>` : ''}
  <p class="claims">${lead ? html`牵头认领：${lead.name}` : html`<strong>尚无人牵头认领</strong>`}${joint.length ? html`；联合认领：${joint.map((claim) => claim.name).join('、')}` : ''}</p>
  ${problem ? alert('error', problem.message) : ''}
  ${!mine
    ? html`<form class="claim" method="post" action="/me/items/${item.id}/claim">
    ${lead ? '' : html`<button type="submit" name="kind" value="lead">牵头认领</button>`}
    ${item.target.id === null ? html`<button type="submit" name="kind" value="joint" class="secondary">联合认领</button>` : ''}
  </form>`
    : ''}
  ${answer ? html`<div class="answer">问题认识：${answer.reflection}
整改措施：${answer.measures}${answer.dueDate ? `\n整改时限：${answer.dueDate}` : ''}</div>` : ''}
  ${mine?.kind === 'lead'
    ? html`<form class="answer-form" method="post" action="/me/items/${item.id}/answer">
    <label for="reflection-${item.id}">问题认识</label>
    <textarea id="reflection-${item.id}" name="reflection" required data-max="5000">${values.reflection ?? answer?.reflection ?? ''}</textarea>
    <label for="measures-${item.id}">整改措施</label>
    <textarea id="measures-${item.id}" name="measures" required data-max="5000">${values.measures ?? answer?.measures ?? ''}</textarea>
    <label for="due-${item.id}">整改时限 <span class="hint">（可不填）</span></label>
    <input id="due-${item.id}" name="dueDate" type="date" value="${values.dueDate ?? answer?.dueDate ?? ''}">
    <button type="submit">${answer ? '更新答复' : '提交答复'}</button>
  </form>`
    : ''}
</section>`;
}

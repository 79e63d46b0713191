import { OTHER_ASPECT } from '../../meetings/aspect-presets';
import { CHANNEL_NAMES, ClaimAnswerView, ItemDetailView } from '../item.views';
import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { alert } from '../../web/layout';
import { askedLines } from './asked-lines';
import { Viewer, workbenchPage } from '../../web/workbench';

export interface MyItemsPage {
  viewer: Viewer;
  /** The meetings the viewer sits on; the secretary (主要负责同志) also sees the team's claims. */
  meetings: Array<{ id: string; title: string; isSecretary: boolean; items: ItemDetailView[] }>;
  /** A refusal to show beside one item, with what was typed there. */
  problem?: { itemId: string; message: string; values?: { reflection?: string; measures?: string; dueDate?: string } };
  notice?: string;
}

/** 我的意见清单: the items published to me or to the team, by meeting and aspect; claim and answer here. */
export function renderMyItems(view: MyItemsPage): string {
  const count = view.meetings.reduce((sum, meeting) => sum + meeting.items.length, 0);
  return workbenchPage('我的意见清单', view.viewer, html`
<h1>我的意见清单</h1>
<p class="lead">${view.viewer.name}，以下是发布给您本人和班子整体的意见，共 ${count} 条。请逐条认领：针对您本人的由您牵头，针对班子整体的由一位班子成员牵头、其他同志可联合认领。答复之前，认领错了可以放弃。</p>
${alert('notice', view.notice)}
${view.problem && !view.meetings.some((meeting) => meeting.items.some((item) => item.id === view.problem!.itemId)) ? alert('error', view.problem.message) : ''}
${count === 0 ? html`<p class="card">暂无已发布的意见。组织部门整理并发布意见清单后，发给您本人和班子整体的意见会列在这里，请届时逐条认领。</p>` : ''}
${view.meetings.map((meeting) => html`<h2>${meeting.title}</h2>
${meeting.isSecretary ? html`<p class="hint"><a href="/meetings/${meeting.id}/claims">班子成员的认领情况，分配无人牵头的意见</a></p>` : ''}
${byAspect(meeting.items).map(([aspect, items]) => html`
<h3 class="aspect">${aspect}（${items.length} 条）</h3>
${items.map((item) => renderItem(item, view))}`)}`)}`, { current: '/me/items', style: ITEMS_STYLE });
}

/**
 * 放弃认领's confirmation (`/me/items/:id/release`): a page of its own, the pages running no inline
 * script; its one button posts the release.
 */
export function renderReleaseConfirmation(viewer: Viewer, item: ItemDetailView, meetingTitle: string): string {
  const mine = item.claims.find((claim) => claim.memberUserId === viewer.userId);
  return workbenchPage('放弃认领', viewer, html`
<h1>确定放弃认领这条意见吗？</h1>
<section class="item" id="item-${item.id}">
  <p class="hint">${meetingTitle} · ${item.aspect} · 针对：${item.target.id === viewer.userId ? '本人' : item.target.name}</p>
  <p class="summary">${item.summary}</p>
  <p>${mine?.kind === 'joint'
    ? '放弃后，您不再是这条意见的联合认领人。'
    : item.target.id === null
      ? '放弃后，这条意见将显示为“尚无人牵头认领”，可以由班子成员牵头认领或由主要负责同志分配；联合认领的同志不受影响。'
      : '放弃后，这条意见将显示为“尚无人牵头认领”。'}您可以再次认领。</p>
  <form method="post" action="/me/items/${item.id}/release">
    <button type="submit" id="confirm-release">确定放弃认领</button>
    <a class="button quiet" href="/me/items#item-${item.id}">不放弃，返回</a>
  </form>
</section>`, { current: '/me/items', style: ITEMS_STYLE });
}

/** On the workbench: the item's forms without the public pages' full-width buttons. */
const ITEMS_STYLE = new SafeHtml(`
.item .actions{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.item a.button.quiet{background:#eef1f4;color:#1f2328;border:1px solid #c9ced6;font-weight:400}
.wb .item .answer-form button{display:block}
.item .edit-answer{margin-top:.5rem}
.item .edit-answer summary{cursor:pointer;color:#0969da;display:inline-block;padding:.25rem 0}
`);

/** By aspect, in the order the items come, with 其他 last (as the published list has it). */
function byAspect(items: ItemDetailView[]): Array<[string, ItemDetailView[]]> {
  const groups = new Map<string, ItemDetailView[]>();
  for (const item of items) groups.set(item.aspect, [...(groups.get(item.aspect) ?? []), item]);
  return [...groups].sort(([a], [b]) => Number(a === OTHER_ASPECT) - Number(b === OTHER_ASPECT));
}

function renderItem(item: ItemDetailView, view: MyItemsPage): SafeHtml {
  const lead = item.claims.find((claim) => claim.kind === 'lead');
  const mine = item.claims.find((claim) => claim.memberUserId === view.viewer.userId);
  const joint = item.claims.filter((claim) => claim.kind === 'joint');
  const userId = view.viewer.userId;
  const problem = view.problem?.itemId === item.id ? view.problem : undefined;
  const values = problem?.values ?? {};
  const answer = lead?.answer;
  return html`<section class="item" id="item-${item.id}">
  <p class="summary">${item.summary}</p>
  <p class="hint">针对：${item.target.id === userId ? '本人' : item.target.name} · 来源：${item.channels.map((channel) => CHANNEL_NAMES[channel] ?? channel).join('、')}</p>
  ${item.sources.length ? html`<details><summary>原始意见 ${item.sources.length} 条</summary><ul class="sources">${item.sources.map((source) => html`<li>${source.text}<span class="hint">（${CHANNEL_NAMES[source.channel] ?? source.channel}，${dayInWords(source.day)}）</span>${askedLines(source.questions)}</li>`)}</ul></details>` : ''}
  <p class="claims">${lead ? html`牵头认领：${lead.name}${answer ? html` <span class="badge ok">已答复</span>` : ''}` : html`<span class="badge warn">尚无人牵头认领</span>`}${joint.length ? html`；联合认领：${joint.map((claim) => claim.name).join('、')}` : ''}</p>
  ${problem ? alert('error', problem.message) : ''}
  ${!mine
    ? html`<form class="claim" method="post" action="/me/items/${item.id}/claim">
    ${lead ? '' : html`<button type="submit" name="kind" value="lead">牵头认领</button>`}
    ${item.target.id === null ? html`<button type="submit" name="kind" value="joint" class="quiet">联合认领</button>` : ''}
  </form>`
    : ''}
  ${mine && !answer
    ? html`<p class="actions"><span class="hint">您已${mine.kind === 'lead' ? '牵头' : '联合'}认领。</span><a class="button quiet small release" href="/me/items/${item.id}/release">放弃认领</a></p>`
    : ''}
  ${answer ? html`<div class="answer">问题认识：${answer.reflection}
整改措施：${answer.measures}${answer.dueDate ? `\n整改时限：${dayInWords(answer.dueDate)}` : ''}</div>` : ''}
  ${mine?.kind === 'lead' && answer && !problem
    ? html`<details class="edit-answer"><summary>修改答复</summary>${answerForm(item, values, answer)}</details>`
    : mine?.kind === 'lead'
      ? answerForm(item, values, answer)
      : ''}
</section>`;
}

/** 问题认识, 整改措施, 整改时限: what was typed (after a refusal), else the answer so far. */
function answerForm(item: ItemDetailView, values: { reflection?: string; measures?: string; dueDate?: string }, answer: ClaimAnswerView | null | undefined): SafeHtml {
  return html`<form class="answer-form" method="post" action="/me/items/${item.id}/answer">
    <label for="reflection-${item.id}">问题认识</label>
    <textarea id="reflection-${item.id}" name="reflection" required data-max="5000">${values.reflection ?? answer?.reflection ?? ''}</textarea>
    <label for="measures-${item.id}">整改措施</label>
    <textarea id="measures-${item.id}" name="measures" required data-max="5000">${values.measures ?? answer?.measures ?? ''}</textarea>
    <label for="due-${item.id}">整改时限 <span class="hint">（可不填）</span></label>
    <input id="due-${item.id}" name="dueDate" type="date" value="${values.dueDate ?? answer?.dueDate ?? ''}">
    <button type="submit">${answer ? '更新答复' : '提交答复'}</button>
  </form>`;
}

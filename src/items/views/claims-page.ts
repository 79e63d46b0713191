import { Role } from '../../common/roles';
import { TEAM_ROLE_NAMES } from '../../meetings/team-member.entity';
import { dayInWords } from '../../web/dates';
import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { ClaimsBoard, MemberClaims } from '../claims.service';
import { ItemView } from '../item.views';

export interface ClaimsPage {
  viewer: Viewer;
  board: ClaimsBoard;
  notice?: string;
  /** A refused assignment, shown beside its item. */
  problem?: { itemId: string; message: string };
}

/**
 * 认领与答复 (`/meetings/:id/claims`): who claimed what and answered, the items nobody leads with
 * the claim deadline, and, for the secretary, a form beside each team item to assign it.
 */
export function renderClaimsPage(view: ClaimsPage): string {
  const { board, viewer } = view;
  const led = board.published - board.unled.length;
  const unplaced = view.problem && !board.unled.some((item) => item.id === view.problem!.itemId);
  // The meeting's tabs are the organiser's; the secretary reaches this page from their own list.
  const organiser = viewer.roles.includes(Role.Organiser);
  return workbenchPage(`认领与答复 - ${board.meeting.title}`, viewer, html`
<h1>认领与答复</h1>
${organiser ? '' : html`<p class="hint">${board.meeting.title} · <a href="/me/items">返回我的意见清单</a></p>`}
<p class="lead">已发布意见 ${board.published} 条：已有人牵头认领 ${led} 条，已答复 ${board.answered} 条，无人牵头 ${board.unled.length} 条。${deadlineWords(board)}</p>
${alert('notice', view.notice)}
${unplaced ? alert('error', view.problem!.message) : ''}
<section class="card" id="members">
  <h2>班子成员的认领</h2>
  <div class="table-wrap"><table>
    <thead><tr><th>班子成员</th><th>牵头认领</th><th>已答复</th><th>未答复</th><th>联合认领</th></tr></thead>
    <tbody>${board.team.map((member) => memberRow(member))}</tbody>
  </table></div>
  ${board.team.filter((member) => member.claims.length > 0).map((member) => memberDetails(member))}
</section>
<section class="card" id="unled">
  <h2>无人牵头认领的意见（${board.unled.length} 条）</h2>
  <p class="hint">针对某位班子成员的意见由本人认领；针对班子整体的意见可由班子成员牵头认领，${board.canAssign ? '也可以在这里分配给一位班子成员牵头。' : '或由主要负责同志分配。'}</p>
  ${board.unled.length === 0
    ? html`<p>每条已发布的意见都已有人牵头认领。</p>`
    : html`<ul class="unled">${board.unled.map((item) => unledItem(item, view))}</ul>`}
</section>
${organiser ? html`<p><a href="/meetings/${board.meeting.id}/list">已发布的意见清单及答复（只读）</a></p>` : ''}`,
  organiser ? { meeting: board.meeting, current: `/meetings/${board.meeting.id}/claims`, style: STYLE } : { current: '/me/items', style: STYLE });
}

function memberRow(member: MemberClaims): SafeHtml {
  const leads = member.claims.filter((claim) => claim.kind === 'lead');
  const answered = leads.filter((claim) => claim.answered).length;
  const joint = member.claims.length - leads.length;
  return html`<tr id="member-${member.userId}">
  <td>${member.name}<br><span class="muted">${TEAM_ROLE_NAMES[member.role]}</span>${member.claims.length === 0 ? html` <span class="badge warn">尚未认领</span>` : ''}</td>
  <td>${leads.length}</td><td>${answered}</td><td>${leads.length - answered > 0 ? html`<span class="badge warn">${leads.length - answered}</span>` : '0'}</td><td>${joint}</td>
</tr>`;
}

function memberDetails(member: MemberClaims): SafeHtml {
  return html`<details class="member-claims"><summary>${member.name}认领的意见（${member.claims.length} 条）</summary>
  <ul>${member.claims.map(({ item, kind, answered }) => html`<li><span class="badge">${kind === 'lead' ? '牵头' : '联合'}</span> ${item.summary} ${answered ? html`<span class="badge ok">已答复</span>` : html`<span class="badge warn">未答复</span>`}</li>`)}</ul>
</details>`;
}

function unledItem(item: ItemView, view: ClaimsPage): SafeHtml {
  const { board } = view;
  const joint = item.claims.filter((claim) => claim.kind === 'joint').map((claim) => claim.name);
  const problem = view.problem?.itemId === item.id ? view.problem : undefined;
  return html`<li id="item-${item.id}">
  <p class="summary">${item.summary}</p>
  <p class="hint">${item.aspect} · 针对：${item.target.name}${joint.length ? ` · 联合认领：${joint.join('、')}` : ''}</p>
  ${problem ? alert('error', problem.message) : ''}
  ${!board.canAssign
    ? ''
    : item.target.id === null
      ? html`<form class="inline assign" method="post" action="/meetings/${board.meeting.id}/claims/assign">
    <input type="hidden" name="itemId" value="${item.id}">
    <label for="assign-${item.id}">分配给</label>
    <select id="assign-${item.id}" name="memberUserId" required>
      <option value="">选择班子成员</option>
      ${board.team.map((member) => html`<option value="${member.userId}">${member.name}</option>`)}
    </select>
    <button type="submit" class="small">分配</button>
  </form>`
      : html`<p class="muted">由${item.target.name}本人认领。</p>`}
</li>`;
}

/** The claim deadline in words, against today. */
function deadlineWords(board: ClaimsBoard): string {
  const days = Math.round((Date.parse(`${board.meeting.claimUntil}T00:00:00Z`) - Date.parse(`${board.today}T00:00:00Z`)) / 86_400_000);
  const day = dayInWords(board.meeting.claimUntil);
  if (days > 0) return `认领答复截止：${day}，还有 ${days} 天。`;
  if (days === 0) return `认领答复截止：${day}，就是今天。`;
  return `认领答复截止：${day}，已过 ${-days} 天。`;
}

const STYLE = new SafeHtml(`
.member-claims{margin-top:.75rem}
.member-claims ul{padding-left:1.2rem;margin:.5rem 0}
.member-claims li{margin:.25rem 0}
.unled{list-style:none;padding:0;margin:0}
.unled li{padding:.75rem 0;border-top:1px solid #eef1f4}
.unled .summary{font-weight:600;margin:0}
.wb form.assign{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
form.assign label{display:inline;margin:0;font-weight:400}
form.assign select{width:auto;max-width:100%;padding:.3rem}
.wb form.assign button{margin:0}
#members td:first-child{min-width:9rem}
`);

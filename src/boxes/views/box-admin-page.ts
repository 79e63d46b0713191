import { dayTimeInWords } from '../../web/dates';
import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { MeetingTabsOf, Viewer, workbenchPage } from '../../web/workbench';
import { BoxView } from '../box.views';

/** What the open-a-box form was sent with, to show it again after a refusal. */
export interface OpenBoxValues {
  title?: string;
  accessCode?: string;
  releaseThreshold?: string;
  closesAt?: string;
}

export interface BoxAdminPage {
  viewer: Viewer;
  meeting: MeetingTabsOf;
  boxes: BoxView[];
  /** The threshold a new box gets when none is chosen. */
  defaultThreshold: number;
  /** The organisation's time zone, for a box's closing time. */
  timeZone: string;
  notice?: string;
  problem?: string;
  values?: OpenBoxValues;
}

/**
 * 意见箱 (`/meetings/:id/boxes`): the meeting's boxes as the API shows them (open or closed,
 * access code or not, k, how many were released so far: never how many are held), a form to
 * open one, and each box's public page, poster and close.
 */
export function renderBoxAdmin(view: BoxAdminPage): string {
  const values = view.values ?? {};
  const base = `/meetings/${view.meeting.id}`;
  return workbenchPage(
    `意见箱 · ${view.meeting.title}`,
    view.viewer,
    html`<h1>意见箱</h1>
<p class="lead">干部职工扫描海报上的二维码或打开链接匿名填写。为保护匿名，意见不逐条公开：每个意见箱凑满规定条数（公开门槛）后，在固定时间统一整理，纳入意见清单。</p>
${alert('notice', view.notice)}
${view.boxes.length === 0 ? html`<p class="alert notice">意见箱尚未开启。请在下面开启一个意见箱，再打印海报张贴。</p>` : boxTable(view.boxes, view.timeZone)}
<section class="card" id="open-box">
  <h2>开启意见箱</h2>
  ${alert('error', view.problem)}
  <form method="post" action="${base}/boxes">
    <label for="box-title">名称</label>
    <input id="box-title" name="title" required maxlength="200" value="${values.title ?? `${view.meeting.title}意见箱`}">
    <div class="row">
      <div>
        <label for="box-threshold">公开门槛（条）</label>
        <input id="box-threshold" name="releaseThreshold" type="number" min="3" max="100" value="${values.releaseThreshold ?? String(view.defaultThreshold)}">
        <p class="hint">凑满这么多条才统一整理，3 到 100，默认 ${view.defaultThreshold}</p>
      </div>
      <div>
        <label for="box-code">访问码</label>
        <input id="box-code" name="accessCode" maxlength="20" autocomplete="off" value="${values.accessCode ?? ''}">
        <p class="hint">可不填；4 到 20 位字母或数字，填写时须输入，会印在海报上</p>
      </div>
      <div>
        <label for="box-closes">自动关闭时间</label>
        <input id="box-closes" name="closesAt" type="datetime-local" value="${values.closesAt ?? ''}">
        <p class="hint">可不填；会议召开时自动关闭</p>
      </div>
    </div>
    <button type="submit" id="open-box-button">开启意见箱</button>
  </form>
</section>`,
    { meeting: view.meeting, current: `${base}/boxes`, style: STYLE },
  );
}

function boxTable(boxes: BoxView[], timeZone: string): SafeHtml {
  return html`<div class="table-wrap"><table id="boxes">
<thead><tr><th>名称</th><th>状态</th><th>访问码</th><th>公开门槛</th><th>已整理公开</th><th>操作</th></tr></thead>
<tbody>${boxes.map(
    (box) => html`<tr id="box-${box.id}">
  <td>${box.title}${box.closesAt && !box.closedAt ? html`<br><span class="hint">${closesAtWords(box.closesAt, timeZone)}</span>` : ''}</td>
  <td>${box.open ? html`<span class="badge ok">开放中</span>` : html`<span class="badge">已关闭</span>`}</td>
  <td>${box.accessCode ? '有' : '无'}</td>
  <td>${box.releaseThreshold} 条</td>
  <td>${box.count.opinions} 条</td>
  <td class="actions">
    <a href="/b/${box.slug}">填写页面</a>
    <a href="/boxes/${box.id}/poster">海报</a>
    ${box.open ? html`<a class="button small quiet" href="/boxes/${box.id}/close">关闭意见箱</a>` : ''}
  </td>
</tr>`,
  )}</tbody>
</table></div>
<p class="hint">“已整理公开”是已统一整理、纳入意见清单的条数；尚未凑满门槛的意见不计入，也不显示。</p>`;
}

/** When the box closes by itself, in the organisation's time zone (sv-SE formats as `YYYY-MM-DD HH:MM`). */
function closesAtWords(closesAt: string, timeZone: string): string {
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(closesAt));
  return `${dayTimeInWords(local)} 自动关闭`;
}

/** “确定要关闭…？”: closing is for good, so it asks on a page of its own (no script). */
export function renderCloseBoxConfirm(viewer: Viewer, meeting: MeetingTabsOf, box: BoxView): string {
  return workbenchPage(
    `关闭意见箱 · ${box.title}`,
    viewer,
    box.closedAt
      ? html`<h1>关闭意见箱</h1>
<section class="card"><p>“${box.title}”已经关闭。</p><a class="button quiet" href="/meetings/${meeting.id}/boxes">返回意见箱</a></section>`
      : html`<h1>关闭意见箱</h1>
<section class="card">
  <p>确定要关闭“${box.title}”吗？</p>
  <p class="muted">关闭后不再接收意见，且不能重新开启。已收到但尚未凑满 ${box.releaseThreshold} 条的意见将始终密封，不纳入意见清单。</p>
  <form method="post" action="/boxes/${box.id}/close" class="inline">
    <button type="submit" id="confirm-close">确定关闭</button>
  </form>
  <a class="button quiet" href="/meetings/${meeting.id}/boxes">取消</a>
</section>`,
    { meeting, current: `/meetings/${meeting.id}/boxes` },
  );
}

const STYLE = new SafeHtml(`
#boxes td{white-space:nowrap}
#boxes td:first-child{white-space:normal;min-width:10rem}
#boxes td.actions a{margin-right:.75rem}
#boxes td.actions .button{margin:0}
#open-box .row{align-items:flex-start}
#open-box .hint{margin:.25rem 0 0}
`);

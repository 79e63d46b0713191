import { html } from '../../web/html';
import { alert, page } from '../../web/layout';
import { ReceiptStatus, ReceiptView } from '../receipts.service';

/** What each status says to the writer. */
export const RECEIPT_STATUS_TEXT: Record<ReceiptStatus, string> = {
  received: '已收到，等待整理进意见清单',
  listed: '已整理进意见清单，等待班子成员认领',
  claimed: '已有班子成员认领，正在对照检查',
  answered: '班子成员已作出答复',
};

/** 回执码查询: type the code, see how far the opinion has come. */
export function renderReceiptLookup(options: { code?: string; result?: ReceiptView; error?: string } = {}): string {
  const { result } = options;
  return page('查询意见办理情况', html`
<h1>查询意见办理情况</h1>
${result
    ? html`<p id="receipt-status" class="status" data-status="${result.status}">${RECEIPT_STATUS_TEXT[result.status]}</p>
${result.held ? html`<p id="receipt-held" class="privacy">${result.held}</p>` : ''}
${result.answer ? html`<p>班子成员的答复：</p><div id="receipt-answer" class="answer">${result.answer}</div>` : ''}`
    : ''}
${alert('error', options.error)}
<form id="receipt-form" method="post" action="/r">
  <label for="receipt-input">回执码</label>
  <input id="receipt-input" name="receipt" required autocomplete="off" autocapitalize="characters" placeholder="如 7KQ4-M2XD-9PAA-CW3T" value="${options.code ?? ''}">
  <button id="lookup" type="submit">查询</button>
</form>
<p class="privacy">查询不需要登录，也不会记录是谁在查询。</p>`);
}

import { html } from '../../web/html';
import { alert, page } from '../../web/layout';
import { RECEIPT_STATUS_TEXT, ReceiptView } from '../receipts.service';

/** 回执码查询: type the code, see how far the opinion has come. */
export function renderReceiptLookup(options: { code?: string; result?: ReceiptView; error?: string } = {}): string {
  const { result } = options;
  return page('查询意见办理情况', html`
<h1>查询意见办理情况</h1>
${result
    ? html`<p id="receipt-status" class="status" data-status="${result.status}">${RECEIPT_STATUS_TEXT[result.status]}</p>
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

import { RectificationOutcome } from '../../rectifications/rectification-outcomes';
import { dayInWords } from '../../web/dates';
import { ReceiptQuestionView } from '../../questions/question.views';
import { REPLY_MAX_LENGTH } from '../../questions/dto/question.dto';
import { html, SafeHtml } from '../../web/html';
import { alert, page } from '../../web/layout';
import { ReceiptPageView, ReceiptStatus } from '../receipts.service';

/** What each status says to the writer. */
export const RECEIPT_STATUS_TEXT: Record<ReceiptStatus, string> = {
  received: '已收到，等待整理进意见清单',
  listed: '已整理进意见清单，等待班子成员认领',
  claimed: '已有班子成员认领，正在对照检查',
  answered: '班子成员已作出答复',
};

/** Where the 整改 stands, in the writer's words. */
function rectificationStatusText(rectification: RectificationOutcome): string {
  switch (rectification.status) {
    case 'closed':
      return rectification.closedOn ? `已销号（${dayInWords(rectification.closedOn)}）` : '已销号';
    case 'reported':
      return '责任人已报告完成，等待审核销号';
    case 'overdue':
      return '已超过完成时限，尚未完成';
    default:
      return '正在整改';
  }
}

/** 整改措施, 完成时限, 状态: what was done about the point (did anything change?). */
function renderRectification(rectification: RectificationOutcome): SafeHtml {
  return html`<div id="receipt-rectification" data-status="${rectification.status}">
<h2>整改落实情况</h2>
<p>整改措施：</p>
<ol>${rectification.measures.map((measure) => html`<li>${measure}</li>`)}</ol>
<p>完成时限：${dayInWords(rectification.dueDate)}</p>
<p>状态：<strong id="receipt-rectification-status">${rectificationStatusText(rectification)}</strong></p>
</div>`;
}

/** What the page says about replies: when the next release is, the reply just sent, a refused one with what was typed. */
export interface ReplyState {
  /** The next 统一整理, in words ("12月8日 07:00"). */
  nextRelease: string;
  /** The question just answered: its notice shows beside it. */
  sent?: string;
  /** A refused reply: the question, the message, the words typed. */
  refused?: { questionId: string; message: string; text: string };
}

/** Only this page's: the questions sit apart from each other, full width on a phone. */
const QUESTIONS_STYLE = new SafeHtml(`
.asked{background:#fff;border-radius:.5rem;padding:1rem;margin:.75rem 0;box-shadow:0 1px 2px rgba(0,0,0,.06);overflow-wrap:anywhere}
.asked .ask{font-weight:600;margin-top:0}
.asked form{box-shadow:none;padding:0;margin-top:.5rem}
.asked textarea{min-height:6rem}
`);

/**
 * 追问: each question an organiser asked on this opinion, with a reply form, or the reply as sent
 * and when it goes (or went) to the organiser. A form of its own each, posting to /r like the
 * look-up: the code rides in a hidden field, never in the address.
 */
function renderQuestions(code: string, questions: readonly ReceiptQuestionView[], replies: ReplyState): SafeHtml {
  return html`<section id="receipt-questions">
<h2>组织者的追问</h2>
<p class="hint">组织者只知道是针对这条意见提问，不知道是谁写的。您的答复会作为这条意见的补充，在统一整理时一并转给组织者，只注明整理的日期。</p>
${questions.map((question) => {
    const refused = replies.refused?.questionId === question.id ? replies.refused : undefined;
    return html`<div class="asked" id="question-${question.id}">
<p class="ask">问（${dayInWords(question.askedOn)}）：${question.text}</p>
${question.reply
  ? html`${replies.sent === question.id ? html`<p class="alert notice reply-sent" role="status">已收到您的答复，将在下次统一整理时（${replies.nextRelease}）转给组织者</p>` : ''}
<p>您的答复：</p><div class="answer reply">${question.reply.text}</div>
<p class="hint">${question.reply.releasedOn ? `已于${dayInWords(question.reply.releasedOn)}统一整理时转给组织者` : `将在下次统一整理时（${replies.nextRelease}）转给组织者`}</p>
${refused ? html`<p class="field-error" role="alert">${refused.message}</p>` : ''}`
  : html`<form method="post" action="/r" class="reply-form">
<input type="hidden" name="receipt" value="${code}">
<input type="hidden" name="questionId" value="${question.id}">
<label for="reply-${question.id}">您的答复</label>
<textarea id="reply-${question.id}" name="text" required maxlength="${REPLY_MAX_LENGTH}" rows="4">${refused?.text ?? ''}</textarea>
${refused ? html`<p class="field-error" role="alert">${refused.message}</p>` : ''}
<button type="submit">提交</button>
</form>`}
</div>`;
  })}
</section>`;
}

/** 回执码查询: type the code, see how far the opinion has come, and answer the organisers' questions. */
export function renderReceiptLookup(options: { code?: string; result?: ReceiptPageView; error?: string; replies?: ReplyState } = {}): string {
  const { result } = options;
  const questions = result?.questions?.length && options.code && options.replies ? renderQuestions(options.code, result.questions, options.replies) : '';
  return page('查询意见办理情况', html`
<h1>查询意见办理情况</h1>
${result
    ? html`<p id="receipt-status" class="status" data-status="${result.status}">${RECEIPT_STATUS_TEXT[result.status]}</p>
${result.held ? html`<p id="receipt-held" class="privacy">${result.held}</p>` : ''}
${result.itemSummary ? html`<p id="receipt-item">您的意见已归入：『${result.itemSummary}』</p>
<p class="hint">意见清单中相近的意见会合并为一条，班子成员的认领和答复针对的是这一条。</p>` : ''}
${result.answer ? html`<p>班子成员的答复：</p><div id="receipt-answer" class="answer">${result.answer}</div>` : ''}
${result.rectification ? renderRectification(result.rectification) : ''}
${questions}`
    : ''}
${alert('error', options.error)}
<form id="receipt-form" method="post" action="/r">
  <label for="receipt-input">回执码</label>
  <input id="receipt-input" name="receipt" required autocomplete="off" autocapitalize="characters" placeholder="如 7KQ4-M2XD-9PAA-CW3T" value="${options.code ?? ''}">
  <button id="lookup" type="submit">查询</button>
</form>
<p class="privacy">查询不需要登录，也不会记录是谁在查询。</p>`, { style: QUESTIONS_STYLE });
}

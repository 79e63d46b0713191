import { QuestionView } from '../../questions/question.views';
import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';

/**
 * 追问 under an anonymous source: each question with the day it was asked, and its reply once a
 * release passed it on, dated with that release's day (never when it was written). The reply is
 * part of the opinion, so whoever reads the source reads it too.
 */
export function askedLines(questions: readonly QuestionView[] | undefined): SafeHtml | string {
  if (!questions?.length) return '';
  return html`<ul class="asked">${questions.map(
    (question) => html`<li data-question="${question.id}"><span class="hint">追问（${dayInWords(question.askedOn)}）：</span>${question.text}<br>${
      question.reply
        ? html`<span class="reply"><span class="hint">答复（${dayInWords(question.reply.releasedOn)}整理）：</span>${question.reply.text}</span>`
        : html`<span class="hint">尚无答复：写意见的人凭回执码看到追问，答复在统一整理时转来</span>`
    }</li>`,
  )}</ul>`;
}

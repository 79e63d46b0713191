import { html, SafeHtml } from '../../web/html';
import { alert, page } from '../../web/layout';
import { RATING_MAX, RATING_MIN, TEXT_ANSWER_MAX_LENGTH } from '../survey-questions';
import { PublicSurveyView } from '../survey-responses.service';
import { SurveyQuestionView } from '../survey.views';

/** What a person ticked or typed, by question index, as the form sent it. */
export type SurveyFormValues = Record<number, string | string[]>;

/**
 * 征求意见表 page: every question on one page, a plain form posting back to the page's own
 * address (so the token is in no markup), usable on a phone without JavaScript. A refused
 * answer comes back with each problem beside its question and everything typed kept.
 */
export function renderSurveyPage(survey: PublicSurveyView, values: SurveyFormValues = {}, problems = new Map<number, string>(), refusal?: string): string {
  if (!survey.open) return renderSurveyClosed(survey, values);
  return page(survey.title, html`
<h1>${survey.title}</h1>
<p class="lead">为开好${survey.meetingTitle}，现向您征求意见建议。${survey.anonymous
    ? '本表匿名填写：不记录您的姓名、账号、IP 地址、设备或填写时间，提交的内容与填写码之间不保留任何对应关系。'
    : '本表为实名填写：提交的内容会与发给您的填写码对应。'}带 * 的为必答题。</p>
${alert('error', refusal ?? (problems.size ? `有 ${problems.size} 道题需要修改，请看题目下方的红色提示。您填写的内容都已保留。` : null))}
<form id="survey-form" method="post" novalidate>
  ${survey.questions.map((question) => renderQuestion(question, values[question.index], problems.get(question.index)))}
  <button id="submit" type="submit">提交</button>
</form>
<p class="privacy">每个填写码只能提交一次，提交后不能修改。文字意见会原样汇入意见清单，由班子成员认领并整改。</p>`);
}

function renderQuestion(question: SurveyQuestionView, value: string | string[] | undefined, problem: string | undefined): SafeHtml {
  const id = `q${question.index}`;
  const chosen = new Set([value ?? []].flat());
  const described = problem ? html` aria-describedby="${id}-error" aria-invalid="true"` : '';
  const legend = html`<legend>${question.index + 1}. ${question.prompt}${question.required ? html` <span class="required" title="必答">*</span>` : html` <span class="hint">（选填）</span>`}</legend>
    ${problem ? html`<p class="field-error" id="${id}-error">${problem}</p>` : ''}`;

  if (question.kind === 'text') {
    return html`<fieldset id="${id}-field" class="question${problem ? ' invalid' : ''}">${legend}
    <textarea id="${id}" name="${id}" data-max="${TEXT_ANSWER_MAX_LENGTH}"${question.required ? html` required` : ''}${described} aria-label="${question.prompt}">${typeof value === 'string' ? value : ''}</textarea>
    <output id="${id}-count" class="count" for="${id}" aria-live="polite">最多 ${TEXT_ANSWER_MAX_LENGTH} 字</output>
  </fieldset>`;
  }
  const choices =
    question.kind === 'rating'
      ? Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, offset) => ({ value: String(RATING_MIN + offset), label: ratingLabel(RATING_MIN + offset) }))
      : (question.options ?? []).map((option, optionIndex) => ({ value: String(optionIndex), label: option }));
  const type = question.kind === 'multi' ? 'checkbox' : 'radio';
  return html`<fieldset id="${id}-field" class="question${problem ? ' invalid' : ''}${question.kind === 'rating' ? ' rating' : ''}">${legend}
    ${question.kind === 'multi' ? html`<p class="hint">可多选</p>` : ''}
    ${choices.map(
      (choice, position) => html`<label class="choice"><input type="${type}" id="${id}-${position}" name="${id}" value="${choice.value}"${chosen.has(choice.value) ? html` checked` : ''}${described}> ${choice.label}</label>`,
    )}
  </fieldset>`;
}

function ratingLabel(rating: number): string {
  if (rating === RATING_MIN) return `${rating}（很不满意）`;
  if (rating === RATING_MAX) return `${rating}（很满意）`;
  return String(rating);
}

/**
 * After answering, and whenever the link is opened again: the answer was received, and the token
 * cannot answer twice. The page after sending is reached by a redirect (post/redirect/get), so a
 * reload, which phones do on their own, shows this again and sends nothing.
 */
export function renderSurveyAnswered(justSent: boolean): string {
  if (justSent) {
    return page('提交成功', html`
<h1>提交成功，感谢您的参与！</h1>
<p>您的填写已经收到。</p>
<p class="privacy">匿名填写的表，系统只保存答案和提交日期，无法据此查到您是谁；答案也不会逐份出现在任何人的统计里，而是每天定时统一整理，凑满 5 份才一并计入。这个填写码已经用过，不能再次提交。</p>`);
  }
  return page('已经提交过了', html`
<h1>这份征求意见表已经提交过了</h1>
${alert('notice', '这个填写码的填写已经收到，不必再次提交。感谢您的参与！')}
<p class="privacy">每个填写码只能提交一次。如果您并没有填写过，请联系发放填写码的同志另领一个。</p>`);
}

/**
 * A closed survey. Someone who filled it in before it closed gets their written answers back, to
 * keep or to raise another way.
 */
export function renderSurveyClosed(survey: Pick<PublicSurveyView, 'title' | 'questions'>, values: SurveyFormValues = {}): string {
  const written = survey.questions.filter((question) => question.kind === 'text' && typeof values[question.index] === 'string' && String(values[question.index]).trim() !== '');
  return page(survey.title, html`
<h1>${survey.title}</h1>
${alert('notice', '这份征求意见表已经截止，不再接收填写。感谢您的关心！')}
${written.length
    ? html`<p>您写的内容没有提交，保留在下面，可以复制保存，通过意见箱、座谈会或谈心谈话等其他渠道反映：</p>
${written.map((question) => html`<label for="q${question.index}">${question.prompt}</label>
<textarea id="q${question.index}" readonly>${values[question.index]}</textarea>`)}`
    : ''}`);
}

import { html } from '../../web/html';
import { alert, page } from '../../web/layout';
import { PublicBoxView } from '../box-submissions.service';
import { OPINION_MAX_LENGTH, OPINION_MIN_LENGTH } from '../../opinions/opinion-text.decorator';

/** What the form holds: what was typed and chosen, and the form's one-time nonce (see FormNonce). */
export interface BoxFormValues {
  text?: string;
  aspect?: string;
  targetMemberId?: string;
  accessCode?: string;
  nonce: string;
}

/**
 * 意见箱 page: the form, readable and usable on a phone, with or without JavaScript. Shown again
 * after a refusal with everything typed kept and the refusal above it, so nothing is lost.
 */
export function renderBoxPage(slug: string, box: PublicBoxView, values: BoxFormValues, error?: string): string {
  if (!box.open) return renderBoxClosed(box, values.text);
  return page(box.title, html`
<h1>${box.title}</h1>
<p class="lead">为开好${box.meetingTitle}，现向您征求意见建议。本页不要求登录，不记录您的账号、IP 地址、设备或提交时间，只记录提交的日期。</p>
${alert('error', error)}
<form id="opinion-form" method="post" action="/b/${slug}/opinions">
  <label for="aspect">意见涉及的方面 <span class="hint">（可不选）</span></label>
  <select id="aspect" name="aspect">
    <option value="">不确定 / 其他</option>
    ${box.aspects.map((aspect) => html`<option value="${aspect}"${aspect === values.aspect ? html` selected` : ''}>${aspect}</option>`)}
  </select>
  <label for="target">意见针对 <span class="hint">（可不选）</span></label>
  <select id="target" name="targetMemberId">
    ${box.targets.map((target) => html`<option value="${target.id ?? ''}"${(target.id ?? '') === (values.targetMemberId ?? '') ? html` selected` : ''}>${target.name}</option>`)}
  </select>
  <label for="text">意见建议 <span class="hint">（${OPINION_MIN_LENGTH}–${OPINION_MAX_LENGTH} 字）</span></label>
  <textarea id="text" name="text" required data-min="${OPINION_MIN_LENGTH}" data-max="${OPINION_MAX_LENGTH}" placeholder="请直接写出您的意见建议，可以具体到事、到人">${values.text ?? ''}</textarea>
  <output id="text-count" class="count" for="text" aria-live="polite">最多 ${OPINION_MAX_LENGTH} 字</output>
  ${box.accessCodeRequired
    ? html`<label for="access-code">访问码 <span class="hint">（见海报）</span></label>
  <input id="access-code" name="accessCode" value="${values.accessCode ?? ''}" required autocomplete="off" autocapitalize="characters" inputmode="latin">`
    : ''}
  <input type="hidden" name="nonce" value="${values.nonce}">
  <button id="submit" type="submit">提交意见</button>
</form>
<p class="privacy" id="verbatim-note">您写的意见会原样（不改动文字）交给班子成员阅读，但谁也看不到是谁写的；请不要写入可能让人认出您的细节。</p>
<p class="privacy">提交后会显示一个回执码，凭它可以查询意见是否被整理、认领和答复。回执码只显示一次，系统不保存它本身。</p>
<p><a href="/r" id="receipt-lookup-link">凭回执码查询意见办理情况</a></p>`);
}

/** Shown once, right after sending: the receipt code, big, and how to follow up. */
export function renderReceiptIssued(box: PublicBoxView, receipt: string, heldNotice: string): string {
  return page('意见已提交', html`
<h1>意见已提交，谢谢您！</h1>
<p id="held-notice">${heldNotice}</p>
<p>您的回执码（只显示这一次，请抄下或截图保存）：</p>
<p id="receipt" class="receipt">${receipt}</p>
<button id="copy-receipt" type="button" class="secondary" data-copy="receipt" hidden>复制回执码</button>
<p>凭回执码可随时在 <a href="/r">查询页</a> 查看这条意见是否已整理进意见清单、是否有班子成员认领，以及他们的答复。</p>
<p class="privacy">${box.title}：系统只保存意见内容、您选择的方面和对象以及提交日期，不保存回执码本身，也无法据此查到您是谁。</p>`);
}

/**
 * A closed box. Someone who wrote before it closed gets their words back, to keep or to raise
 * another way (a survey, a symposium, a talk).
 */
function renderBoxClosed(box: PublicBoxView, text: string | undefined): string {
  return page(box.title, html`
<h1>${box.title}</h1>
${alert('notice', '这个意见箱已经关闭，不再接收意见。感谢您的关心！')}
${text
    ? html`<p>您写的内容没有提交，保留在下面，可以复制保存，通过征求意见表、座谈会或谈心谈话等其他渠道反映：</p>
<textarea id="text" readonly aria-label="您写的内容">${text}</textarea>`
    : ''}
<p><a href="/r">查询已提交意见的办理情况</a></p>`);
}

/**
 * The form sent again with its spent nonce (a reload of the receipt page, Back and send): nothing
 * was stored a second time, and the receipt is not shown again (only its hash was kept).
 */
export function renderAlreadySent(slug: string): string {
  return page('意见已经提交过了', html`
<h1>这条意见已经提交过了</h1>
${alert('notice', '这份表单刚才已经提交成功，这次没有重复提交。')}
<p>回执码只在第一次提交后显示一次。如果已经抄下，可以在 <a href="/r">查询页</a> 查看办理情况；如果没有抄下，这条意见仍会照常整理，只是无法再查询。</p>
<p>还有其他意见，可以 <a href="/b/${slug}">再写一条</a>。</p>`);
}

import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { MeetingTabsOf, Viewer, workbenchPage } from '../../web/workbench';
import { KIND_WORDS, MAX_OPTIONS, MAX_QUESTIONS, MIN_OPTIONS, QuestionLine } from '../question-lines';
import { RATING_MAX, RATING_MIN } from '../survey-questions';
import { SurveyView } from '../survey.views';

/** What the custom-survey form was sent with, to show it again after a refusal. */
export interface NewSurveyValues {
  title?: string;
  anonymous?: string;
  questions?: string;
}

export interface SurveyAdminList {
  viewer: Viewer;
  meeting: MeetingTabsOf;
  surveys: SurveyView[];
  /** The meeting's 对照检查方面, which a text question may be filed under. */
  aspects: readonly string[];
  /** The questions as they will be created, after 预览题目. */
  preview?: QuestionLine[];
  notice?: string;
  problem?: string;
  values?: NewSurveyValues;
}

/**
 * 征求意见表 (`/meetings/:id/surveys`): the meeting's surveys with their state and counts as the
 * API shows them (answers counted once released), one button for the ready-made template, and a
 * form for a survey of one's own: one question a line in the plain format of question-lines.ts,
 * explained beside the box, with a preview of the questions before they are created. The box
 * opens with a newline, which browsers drop, so a blank first line typed survives and a refusal's
 * line numbers still match what is shown.
 */
export function renderSurveyList(view: SurveyAdminList): string {
  const base = `/meetings/${view.meeting.id}`;
  const values = view.values ?? {};
  return workbenchPage(
    `征求意见表 · ${view.meeting.title}`,
    view.viewer,
    html`<h1>征求意见表</h1>
<p class="lead">向各部门、党支部发放填写码，每个填写码只能提交一次；匿名表的回答与填写码不关联。文字题的回答进入意见清单。</p>
${alert('notice', view.notice)}
${view.surveys.length === 0 ? html`<p class="alert notice">还没有征求意见表。可以按模板一键创建，也可以自拟题目。</p>` : surveyTable(view.surveys)}
<section class="card" id="from-template">
  <h2>按模板创建</h2>
  <p class="muted">总体评价一题、每个对照检查方面各一道文字题，最后一道开放题；匿名填写。</p>
  <form method="post" action="${base}/surveys/from-template" class="inline">
    <button type="submit" id="create-from-template">按模板创建征求意见表</button>
  </form>
</section>
<section class="card" id="custom-survey">
  <h2>自拟题目</h2>
  ${alert('error', view.problem)}
  <form method="post" action="${base}/surveys">
    <label for="survey-title">标题</label>
    <input id="survey-title" name="title" required maxlength="200" value="${values.title ?? `${view.meeting.title}征求意见表`}">
    <label for="survey-anonymous">填写方式</label>
    <select id="survey-anonymous" name="anonymous">
      <option value="yes"${values.anonymous === 'no' ? '' : html` selected`}>匿名（回答与填写码不关联）</option>
      <option value="no"${values.anonymous === 'no' ? html` selected` : ''}>实名</option>
    </select>
    <div class="question-lines">
      <div>
        <label for="survey-questions">题目 <span class="hint">每行一道，最多 ${MAX_QUESTIONS} 道</span></label>
        <textarea id="survey-questions" name="questions" required rows="12" aria-describedby="question-format">
${values.questions ?? ''}</textarea>
      </div>
      ${formatHelp(view.aspects)}
    </div>
    ${view.preview ? preview(view.preview) : ''}
    <p class="actions">
      <button type="submit" name="step" value="preview" class="quiet" id="preview-survey">预览题目</button>
      <button type="submit" name="step" value="create" id="create-survey">创建征求意见表</button>
    </p>
  </form>
</section>`,
    { meeting: view.meeting, current: `${base}/surveys`, style: STYLE },
  );
}

const STYLE = new SafeHtml(
  '.question-lines{display:grid;gap:0 1.5rem}' +
    '@media (min-width:56rem){.question-lines{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}}' +
    '.format{font-size:.9rem}.format ul{padding-left:1.2rem;margin:.35rem 0}.format li{margin:.2rem 0}' +
    '.format pre,.format code{font-family:inherit;background:#f6f8fa;border-radius:.3rem}' +
    '.format pre{white-space:pre-wrap;overflow-wrap:anywhere;padding:.5rem .6rem;margin:.35rem 0}.format code{padding:0 .2rem}' +
    '#survey-preview{border-top:1px solid #d8dee4;margin-top:1rem;padding-top:.5rem}' +
    '#survey-preview ol{padding-left:1.5rem}#survey-preview ol>li{margin:.6rem 0}' +
    '#survey-preview ul{list-style:none;padding-left:.5rem;margin:.25rem 0}' +
    '.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}' +
    // On a phone the table scrolls rather than break a title or a button's word into a column of single characters.
    '#surveys td{white-space:nowrap}#surveys td:first-child{white-space:normal;min-width:10rem}#surveys td:last-child form.inline button{margin:0 0 0 .5rem}',
);

/** The plain format, beside the box: what each tag does, the meeting's aspects, and an example to copy. */
function formatHelp(aspects: readonly string[]): SafeHtml {
  const aspect = aspects[0];
  return html`<aside id="question-format" class="format">
        <p class="hint"><strong>写法</strong>：一行一道题，行首的序号可写可不写。</p>
        <ul class="hint">
          <li>不加标记的是<strong>文字题</strong>，回答进入意见清单。</li>
          <li><code>[单选]</code> 或 <code>[多选]</code> 写在题目后面，再写选项，选项之间用 <code>/</code> 隔开（${MIN_OPTIONS} 到 ${MAX_OPTIONS} 个）。</li>
          <li><code>[评分]</code>：按 ${RATING_MIN}–${RATING_MAX} 分评价。</li>
          <li><code>[必填]</code>：必须作答；不加则可以不答。</li>
          ${aspects.length
            ? html`<li><code>[方面：${aspect}]</code>：文字题的回答归入这个对照检查方面。本次会议的方面：${aspects.join('、')}。</li>`
            : html`<li>本次会议还没有设置对照检查方面，文字题的回答不分方面。</li>`}
        </ul>
        <p class="hint">例如：</p>
        <pre id="question-example">1. 您对班子整体工作作风的评价 [单选] 满意 / 基本满意 / 不满意
2. 您认为班子最需要改进的方面 [多选] 理论学习 / 工作作风 / 廉洁自律
3. 您对班子的总体评价 [评分]
${aspect ? `4. 在“${aspect}”方面对班子的意见建议 [方面：${aspect}]\n5. ` : '4. '}对班子的意见建议 [必填]</pre>
      </aside>`;
}

/** The questions as they will be created, and as a person answering will meet them. */
function preview(questions: readonly QuestionLine[]): SafeHtml {
  return html`<section id="survey-preview" aria-labelledby="survey-preview-title">
      <h3 id="survey-preview-title">预览：共 ${questions.length} 道题</h3>
      <p class="hint">确认无误后按“创建征求意见表”；要修改，改上面的题目后再按“预览题目”。</p>
      <ol>${questions.map(
        (question) => html`<li>
        <strong>${question.prompt}</strong>
        <span class="badge">${KIND_WORDS[question.kind]}</span>
        ${question.required ? html`<span class="badge warn">必答</span>` : html`<span class="badge">可不答</span>`}
        ${question.aspect ? html`<span class="badge ok">方面：${question.aspect}</span>` : ''}
        ${question.options
          ? html`<ul>${question.options.map((option) => html`<li>${question.kind === 'multi' ? '□' : '○'} ${option}</li>`)}</ul>`
          : question.kind === 'rating'
            ? html`<br><span class="hint">${RATING_MIN}（很不满意）到 ${RATING_MAX}（很满意）</span>`
            : ''}
      </li>`,
      )}</ol>
    </section>`;
}

function surveyTable(surveys: SurveyView[]): SafeHtml {
  return html`<div class="table-wrap"><table id="surveys">
<thead><tr><th>标题</th><th>方式</th><th>状态</th><th>已发填写码</th><th>已收回答</th><th>操作</th></tr></thead>
<tbody>${surveys.map(
    (survey) => html`<tr id="survey-${survey.id}">
  <td><a href="/surveys/${survey.id}">${survey.title}</a><br><span class="hint">${survey.questions.length} 道题</span></td>
  <td>${survey.anonymous ? '匿名' : '实名'}</td>
  <td>${stateBadge(survey.open)}</td>
  <td>${survey.tokensIssued}</td>
  <td>${survey.responses}</td>
  <td><a href="/surveys/${survey.id}">发放填写码与结果</a> ${openCloseForm(survey, 'list')}</td>
</tr>`,
  )}</tbody>
</table></div>
<p class="hint">“已收回答”只计已统一整理的回答；匿名表的回答凑满规定份数后才计入。</p>`;
}

export function stateBadge(open: boolean): SafeHtml {
  return open ? html`<span class="badge ok">收集中</span>` : html`<span class="badge">已关闭</span>`;
}

/** 关闭 / 重新开放: a survey can be opened again until the meeting is held, so no confirmation. */
export function openCloseForm(survey: Pick<SurveyView, 'id' | 'open'>, back: 'list' | 'survey'): SafeHtml {
  return html`<form method="post" action="/surveys/${survey.id}/${survey.open ? 'close' : 'open'}" class="inline">
    <input type="hidden" name="back" value="${back}">
    <button type="submit" class="small quiet">${survey.open ? '关闭' : '重新开放'}</button>
  </form>`;
}

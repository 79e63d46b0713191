import { html, SafeHtml } from '../../web/html';
import { alert } from '../../web/layout';
import { MeetingTabsOf, Viewer, workbenchPage } from '../../web/workbench';
import { DepartmentResult, QuestionResultView, SurveyResults, SurveyView } from '../survey.views';
import { openCloseForm, stateBadge } from './survey-admin-list';

const KIND_WORDS: Record<string, string> = { text: '文字题', single: '单选题', multi: '多选题', rating: '评分题' };

export interface SurveyAdminPage {
  viewer: Viewer;
  meeting: MeetingTabsOf;
  survey: SurveyView;
  results: SurveyResults;
  departments: Array<{ id: string; name: string }>;
  notice?: string;
  problem?: string;
  values?: { count?: string; departmentId?: string };
}

/**
 * One 征求意见表 (`/surveys/:id`): its questions and state, issuing 填写码 by department (the
 * print sheet or the xlsx, shown this once), and the results under the small-group rule.
 */
export function renderSurveyAdmin(view: SurveyAdminPage): string {
  const { survey, results } = view;
  return workbenchPage(
    `${survey.title} · 征求意见表`,
    view.viewer,
    html`<p><a href="/meetings/${view.meeting.id}/surveys">← 全部征求意见表</a></p>
<h1>${survey.title}</h1>
<div class="state">${stateBadge(survey.open)} ${survey.anonymous ? '匿名填写' : '实名填写'} · ${survey.questions.length} 道题 ${openCloseForm(survey, 'survey')}</div>
${alert('notice', view.notice)}
${alert('error', view.problem)}
${survey.open ? tokenForm(view) : html`<p class="alert notice">征求意见表已关闭，不能再发放填写码。</p>`}
${resultsPart(results)}
<details class="card" id="questions"><summary>题目（${survey.questions.length} 道）</summary>
<ol>${survey.questions.map(
      (question) => html`<li>${question.prompt} <span class="hint">${KIND_WORDS[question.kind] ?? question.kind}${question.aspect ? `，方面：${question.aspect}` : ''}${question.required ? '，必答' : ''}</span></li>`,
    )}</ol>
</details>`,
    { meeting: view.meeting, current: `/meetings/${view.meeting.id}/surveys`, style: STYLE },
  );
}

function tokenForm(view: SurveyAdminPage): SafeHtml {
  const values = view.values ?? {};
  return html`<section class="card" id="tokens">
  <h2>发放填写码</h2>
  <p class="muted">每个填写码对应一个二维码，只能提交一次。系统只保存填写码的摘要，填写码本身<strong>只在生成时显示这一次</strong>：请生成后立即打印或保存。按部门发放，结果可以分部门统计。</p>
  <form method="post" action="/surveys/${view.survey.id}/tokens">
    <div class="row">
      <div>
        <label for="token-count">数量</label>
        <input id="token-count" name="count" type="number" min="1" max="1000" required value="${values.count ?? '30'}">
      </div>
      <div>
        <label for="token-department">发给</label>
        <select id="token-department" name="departmentId">
          <option value="">不指定部门</option>
          ${view.departments.map((department) => html`<option value="${department.id}"${values.departmentId === department.id ? html` selected` : ''}>${department.name}</option>`)}
        </select>
      </div>
    </div>
    <button type="submit" name="format" value="html" id="issue-tokens-sheet">生成填写码并打开打印页</button>
    <button type="submit" name="format" value="xlsx" id="issue-tokens-xlsx" class="quiet">生成填写码并下载 Excel</button>
  </form>
</section>`;
}

function resultsPart(results: SurveyResults): SafeHtml {
  const rate = results.responseRate === null ? '—' : percent(results.responseRate);
  return html`<section class="card" id="results">
  <h2>结果</h2>
  <p>已发填写码 <strong>${results.tokensIssued}</strong> 个，收回 <strong id="responses-total">${results.responses}</strong> 份，回收率 ${rate}。</p>
  <p class="hint">${results.anonymous ? '匿名表的回答凑满规定份数后统一整理，才计入统计。' : ''}文字题的回答见意见清单。</p>
  ${results.questions.length ? questionTable(results.questions) : ''}
  <h3>按部门</h3>
  <p class="hint" id="small-group-rule">为保护匿名，回答不足 ${results.departmentThreshold} 份的部门不单独显示；单独显示会让人推算出不足 ${results.departmentThreshold} 份的一组时，相关部门也一并不单独显示，只计入总数。</p>
  ${results.departments.length ? departmentTable(results) : html`<p class="muted">尚未发放填写码。</p>`}
  ${results.withheld.departments > 0
    ? html`<p class="alert notice" id="withheld">${results.withheld.departments} 个部门回答份数太少，不单独显示，合计 ${results.withheld.responses} 份已计入总数。</p>`
    : ''}
</section>`;
}

function questionTable(questions: QuestionResultView[]): SafeHtml {
  return html`<div class="table-wrap"><table class="questions">
<thead><tr><th>题目</th><th>作答</th><th>结果</th></tr></thead>
<tbody>${questions.map((question) => html`<tr><td>${question.index + 1}. ${question.prompt}</td><td>${question.answered}</td><td>${tally(question)}</td></tr>`)}</tbody>
</table></div>`;
}

function tally(question: QuestionResultView): SafeHtml {
  if (question.options) return html`${question.options.map((option) => html`<span class="tally">${option.option} ${option.count}</span>`)}`;
  if (question.ratings) {
    return html`${question.ratings.counts.map((rating) => html`<span class="tally">${rating.rating} 分 ${rating.count}</span>`)}${question.ratings.average === null ? '' : html`<span class="tally">平均 ${question.ratings.average}</span>`}`;
  }
  return html`<span class="muted">文字题，回答进入意见清单</span>`;
}

function departmentTable(results: SurveyResults): SafeHtml {
  return html`<div class="table-wrap"><table class="departments">
<thead><tr><th>部门</th><th>已发填写码</th><th>收回</th><th>回收率</th></tr></thead>
<tbody>${results.departments.map((department) => departmentRow(department, results.departmentThreshold))}</tbody>
</table></div>`;
}

function departmentRow(department: DepartmentResult, threshold: number): SafeHtml {
  if (department.responses === null) {
    return html`<tr><td>${department.name}</td><td>${department.tokensIssued}</td><td colspan="2" class="muted">不单独显示（不足 ${threshold} 份或可被推算）</td></tr>`;
  }
  return html`<tr><td>${department.name}</td><td>${department.tokensIssued}</td><td>${department.responses}</td><td>${department.responseRate === null ? '—' : percent(department.responseRate)}</td></tr>`;
}

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

const STYLE = new SafeHtml(`
.tally{display:inline-block;margin-right:.75rem;white-space:nowrap}
#questions summary{cursor:pointer;font-weight:600}
#questions ol{padding-left:1.5rem}
`);

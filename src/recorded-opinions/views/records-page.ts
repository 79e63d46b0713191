import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { alert } from '../../web/layout';
import { MeetingTabsOf, Viewer, workbenchPage } from '../../web/workbench';
import { SymposiumView, WrittenSolicitationView } from '../recorded-opinion.views';

/** What one of the two forms was sent with, to show it again after a refusal. */
export interface RecordValues {
  heldOn?: string;
  audience?: string;
  attendeeCount?: string;
  fromBody?: string;
  opinions?: string;
  aspect?: string;
  targetMemberId?: string;
}

export type RecordForm = 'symposium' | 'written';

export interface RecordsPage {
  viewer: Viewer;
  meeting: MeetingTabsOf;
  aspects: readonly string[];
  members: Array<{ userId: string; name: string }>;
  symposiums: SymposiumView[];
  written: WrittenSolicitationView[];
  today: string;
  notice?: string;
  /** A refusal, beside the form it came from, with what was typed there. */
  problem?: { form: RecordForm; message: string; values: RecordValues };
}

/**
 * 座谈会与书面征询 (`/meetings/:id/records`): record a symposium or a written answer with many
 * opinions at once, one a line, and the records so far with their opinion counts.
 */
export function renderRecords(view: RecordsPage): string {
  const base = `/meetings/${view.meeting.id}`;
  const valuesOf = (form: RecordForm): RecordValues => (view.problem?.form === form ? view.problem.values : {});
  const problemOf = (form: RecordForm) => (view.problem?.form === form ? view.problem.message : undefined);
  const symposium = valuesOf('symposium');
  const written = valuesOf('written');
  return workbenchPage(
    `座谈会与书面征询 · ${view.meeting.title}`,
    view.viewer,
    html`<h1>座谈会与书面征询</h1>
<p class="lead">把座谈会上听到的、书面征询收到的意见录入系统，与意见箱、征求意见表的意见一起整理成意见清单。请尽量照原话记录（原汁原味）。</p>
${alert('notice', view.notice)}
<div class="grid">
<section class="card" id="symposium">
  <h2>录入座谈会</h2>
  ${alert('error', problemOf('symposium'))}
  <form method="post" action="${base}/records/symposiums">
    <div class="row">
      <div>
        <label for="symposium-date">座谈会日期</label>
        <input id="symposium-date" name="heldOn" type="date" required max="${view.today}" value="${symposium.heldOn ?? view.today}">
      </div>
      <div>
        <label for="symposium-count">参加人数</label>
        <input id="symposium-count" name="attendeeCount" type="number" min="1" max="10000" required value="${symposium.attendeeCount ?? ''}">
      </div>
    </div>
    <label for="symposium-audience">参加对象 <span class="hint">如：中层干部、普通职工代表</span></label>
    <input id="symposium-audience" name="audience" required maxlength="100" value="${symposium.audience ?? ''}">
    ${opinionFields('symposium', view, symposium)}
    <button type="submit" id="record-symposium">保存座谈会记录</button>
  </form>
</section>
<section class="card" id="written">
  <h2>录入书面征询</h2>
  ${alert('error', problemOf('written'))}
  <form method="post" action="${base}/records/written">
    <label for="written-from">来函单位 <span class="hint">如：纪检监察组、上级党委</span></label>
    <input id="written-from" name="fromBody" required maxlength="200" value="${written.fromBody ?? ''}">
    ${opinionFields('written', view, written)}
    <button type="submit" id="record-written">保存书面征询</button>
  </form>
</section>
</div>
<h2>已录入的座谈会</h2>
${view.symposiums.length === 0
      ? html`<p class="muted">还没有录入座谈会。</p>`
      : html`<div class="table-wrap"><table id="symposiums">
<thead><tr><th>日期</th><th>参加对象</th><th>参加人数</th><th>意见</th></tr></thead>
<tbody>${view.symposiums.map((one) => html`<tr><td>${dayInWords(one.heldOn)}</td><td>${one.audience}</td><td>${one.attendeeCount} 人</td><td>${one.opinionCount} 条</td></tr>`)}</tbody>
</table></div>`}
<h2>已录入的书面征询</h2>
${view.written.length === 0
      ? html`<p class="muted">还没有录入书面征询。</p>`
      : html`<div class="table-wrap"><table id="written-list">
<thead><tr><th>录入日期</th><th>来函单位</th><th>意见</th></tr></thead>
<tbody>${view.written.map((one) => html`<tr><td>${dayInWords(one.receivedOn)}</td><td>${one.fromBody}</td><td>${one.opinionCount} 条</td></tr>`)}</tbody>
</table></div>`}`,
    { meeting: view.meeting, current: `${base}/records`, style: STYLE },
  );
}

/** The opinions, one a line, and the aspect and member they all concern if known. */
function opinionFields(form: RecordForm, view: RecordsPage, values: RecordValues): SafeHtml {
  return html`<label for="${form}-opinions">意见 <span class="hint">每行一条，可整段粘贴；每条至少 5 个字，空行不计</span></label>
    <textarea id="${form}-opinions" name="opinions" required rows="10">${values.opinions ?? ''}</textarea>
    <div class="row">
      <div>
        <label for="${form}-aspect">方面 <span class="hint">整批意见同属一个方面时选择</span></label>
        <select id="${form}-aspect" name="aspect">
          <option value="">由系统按内容归类</option>
          ${view.aspects.map((aspect) => html`<option${values.aspect === aspect ? html` selected` : ''}>${aspect}</option>`)}
        </select>
      </div>
      <div>
        <label for="${form}-target">针对</label>
        <select id="${form}-target" name="targetMemberId">
          <option value="">班子整体</option>
          ${view.members.map((member) => html`<option value="${member.userId}"${values.targetMemberId === member.userId ? html` selected` : ''}>${member.name}</option>`)}
        </select>
      </div>
    </div>`;
}

const STYLE = new SafeHtml(`
#symposium textarea,#written textarea{min-height:12rem}
`);

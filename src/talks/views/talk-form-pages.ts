import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { TALK_RULE_NAMES, TalkView } from '../talk.views';
import { RequiredRow, TALK_STATE_NAMES } from './my-talks-page';

/** The log form's fields, as typed. */
export interface LogTalkValues {
  /** `user:<id>` or `name:<name>`, from the list. */
  with: string;
  /** Someone not in the list, by name. */
  counterpartName: string;
  heldOn: string;
  place: string;
  summary: string;
  /** One opinion a line. */
  opinions: string;
  /** A team member's user id, or empty for the team as a whole. */
  opinionsTarget: string;
}

export interface LogTalkPage {
  viewer: Viewer;
  meeting: { id: string; title: string };
  /** The latest day a talk can have been held. */
  today: string;
  required: RequiredRow[];
  /** The rest of the team, outside the required pairs. */
  others: Array<{ choice: string; name: string }>;
  /** Whom the opinions may concern. */
  members: Array<{ userId: string; name: string }>;
  values: LogTalkValues;
  problem?: string;
}

export type CorrectTalkValues = Pick<LogTalkValues, 'heldOn' | 'place' | 'summary'>;

export interface CorrectTalkPage {
  viewer: Viewer;
  talk: TalkView;
  values: CorrectTalkValues;
  problem?: string;
}

const selected = (on: boolean) => (on ? html` selected` : '');

/** 记录谈心谈话: with whom, when, where, what was said, and the opinions raised. */
export function renderLogTalk(view: LogTalkPage): string {
  const { values } = view;
  return workbenchPage(
    '记录谈心谈话',
    view.viewer,
    html`
<p><a href="/me/talks#meeting-${view.meeting.id}">← 返回谈心谈话</a></p>
<h1>记录谈心谈话</h1>
<p class="lead">${view.meeting.title}。记录保存后交谈话对象确认。组织部门只看到谁与谁在哪天谈过，看不到谈话内容。</p>
${alert('error', view.problem)}
<form class="card" method="post" action="/me/talks/new">
  <input type="hidden" name="meeting" value="${view.meeting.id}">
  <label for="with">谈话对象</label>
  <select id="with" name="with">
    <option value="">请选择</option>
    ${view.required.length
      ? html`<optgroup label="必谈对象">${view.required.map((row) => html`<option value="${row.choice}"${selected(values.with === row.choice)}>${row.name}（${TALK_RULE_NAMES[row.rule]} · ${TALK_STATE_NAMES[row.state]}）</option>`)}</optgroup>`
      : ''}
    ${view.others.length ? html`<optgroup label="其他班子成员">${view.others.map((other) => html`<option value="${other.choice}"${selected(values.with === other.choice)}>${other.name}</option>`)}</optgroup>` : ''}
  </select>
  <label for="counterpartName">名单外的谈话对象 <span class="hint">（不在上面名单中时填写姓名，上面保持“请选择”）</span></label>
  <input id="counterpartName" name="counterpartName" maxlength="50" value="${values.counterpartName}">
  <div class="row">
    <div><label for="heldOn">谈话日期</label><input id="heldOn" name="heldOn" type="date" required max="${view.today}" value="${values.heldOn}"></div>
    <div><label for="place">谈话地点 <span class="hint">（可不填）</span></label><input id="place" name="place" maxlength="200" value="${values.place}"></div>
  </div>
  <label for="summary">谈话内容 <span class="hint">双方谈了哪些问题、提出了哪些意见建议和批评</span></label>
  <textarea id="summary" name="summary" required data-max="10000">${values.summary}</textarea>
  <label for="opinions">谈话中提出的意见 <span class="hint">（可不填）一行一条，每条至少 5 个字。将汇入本次会议的意见征集，不注明出自哪一次谈话。</span></label>
  <textarea id="opinions" name="opinions">${values.opinions}</textarea>
  <label for="opinionsTarget">这些意见针对</label>
  <select id="opinionsTarget" name="opinionsTarget">
    <option value="">班子整体</option>
    ${view.members.map((member) => html`<option value="${member.userId}"${selected(values.opinionsTarget === member.userId)}>${member.name}</option>`)}
  </select>
  <button type="submit">保存谈话记录</button>
</form>`,
    { current: '/me/talks' },
  );
}

/** 修改谈话记录: the recorder corrects date, place or content; the counterpart confirms again. */
export function renderCorrectTalk(view: CorrectTalkPage): string {
  const { talk, values } = view;
  const body: SafeHtml =
    talk.status === 'confirmed'
      ? html`<p class="alert notice">这份谈话记录对方已确认，不能再修改。</p>`
      : html`${alert('error', view.problem)}
<form class="card" method="post" action="/me/talks/${talk.id}/edit">
  <div class="row">
    <div><label for="heldOn">谈话日期</label><input id="heldOn" name="heldOn" type="date" required value="${values.heldOn}"></div>
    <div><label for="place">谈话地点 <span class="hint">（可不填）</span></label><input id="place" name="place" maxlength="200" value="${values.place}"></div>
  </div>
  <label for="summary">谈话内容</label>
  <textarea id="summary" name="summary" required data-max="10000">${values.summary}</textarea>
  <p class="hint">谈话中提出的意见已汇入意见征集，这里不能修改。保存后，记录将再次交${talk.counterpart.name}确认。</p>
  <button type="submit">保存修改</button>
</form>`;
  return workbenchPage(
    '修改谈话记录',
    view.viewer,
    html`
<p><a href="/me/talks#talk-${talk.id}">← 返回谈心谈话</a></p>
<h1>修改谈话记录</h1>
<p class="lead">与${talk.counterpart.name}的谈话（${dayInWords(talk.heldOn)}）</p>
${talk.status === 'correction-requested' ? html`<p class="alert error">对方申请更正：${talk.correctionComment}</p>` : ''}
${body}`,
    { current: '/me/talks' },
  );
}

import { html } from '../../web/html';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { AspectPreset } from '../aspect-presets';
import { TalkRuleSettings } from '../talk-rule-settings';
import { Deadlines } from '../deadlines';
import { deadlineInputs, FORM_STYLE, kindSelect, talkRuleInputs } from './meeting-words';

/** What the new-meeting form shows: the presets, and what is typed (or the preset's and the defaults). */
export interface NewMeetingPage {
  presets: readonly AspectPreset[];
  /** The organisation's meetings, newest first: the one this follows (上一年度) is chosen from them. */
  earlier: ReadonlyArray<{ id: string; title: string; year: number }>;
  values: { preset: string; year: string; kind: string; title: string; theme: string; aspects: string; deadlines: Partial<Deadlines>; talkRules: TalkRuleSettings; previousMeetingId: string };
  problem?: string;
}

/**
 * 新建民主生活会. Choosing a preset is a small GET form of its own (`?preset=`), so it works without
 * a script: the page comes back with the preset's aspects in the box, still editable.
 */
export function renderNewMeeting(viewer: Viewer, view: NewMeetingPage): string {
  const { values } = view;
  const body = html`<h1>新建民主生活会</h1>
${alert('error', view.problem)}
<form class="card" method="get" action="/meetings/new" id="preset-form">
<h2>1. 选择对照检查方面的预设</h2>
<label for="preset">预设</label>
<select id="preset" name="preset">
<option value=""${values.preset ? '' : html` selected`}>不用预设，自己填写方面</option>
${view.presets.map((preset) => html`<option value="${preset.key}"${preset.key === values.preset ? html` selected` : ''}>${preset.name}</option>`)}
</select>
<button type="submit" class="quiet" id="apply-preset">套用预设</button>
<p class="hint">套用后，下面“对照检查的方面”会换成预设的内容，仍可修改。</p>
</form>
<form class="card" method="post" action="/meetings/new" id="meeting-form">
<h2>2. 会议信息</h2>
<input type="hidden" name="preset" value="${values.preset}">
<div class="row">
<label>年度<input type="number" name="year" min="2000" max="2100" value="${values.year}" required></label>
<label>类型${kindSelect(values.kind)}</label>
</div>
<label for="title">会议名称</label>
<input id="title" name="title" value="${values.title}" maxlength="200" required>
<label for="theme">主题 <span class="hint">（可不填）</span></label>
<input id="theme" name="theme" value="${values.theme}" maxlength="500">
<label for="aspects">对照检查的方面 <span class="hint">（每行一个，最多 12 个）</span></label>
<textarea id="aspects" name="aspects" rows="7" required>${values.aspects}</textarea>
${view.earlier.length
    ? html`<label for="previousMeetingId">上一次民主生活会 <span class="hint">（其未完成的整改事项转入本次整改台账，并用于发现往年提过的问题）</span></label>
<select id="previousMeetingId" name="previousMeetingId">
<option value=""${values.previousMeetingId ? '' : html` selected`}>不接续</option>
${view.earlier.map((meeting) => html`<option value="${meeting.id}"${meeting.id === values.previousMeetingId ? html` selected` : ''}>${meeting.title}（${meeting.year}年度）</option>`)}
</select>`
    : ''}
<h2>3. 时间安排</h2>
${deadlineInputs(values.deadlines)}
<p class="hint">各项截止日期都不能晚于会议召开日期；认领答复截止不能早于征求意见截止。</p>
${talkRuleInputs(values.talkRules)}
<button type="submit" id="create-meeting">创建会议</button>
</form>`;
  return workbenchPage('新建民主生活会', viewer, body, { current: '/meetings/new', style: FORM_STYLE });
}

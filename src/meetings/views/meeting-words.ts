import { html, SafeHtml } from '../../web/html';
import { MeetingKind, MEETING_KINDS, meetingKindName } from '../meeting-phase';
import { DEADLINE_FIELDS, Deadlines } from '../deadlines';
import { TALK_RULES, TalkRule, TalkRuleSettings } from '../talk-rule-settings';


/** The 必谈 rules as an organiser reads them (the talks feature words them alike). */
export const TALK_RULE_LABELS: Record<TalkRule, string> = {
  'secretary-member': '主要负责同志与每位班子成员谈',
  'member-member': '班子成员之间相互谈',
  'department-head': '班子成员与分管部门主要负责同志谈',
  branch: '班子成员与所在支部党员谈',
};

/** Date inputs for the deadlines, each with what was typed or stored. */
export function deadlineInputs(values: Partial<Deadlines>): SafeHtml {
  return html`<div class="row">${DEADLINE_FIELDS.map(({ name, label }) => html`<label>${label}<input type="date" name="${name}" value="${values[name] ?? ''}" required></label>`)}</div>`;
}

/** A checkbox per 必谈 rule, ticked where it is on. */
export function talkRuleInputs(rules: TalkRuleSettings): SafeHtml {
  return html`<fieldset class="checks"><legend>必谈规则</legend>${TALK_RULES.map((rule) => html`<label class="check"><input type="checkbox" name="talkRules" value="${rule}"${rules[rule] ? html` checked` : ''}> ${TALK_RULE_LABELS[rule]}</label>`)}</fieldset>`;
}

export function kindSelect(kind: string): SafeHtml {
  return html`<select name="kind">${MEETING_KINDS.map((value: MeetingKind) => html`<option value="${value}"${value === kind ? html` selected` : ''}>${meetingKindName(value)}</option>`)}</select>`;
}

/** The form pages' own styles: checkboxes inline, fieldsets plain. */
export const FORM_STYLE = new SafeHtml(`
.wb fieldset.checks{border:1px solid #e1e4e8;border-radius:.4rem;padding:.5rem 1rem;margin:1rem 0}
.wb label.check{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.35rem 0}
.wb label.check input{width:auto}
.wb .row>label{font-weight:600}
.wb form.card{display:block}
`);

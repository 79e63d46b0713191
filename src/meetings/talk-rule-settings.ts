/**
 * 必谈 rules: who must talk with whom before the meeting.
 * - `secretary-member`: the secretary (主要负责同志) with every member;
 * - `member-member`: the members with each other (班子成员之间);
 * - `department-head`: each team member with the head of each department they oversee (分管部门主要负责同志);
 * - `branch`: each team member with the people of their own party branch (所在支部), off unless switched on.
 */
export const TALK_RULES = ['secretary-member', 'member-member', 'department-head', 'branch'] as const;
export type TalkRule = (typeof TALK_RULES)[number];
export type TalkRuleSettings = Record<TalkRule, boolean>;

export const DEFAULT_TALK_RULES: TalkRuleSettings = { 'secretary-member': true, 'member-member': true, 'department-head': true, branch: false };

/** The rules a meeting applies: its own choices over the defaults. */
export function talkRulesOf(meeting: { talkRules: Partial<TalkRuleSettings> | null }): TalkRuleSettings {
  return { ...DEFAULT_TALK_RULES, ...meeting.talkRules };
}

import { ApiProperty } from '@nestjs/swagger';
import { Department } from '../organizations/department.entity';
import { talkRulesOf } from './talk-rule-settings';
import { User } from '../users/user.entity';
import { Meeting } from './meeting.entity';
import { MeetingKind, MeetingPhase, TalkVisibility } from './meeting-phase';
import { TeamMember, TeamRole } from './team-member.entity';

/** 对照检查的方面: a preset a meeting's aspects can start from. */
export class AspectPresetView {
  key: string;
  name: string;
  aspects: string[];
}

export class MeetingDeadlinesView {
  collectUntil: string;
  talksUntil: string;
  claimUntil: string;
  materialsUntil: string;
  heldOn: string;
}

/** The 必谈 rules, each on or off (see TALK_RULES). */
export class TalkRuleSettingsView {
  /** The secretary (主要负责同志) with every member. */
  'secretary-member': boolean;
  /** The members with each other (班子成员之间). */
  'member-member': boolean;
  /** Each team member with the head of each department they oversee (分管部门主要负责同志). */
  'department-head': boolean;
  /** Each team member with the people of their own party branch (所在支部). */
  branch: boolean;
}

export class MeetingView {
  id: string;
  title: string;
  year: number;
  kind: MeetingKind;
  theme: string | null;
  aspectPreset: string | null;
  aspects: string[];
  phase: MeetingPhase;
  deadlines: MeetingDeadlinesView;
  /** The 必谈 rules in force, every one named. */
  talkRules: TalkRuleSettingsView;
  talkVisibility: TalkVisibility;
  /** Keywords the organiser added to the aspect lexicon, by aspect. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } })
  aspectKeywords: Record<string, string[]>;
  /** The earlier meeting this one follows (上一年度), or null. */
  previousMeetingId: string | null;
}

export class TeamMemberView {
  userId: string;
  displayName: string;
  role: TeamRole;
  oversees: { id: string; name: string }[];
}

export function toMeetingView(meeting: Meeting): MeetingView {
  return {
    id: meeting.id,
    title: meeting.title,
    year: meeting.year,
    kind: meeting.kind,
    theme: meeting.theme,
    aspectPreset: meeting.aspectPreset,
    aspects: meeting.aspects,
    phase: meeting.phase,
    deadlines: {
      collectUntil: meeting.collectUntil,
      talksUntil: meeting.talksUntil,
      claimUntil: meeting.claimUntil,
      materialsUntil: meeting.materialsUntil,
      heldOn: meeting.heldOn,
    },
    talkRules: talkRulesOf(meeting),
    talkVisibility: meeting.talkVisibility,
    aspectKeywords: meeting.aspectKeywords ?? {},
    previousMeetingId: meeting.previousMeetingId,
  };
}

export function toTeamView(members: TeamMember[], users: User[], departments: Department[]): TeamMemberView[] {
  return members.map((member) => ({
    userId: member.userId,
    displayName: users.find((user) => user.id === member.userId)?.displayName ?? '',
    role: member.role,
    oversees: member.oversees.map((id) => ({ id, name: departments.find((department) => department.id === id)?.name ?? '' })),
  }));
}

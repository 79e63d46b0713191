import { Department } from '../organizations/department.entity';
import { talkRulesOf, TalkRuleSettings } from '../talks/talk-rules';
import { User } from '../users/user.entity';
import { Meeting } from './meeting.entity';
import { MeetingKind, MeetingPhase, TalkVisibility } from './meeting-phase';
import { TeamMember, TeamRole } from './team-member.entity';

export interface MeetingView {
  id: string;
  title: string;
  year: number;
  kind: MeetingKind;
  theme: string | null;
  aspectPreset: string | null;
  aspects: string[];
  phase: MeetingPhase;
  deadlines: { collectUntil: string; talksUntil: string; claimUntil: string; materialsUntil: string; heldOn: string };
  /** The 必谈 rules in force, every one named. */
  talkRules: TalkRuleSettings;
  talkVisibility: TalkVisibility;
  /** Keywords the organiser added to the aspect lexicon, by aspect. */
  aspectKeywords: Record<string, string[]>;
}

export interface TeamMemberView {
  userId: string;
  displayName: string;
  role: TeamRole;
  oversees: Array<{ id: string; name: string }>;
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

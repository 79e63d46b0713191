/**
 * A meeting's phase only moves forward: 筹备 → 征求意见 → 认领 → 召开 → 整改 → 结束.
 */
export const MEETING_PHASES = ['preparing', 'collecting', 'claiming', 'held', 'rectifying', 'closed'] as const;
export type MeetingPhase = (typeof MEETING_PHASES)[number];

/** The phases as pages name them. */
export const MEETING_PHASE_NAMES: Record<MeetingPhase, string> = {
  preparing: '筹备',
  collecting: '征求意见',
  claiming: '认领答复',
  held: '已召开',
  rectifying: '整改落实',
  closed: '已结束',
};

export function isForwardMove(from: MeetingPhase, to: MeetingPhase): boolean {
  return MEETING_PHASES.indexOf(to) > MEETING_PHASES.indexOf(from);
}

/** Once the meeting has been held, collecting opinions for it (boxes, surveys) is over. */
export function isCollectingOver(phase: MeetingPhase): boolean {
  return MEETING_PHASES.indexOf(phase) >= MEETING_PHASES.indexOf('held');
}

/** Who may read a talk's content: its two participants, and by default also the secretary (主要负责同志). */
export const TALK_VISIBILITIES = ['participants', 'participants-and-secretary'] as const;
export type TalkVisibility = (typeof TALK_VISIBILITIES)[number];

export const MEETING_KINDS = ['democratic-life', 'organizational-life'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** 民主生活会 / 组织生活会, as the kind reads in a sentence. */
export function meetingKindName(kind: MeetingKind): string {
  return kind === 'democratic-life' ? '民主生活会' : '组织生活会';
}

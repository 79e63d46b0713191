import { ApiProperty } from '@nestjs/swagger';
import { MaterialStatus } from '../materials/material-states';
import { MeetingPhase } from '../meetings/meeting-phase';

/** Released opinions per channel, every channel named (0 when none). */
export class ChannelCountsView {
  box: number;
  survey: number;
  talk: number;
  symposium: number;
  written: number;
}

export class ProgressOpinionsView {
  total: number;
  byChannel: ChannelCountsView;
  /** Released opinions per aspect (未归类 for those not yet placed in an item without one). */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  byAspect: Record<string, number>;
  byDay: { day: string; count: number }[];
}

/** 筹备进度: how far a meeting's preparation has come (`GET /api/v1/meetings/{id}/progress`). */
export class ProgressView {
  meetingId: string;
  phase: MeetingPhase;
  opinions: ProgressOpinionsView;
  boxes: { id: string; title: string; opinions: number; releaseThreshold: number; released: boolean }[];
  surveys: { id: string; title: string; tokensIssued: number; responses: number; responseRate: number | null }[];
  talks: { required: number; pending: number; held: number; confirmed: number };
  items: { total: number; draft: number; published: number; setAside: number; claimed: number; answered: number };
  /** 屡提屡犯: items on the list (not set aside) that say again what an earlier meeting's item said, and of those, how many were closed out (已销号) then. */
  repeats: { items: number; closed: number };
  members: { userId: string; name: string; role: string; talksPending: number; itemsUnclaimed: number; itemsUnanswered: number; materialStatus: MaterialStatus }[];
  /** The 领导班子对照检查材料's status (the secretary writes it for the team; organisers or the 督导组 review it). */
  teamMaterial: MaterialStatus;
  deadlines: { name: 'collectUntil' | 'talksUntil' | 'claimUntil' | 'materialsUntil' | 'heldOn'; label: string; date: string; passed: boolean; overdue: boolean }[];
}

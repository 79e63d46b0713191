import { MeetingPhase } from '../meetings/meeting-phase';
import { Box } from './box.entity';

/** Once the meeting has been held, collecting opinions for it is over. */
const COLLECTING_OVER: readonly MeetingPhase[] = ['held', 'rectifying', 'closed'];

/** A box takes opinions until an organiser closes it, its closing time passes or the meeting is held. */
export function isBoxOpen(box: Pick<Box, 'closedAt' | 'closesAt'>, phase: MeetingPhase, now: Date): boolean {
  if (box.closedAt) return false;
  if (box.closesAt && box.closesAt.getTime() <= now.getTime()) return false;
  return !COLLECTING_OVER.includes(phase);
}

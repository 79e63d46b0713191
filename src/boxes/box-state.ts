import { isCollectingOver, MeetingPhase } from '../meetings/meeting-phase';
import { Box } from './box.entity';

/** A box takes opinions until an organiser closes it, its closing time passes or the meeting is held. */
export function isBoxOpen(box: Pick<Box, 'closedAt' | 'closesAt'>, phase: MeetingPhase, now: Date): boolean {
  if (box.closedAt) return false;
  if (box.closesAt && box.closesAt.getTime() <= now.getTime()) return false;
  return !isCollectingOver(phase);
}

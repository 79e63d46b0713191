import { IsIn } from 'class-validator';
import { MEETING_PHASES, MeetingPhase } from '../meeting-phase';

export class MovePhaseDto {
  @IsIn(MEETING_PHASES)
  phase: MeetingPhase;
}

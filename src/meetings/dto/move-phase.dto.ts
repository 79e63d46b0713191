import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { MEETING_PHASES, MeetingPhase } from '../meeting-phase';

export class MovePhaseDto {
  // Listed in the phases' own order: read from the type, the order followed the compiler's internals.
  @ApiProperty({ enum: MEETING_PHASES })
  @IsIn(MEETING_PHASES)
  phase: MeetingPhase;
}

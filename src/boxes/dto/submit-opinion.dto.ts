import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { trimmed } from '../../common/transforms';
import { OpinionText } from '../../opinions/opinion-text.decorator';

/** What a writer sends to a box. Nothing here, nor in the request around it, is kept about them. */
export class SubmitOpinionDto {
  /** The opinion, 5 to 2000 characters once surrounding spaces are trimmed. */
  @OpinionText()
  text: string;

  /** One of the meeting's aspects; leave out to let the organisers sort it. */
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(100)
  aspect?: string;

  /** The team member it concerns (an id from the box's targets); leave out for the team as a whole. */
  @IsOptional() @IsString() @MaxLength(36)
  targetMemberId?: string | null;

  /** The box's access code, when it has one. */
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(50)
  accessCode?: string;
}

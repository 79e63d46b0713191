import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../common/transforms';

export const OPINION_MIN_LENGTH = 5;
export const OPINION_MAX_LENGTH = 2000;

/** What a writer sends to a box. Nothing here, nor in the request around it, is kept about them. */
export class SubmitOpinionDto {
  /** The opinion, 5 to 2000 characters once surrounding spaces are trimmed. */
  @Transform(trimmed)
  @IsString({ message: '意见内容应为文本' })
  @MinLength(OPINION_MIN_LENGTH, { message: `意见内容至少 ${OPINION_MIN_LENGTH} 个字` })
  @MaxLength(OPINION_MAX_LENGTH, { message: `意见内容最多 ${OPINION_MAX_LENGTH} 个字` })
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

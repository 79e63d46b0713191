import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { trimmed } from '../../common/transforms';
import { OpinionText } from '../../opinions/opinion-text.decorator';
import { IsOptionalNotNull } from '../../common/validation';

/** One opinion as an organiser minuted it: the words as said (原汁原味), its aspect and member if known. */
export class RecordedOpinionDto {
  /** 5 to 2000 characters once surrounding spaces are trimmed. */
  @OpinionText()
  text: string;

  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MaxLength(100)
  aspect?: string;

  /** The team member it concerns (a user id); leave out for the team as a whole. */
  @IsOptionalNotNull() @IsUUID()
  targetMemberId?: string;
}

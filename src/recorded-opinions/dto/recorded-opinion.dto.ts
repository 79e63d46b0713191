import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OPINION_MAX_LENGTH, OPINION_MIN_LENGTH } from '../../boxes/dto/submit-opinion.dto';
import { trimmed } from '../../common/transforms';

/** One opinion as an organiser minuted it: the words as said (原汁原味), its aspect and member if known. */
export class RecordedOpinionDto {
  @Transform(trimmed)
  @IsString({ message: '意见内容应为文本' })
  @MinLength(OPINION_MIN_LENGTH, { message: `意见内容至少 ${OPINION_MIN_LENGTH} 个字` })
  @MaxLength(OPINION_MAX_LENGTH, { message: `意见内容最多 ${OPINION_MAX_LENGTH} 个字` })
  text: string;

  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(100)
  aspect?: string;

  /** The team member it concerns (a user id); leave out for the team as a whole. */
  @IsOptional() @IsUUID()
  targetMemberId?: string;
}

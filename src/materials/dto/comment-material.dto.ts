import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../common/transforms';

/** 督导组意见 on a submitted material. */
export class CommentMaterialDto {
  /** The comment, as the team will read it. */
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(2000)
  text: string;
}

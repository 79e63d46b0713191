import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { trimmed } from '../../common/transforms';
import { RecordedOpinionDto } from '../../recorded-opinions/dto/recorded-opinion.dto';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/validation';

/** An opinion raised in the talk. It reaches the opinion list without the talk and, unless `attributable`, without who raised it. */
export class TalkOpinionDto extends RecordedOpinionDto {
  /** The person who raised it agreed to be named with it. */
  @IsOptionalNotNull() @IsBoolean()
  attributable?: boolean;
}

export class LogTalkDto {
  /** The other side, when they have an account (they will confirm the record)… */
  @IsOptionalNotNull() @IsUUID()
  counterpartUserId?: string;

  /** …or their name, when they have none (e.g. a department head). */
  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(50)
  counterpartName?: string;

  /** The day it was held (YYYY-MM-DD), today or earlier. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn 应为 YYYY-MM-DD 格式的日期' }) @IsCalendarDate()
  heldOn: string;

  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MaxLength(200)
  place?: string;

  /** What each side said. */
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(10_000)
  summary: string;

  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => TalkOpinionDto)
  opinions?: TalkOpinionDto[];
}

export class CorrectTalkDto {
  @IsOptionalNotNull() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn 应为 YYYY-MM-DD 格式的日期' }) @IsCalendarDate()
  heldOn?: string;

  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MaxLength(200)
  place?: string;

  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(10_000)
  summary?: string;
}

export class RequestCorrectionDto {
  /** What is wrong in the record. */
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(1000)
  comment: string;
}

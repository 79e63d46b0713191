import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { trimmed, trimmedEach } from '../../common/transforms';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/validation';


export class CreateRectificationDto {
  /** 问题: what is to be put right. */
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(2000)
  problem: string;

  /** 整改措施, one or more, in order. */
  @Transform(trimmedEach) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(2000, { each: true })
  measures: string[];

  /** 责任主体: a member of the meeting's team. */
  @IsUUID()
  ownerUserId: string;

  /** 完成时限, `YYYY-MM-DD`. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate 应为 YYYY-MM-DD 格式的日期' }) @IsCalendarDate()
  dueDate: string;

  /** The item (意见清单条目) it answers, if any: one entry per item. */
  @IsOptionalNotNull() @IsUUID()
  itemId?: string;
}

/** The organiser's corrections: only what is sent changes. */
export class UpdateRectificationDto {
  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(2000)
  problem?: string;

  /** Replaces the measures, in order. */
  @IsOptionalNotNull() @Transform(trimmedEach) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(2000, { each: true })
  measures?: string[];

  /** 责任主体: a member of the meeting's team. */
  @IsOptionalNotNull() @IsUUID()
  ownerUserId?: string;

  /** 完成时限, `YYYY-MM-DD`. */
  @IsOptionalNotNull() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate 应为 YYYY-MM-DD 格式的日期' }) @IsCalendarDate()
  dueDate?: string;
}

export class ReportRectificationDto {
  /** What was done. */
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(5000)
  note: string;

  /** What shows it was done, as text (a document's number, where it can be seen). */
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(5000)
  evidence?: string;
}

export class CloseRectificationDto {
  /** 销号意见. */
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(2000)
  note: string;
}

export class ReturnRectificationDto {
  /** Why it goes back (退回理由). */
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(2000)
  reason: string;
}

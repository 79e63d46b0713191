import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { trimmed } from '../../common/transforms';
import { ITEM_STATUSES, ItemStatus } from '../opinion-item.entity';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/validation';

export class ListItemsQuery {
  @IsOptionalNotNull() @IsIn(ITEM_STATUSES)
  status?: ItemStatus;

  @IsOptionalNotNull() @IsString() @MaxLength(100)
  aspect?: string;

  /** A team member's id, or `team` for the items concerning the team as a whole. */
  @IsOptionalNotNull() @IsString() @MaxLength(36)
  target?: string;
}

export class UpdateItemDto {
  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(2000)
  summary?: string;

  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(100)
  aspect?: string;

  /** A team member's id, or null for the team as a whole. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID()
  targetMemberId?: string | null;

  /** The organiser's own notes, never shown to claimants; null clears them. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(5000)
  notes?: string | null;
}

export class MergeItemDto {
  @IsUUID()
  intoItemId: string;
}

export class SplitItemDto {
  /** The ids of the sources (raw opinions) that leave for a new item. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  sourceIds: string[];
}

export class SetAsideDto {
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(500)
  reason: string;
}

/** An item named by the upper level or the 督导组 (channel `supervision`). */
export class AddItemDto {
  @Transform(trimmed) @IsString() @MinLength(5) @MaxLength(2000)
  summary: string;

  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(100)
  aspect: string;

  @IsOptionalNotNull() @IsUUID()
  targetMemberId?: string;
}

export class ClaimDto {
  @IsIn(['lead', 'joint'])
  kind: 'lead' | 'joint';
}

export class AnswerDto {
  /** 问题认识: how the member understands the problem. */
  @Transform(trimmed) @IsString() @MinLength(5) @MaxLength(5000)
  reflection: string;

  /** 整改措施: what they will do about it. */
  @Transform(trimmed) @IsString() @MinLength(5) @MaxLength(5000)
  measures: string;

  @IsOptionalNotNull() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate 应为 YYYY-MM-DD 格式的日期' }) @IsCalendarDate()
  dueDate?: string;
}

export class AssignDto {
  @IsUUID()
  memberUserId: string;
}

export class SimilarItemsQuery {
  /** At most how many pairs, most similar first (default 30). */
  @IsOptionalNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}

export class DistinctItemDto {
  /** The other item of the pair: it says something different from this one. */
  @IsUUID()
  otherItemId: string;
}

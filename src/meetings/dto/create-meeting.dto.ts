import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MEETING_KINDS, MeetingKind } from '../meeting-phase';
import { IsOptionalNotNull } from '../../common/validation';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateMessage = { message: '$property 应为 YYYY-MM-DD 格式的日期' };

export class DeadlinesDto {
  /** 征求意见截止 */
  @Matches(DATE, dateMessage) collectUntil: string;
  /** 谈心谈话完成 */
  @Matches(DATE, dateMessage) talksUntil: string;
  /** 认领意见截止 */
  @Matches(DATE, dateMessage) claimUntil: string;
  /** 对照检查材料完成 */
  @Matches(DATE, dateMessage) materialsUntil: string;
  /** 会议召开日期 */
  @Matches(DATE, dateMessage) heldOn: string;
}

export class CreateMeetingDto {
  @IsString() @MinLength(1) @MaxLength(200)
  title: string;

  @IsInt() @Min(2000) @Max(2100)
  year: number;

  @IsIn(MEETING_KINDS)
  kind: MeetingKind;

  @IsOptionalNotNull() @IsString() @MaxLength(500)
  theme?: string;

  /** One of `GET /api/v1/aspect-presets`; give this or `aspects`. */
  @IsOptionalNotNull() @IsString()
  aspectPreset?: string;

  /** The meeting's own check aspects (对照检查的方面), instead of a preset. */
  @IsOptionalNotNull() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(12) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(100, { each: true })
  aspects?: string[];

  @ValidateNested() @Type(() => DeadlinesDto)
  deadlines: DeadlinesDto;

  /**
   * The organisation's earlier meeting this one follows (上一年度): its unfinished rectification
   * entries are carried into this meeting's ledger, and this meeting's items are compared with its items.
   */
  @IsOptionalNotNull() @IsUUID()
  previousMeetingId?: string;
}

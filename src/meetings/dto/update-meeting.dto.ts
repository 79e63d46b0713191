import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { TALK_VISIBILITIES, TalkVisibility } from '../meeting-phase';
import { DeadlinesDto } from './create-meeting.dto';
import { IsOptionalNotNull } from '../../common/validation';

/** Switches 必谈 rules on or off; a rule left out keeps its setting. */
export class TalkRulesDto {
  /** The secretary (主要负责同志) with every member. */
  @IsOptionalNotNull() @IsBoolean()
  'secretary-member'?: boolean;

  /** The members with each other. */
  @IsOptionalNotNull() @IsBoolean()
  'member-member'?: boolean;

  /** Each team member with the heads of the departments they oversee. */
  @IsOptionalNotNull() @IsBoolean()
  'department-head'?: boolean;

  /** Each team member with the people of their party branch (off by default). */
  @IsOptionalNotNull() @IsBoolean()
  branch?: boolean;
}

export class UpdateMeetingDto {
  @IsOptionalNotNull() @IsString() @MinLength(1) @MaxLength(200)
  title?: string;

  @IsOptionalNotNull() @IsString() @MaxLength(500)
  theme?: string;

  @IsOptionalNotNull() @ValidateNested() @Type(() => DeadlinesDto)
  deadlines?: DeadlinesDto;

  @IsOptionalNotNull() @ValidateNested() @Type(() => TalkRulesDto)
  talkRules?: TalkRulesDto;

  /**
   * Keywords an organiser adds to the aspect lexicon, by aspect, e.g. {"工作作风": ["文山会海"]}:
   * opinions without an aspect that use them are filed under it. Replaces the meeting's list.
   */
  @IsOptionalNotNull() @IsObject()
  aspectKeywords?: Record<string, string[]>;

  /** `participants-and-secretary` (default) or `participants`: who may read a talk's content. */
  @IsOptionalNotNull() @IsIn(TALK_VISIBILITIES)
  talkVisibility?: TalkVisibility;
}

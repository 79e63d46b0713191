import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { TALK_VISIBILITIES, TalkVisibility } from '../meeting-phase';
import { DeadlinesDto } from './create-meeting.dto';

/** Switches 必谈 rules on or off; a rule left out keeps its setting. */
export class TalkRulesDto {
  /** The secretary (主要负责同志) with every member. */
  @IsOptional() @IsBoolean()
  'secretary-member'?: boolean;

  /** The members with each other. */
  @IsOptional() @IsBoolean()
  'member-member'?: boolean;

  /** Each team member with the heads of the departments they oversee. */
  @IsOptional() @IsBoolean()
  'department-head'?: boolean;

  /** Each team member with the people of their party branch (off by default). */
  @IsOptional() @IsBoolean()
  branch?: boolean;
}

export class UpdateMeetingDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  title?: string;

  @IsOptional() @IsString() @MaxLength(500)
  theme?: string;

  @IsOptional() @ValidateNested() @Type(() => DeadlinesDto)
  deadlines?: DeadlinesDto;

  @IsOptional() @ValidateNested() @Type(() => TalkRulesDto)
  talkRules?: TalkRulesDto;

  /**
   * Keywords an organiser adds to the aspect lexicon, by aspect, e.g. {"工作作风": ["文山会海"]}:
   * opinions without an aspect that use them are filed under it. Replaces the meeting's list.
   */
  @IsOptional() @IsObject()
  aspectKeywords?: Record<string, string[]>;

  /** `participants-and-secretary` (default) or `participants`: who may read a talk's content. */
  @IsOptional() @IsIn(TALK_VISIBILITIES)
  talkVisibility?: TalkVisibility;
}

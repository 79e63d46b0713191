import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { RecordedOpinionDto } from './recorded-opinion.dto';
import { IsCalendarDate } from '../../common/validation';

export class RecordSymposiumDto {
  /** The day it was held (YYYY-MM-DD), today or earlier. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn 应为 YYYY-MM-DD 格式的日期' }) @IsCalendarDate()
  heldOn: string;

  /** The group at the table, e.g. 中层干部 or 普通职工代表. */
  @IsString() @MinLength(1) @MaxLength(100)
  audience: string;

  @IsInt() @Min(1) @Max(10_000)
  attendeeCount: number;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RecordedOpinionDto)
  opinions: RecordedOpinionDto[];
}

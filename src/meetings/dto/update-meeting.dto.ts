import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DeadlinesDto } from './create-meeting.dto';

export class UpdateMeetingDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  title?: string;

  @IsOptional() @IsString() @MaxLength(500)
  theme?: string;

  @IsOptional() @ValidateNested() @Type(() => DeadlinesDto)
  deadlines?: DeadlinesDto;
}

import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { RecordedOpinionDto } from './recorded-opinion.dto';

export class RecordWrittenOpinionsDto {
  /** The body that answered in writing, e.g. 纪检监察组. */
  @IsString() @MinLength(1) @MaxLength(200)
  fromBody: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RecordedOpinionDto)
  opinions: RecordedOpinionDto[];
}

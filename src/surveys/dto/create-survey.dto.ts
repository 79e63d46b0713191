import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { trimmed } from '../../common/transforms';
import { QUESTION_KINDS, QuestionKind } from '../survey-questions';
import { IsOptionalNotNull } from '../../common/validation';

export class SurveyQuestionDto {
  /** `text` (free answer, becomes an opinion), `single` or `multi` choice, `rating` 1–5. */
  @IsIn(QUESTION_KINDS, { message: 'kind 应为 text、single、multi 或 rating' })
  kind: QuestionKind;

  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(500)
  prompt: string;

  /** Text questions only: the aspect its answers are filed under (one of the meeting's). */
  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MaxLength(100)
  aspect?: string;

  /** Choice questions only: 2 to 20 distinct options. */
  @IsOptionalNotNull() @IsArray() @ArrayMinSize(2) @ArrayMaxSize(20) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(200, { each: true })
  options?: string[];

  /** Whether an answer is needed; true unless said otherwise. */
  @IsOptionalNotNull() @IsBoolean()
  required?: boolean;
}

export class CreateSurveyDto {
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(200)
  title: string;

  /** Anonymous unless said otherwise: answers keep no link to their token. */
  @IsOptionalNotNull() @IsBoolean()
  anonymous?: boolean;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => SurveyQuestionDto)
  questions: SurveyQuestionDto[];
}

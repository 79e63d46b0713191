import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';

/** One answer (for the API documentation: its shape is checked with the survey's questions, in checkAnswers). */
export class SurveyAnswerDto {
  /** The question's position in the survey, from 0. */
  questionIndex: number;

  /** Text for `text`; an option's text or index for `single`; an array of them for `multi`; 1–5 for `rating`. */
  value: unknown;
}

/** One person's answers. Nothing in it, nor in the request around it, says who they are. */
export class SubmitSurveyResponseDto {
  /**
   * Each `{questionIndex, value}`. Their shape is checked together with the questions they
   * answer (checkAnswers), once, rather than also by a nested DTO on this hot route.
   */
  @ApiProperty({ type: [SurveyAnswerDto] })
  @IsArray() @ArrayMaxSize(200)
  answers: unknown[];
}

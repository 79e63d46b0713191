import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators';
import { PublicReadLimit, SurveySubmitLimit } from '../rate-limit/public-limits';
import { SubmitSurveyResponseDto } from './dto/submit-survey-response.dto';
import { PublicSurveyView, SurveyResponsesService } from './survey-responses.service';

/** Surveys as respondents reach them, by token: no account, rate-limited, nothing about the caller kept. */
@ApiTags('public')
@Public()
@Controller('api/v1/public/surveys')
export class PublicSurveysController {
  constructor(private readonly responses: SurveyResponsesService) {}

  /** The questions (410 TOKEN_USED once the token has answered). */
  @Get(':token')
  @PublicReadLimit()
  describe(@Param('token') token: string): Promise<PublicSurveyView> {
    return this.responses.describe(token);
  }

  /** Sends the answers, once per token (a second answer 410 TOKEN_USED; a closed survey 409 SURVEY_CLOSED). */
  @Post(':token/responses')
  @SurveySubmitLimit()
  async respond(@Param('token') token: string, @Body() dto: SubmitSurveyResponseDto): Promise<{ received: true }> {
    await this.responses.submit(token, dto);
    return { received: true };
  }
}

import { Body, Controller, Get, Ip, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnonymousApi } from '../common/decorators';
import { PublicReadLimit } from '../rate-limit/public-limits';
import { SubmitSurveyResponseDto } from './dto/submit-survey-response.dto';
import { SurveyResponsesService } from './survey-responses.service';
import { SurveySubmitLimits } from './survey-submit-limits';
import { PublicSurveyView, SurveyResponseReceivedView } from './survey.views';

/** Surveys as respondents reach them, by token: no account, rate-limited, nothing about the caller kept. */
@ApiTags('public')
@AnonymousApi()
@Controller('api/v1/public/surveys')
export class PublicSurveysController {
  constructor(
    private readonly responses: SurveyResponsesService,
    private readonly limits: SurveySubmitLimits,
  ) {}

  /** The questions (410 TOKEN_USED once the token has answered). */
  @Get(':token')
  @PublicReadLimit()
  describe(@Param('token') token: string): Promise<PublicSurveyView> {
    return this.responses.describe(token);
  }

  /**
   * Sends the answers, once per token (a second answer 410 TOKEN_USED; a closed survey 409
   * SURVEY_CLOSED). Limited per client, counting accepted answers only (429 RATE_LIMITED).
   */
  @Post(':token/responses')
  async respond(@Param('token') token: string, @Body() dto: SubmitSurveyResponseDto, @Ip() address: string): Promise<SurveyResponseReceivedView> {
    await this.limits.submit(token, dto, address);
    return { received: true };
  }
}

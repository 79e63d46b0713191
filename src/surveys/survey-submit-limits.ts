import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { surveySubmitQuota } from '../rate-limit/public-limits';
import { Counter, RateLimiter } from '../rate-limit/rate-limiter';
import { SubmitSurveyResponseDto } from './dto/submit-survey-response.dto';
import { SurveyResponsesService } from './survey-responses.service';

/**
 * A survey's limit per client, around taking an answer (page and API alike). A department often
 * answers from one room behind one address, so only accepted answers count: a form sent back for
 * a missing answer, or a used token, costs nothing.
 */
@Injectable()
export class SurveySubmitLimits {
  constructor(
    private readonly responses: SurveyResponsesService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** `address`: the client's, as the trusted proxies tell it (request.ip); only its daily keyed hash is used. */
  async submit(token: string, dto: SubmitSurveyResponseDto, address: string): Promise<void> {
    const accepted: Counter[] = [{ quota: surveySubmitQuota(this.config), subject: this.limiter.client(address) }];
    // Counted up front in one step with the check, and given back if the answer is refused.
    await this.limiter.take(accepted);
    try {
      await this.responses.submit(token, dto);
    } catch (error) {
      await this.limiter.giveBack(accepted);
      throw error;
    }
  }
}

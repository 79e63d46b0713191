import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/app-error';
import { AppConfig } from '../config/app-config';
import { accessCodeFailureQuota, boxCeilingQuota, boxSubmitQuota } from '../rate-limit/public-limits';
import { Counter, RateLimiter } from '../rate-limit/rate-limiter';
import { BoxSubmissionsService } from './box-submissions.service';
import { SubmitOpinionDto } from './dto/submit-opinion.dto';

/**
 * A box's limits, around taking an opinion (page and API alike). Colleagues behind one office
 * address must all get in, a script must not: so only accepted opinions count, per client and per
 * box, and a refused attempt (too short, blank, closed, sent twice) costs nothing. Wrong access
 * codes are the exception: there the failures are what is counted, so the code cannot be guessed.
 */
@Injectable()
export class BoxSubmitLimits {
  constructor(
    private readonly submissions: BoxSubmissionsService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** `address`: the client's, as the trusted proxies tell it (request.ip); only its daily keyed hash is used. */
  async submitOpinion(slug: string, dto: SubmitOpinionDto, address: string): Promise<{ receipt: string }> {
    const accepted: Counter[] = [
      { quota: boxSubmitQuota(this.config), subject: this.limiter.client(address) },
      { quota: boxCeilingQuota(this.config), subject: this.limiter.subject('box', slug) },
    ];
    // Without a code there is no guess to count (a box that needs one refuses at once).
    const guesses: Counter[] = dto.accessCode ? [{ quota: accessCodeFailureQuota(this.config), subject: this.limiter.subject('box-client', `${slug} ${address}`) }] : [];

    if (guesses.length > 0) await this.limiter.refuseIfReached(guesses);
    // Counted up front in one step with the check, and given back if the opinion is refused.
    await this.limiter.take(accepted);
    try {
      return await this.submissions.submitOpinion(slug, dto);
    } catch (error) {
      await this.limiter.giveBack(accepted);
      if (guesses.length > 0 && error instanceof AppError && error.code === ErrorCode.AccessCodeRequired) await this.limiter.count(guesses);
      throw error;
    }
  }
}

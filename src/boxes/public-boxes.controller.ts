import { Body, Controller, Get, Ip, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnonymousApi } from '../common/decorators';
import { PublicReadLimit } from '../rate-limit/public-limits';
import { BoxSubmitLimits } from './box-submit-limits';
import { BoxSubmissionsService } from './box-submissions.service';
import { OpinionReceiptView, PublicBoxView } from './box.views';
import { SubmitOpinionDto } from './dto/submit-opinion.dto';

/** The boxes as writers reach them: no account, rate-limited, nothing about the caller kept. */
@ApiTags('public')
@AnonymousApi()
@Controller('api/v1/public/boxes')
export class PublicBoxesController {
  constructor(
    private readonly submissions: BoxSubmissionsService,
    private readonly limits: BoxSubmitLimits,
  ) {}

  /** What the box page shows: title, aspects and whom an opinion may concern (id null = the team). */
  @Get(':slug')
  @PublicReadLimit()
  describe(@Param('slug') slug: string): Promise<PublicBoxView> {
    return this.submissions.describeBox(slug);
  }

  /**
   * Sends an opinion; the answer holds the receipt code, shown to the writer once. Limited per
   * client and per box, counting accepted opinions only (429 RATE_LIMITED with Retry-After); a
   * repeated `nonce` stores nothing and answers 409 ALREADY_SENT.
   */
  @Post(':slug/opinions')
  submit(@Param('slug') slug: string, @Body() dto: SubmitOpinionDto, @Ip() address: string): Promise<OpinionReceiptView> {
    return this.limits.submitOpinion(slug, dto, address);
  }
}

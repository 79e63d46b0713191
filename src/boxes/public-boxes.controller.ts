import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators';
import { BoxSubmitLimit, PublicReadLimit } from '../rate-limit/public-limits';
import { BoxSubmissionsService, PublicBoxView } from './box-submissions.service';
import { SubmitOpinionDto } from './dto/submit-opinion.dto';

/** The boxes as writers reach them: no account, rate-limited, nothing about the caller kept. */
@ApiTags('public')
@Public()
@Controller('api/v1/public/boxes')
export class PublicBoxesController {
  constructor(private readonly submissions: BoxSubmissionsService) {}

  /** What the box page shows: title, aspects and whom an opinion may concern (id null = the team). */
  @Get(':slug')
  @PublicReadLimit()
  describe(@Param('slug') slug: string): Promise<PublicBoxView> {
    return this.submissions.describeBox(slug);
  }

  /** Sends an opinion; the answer holds the receipt code, shown to the writer once. */
  @Post(':slug/opinions')
  @BoxSubmitLimit()
  submit(@Param('slug') slug: string, @Body() dto: SubmitOpinionDto): Promise<{ receipt: string }> {
    return this.submissions.submitOpinion(slug, dto);
  }
}

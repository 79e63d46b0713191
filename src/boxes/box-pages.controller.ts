import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AppError, ErrorCode } from '../common/app-error';
import { Public } from '../common/decorators';
import { validateInput } from '../common/validation';
import { BoxSubmitLimit, PublicReadLimit } from '../rate-limit/public-limits';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { BoxSubmissionsService } from './box-submissions.service';
import { SubmitOpinionDto } from './dto/submit-opinion.dto';
import { BoxFormValues, renderBoxPage, renderReceiptIssued } from './views/box-page';

/**
 * 意见箱 pages (`/b/:slug`): a plain HTML form posting back to itself, so a phone without
 * JavaScript, or one that blocks it, can still write. Same rules and limits as the API.
 */
@ApiExcludeController()
@Public()
@Controller('b')
export class BoxPagesController {
  constructor(private readonly submissions: BoxSubmissionsService) {}

  @Get(':slug')
  @PublicReadLimit()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async form(@Param('slug') slug: string): Promise<string> {
    return renderBoxPage(slug, await this.submissions.describeBox(slug));
  }

  @Post(':slug')
  @HttpCode(200)
  @BoxSubmitLimit()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async submit(@Param('slug') slug: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const box = await this.submissions.describeBox(slug);
    const values = formValues(body);
    try {
      const dto = await validateInput(SubmitOpinionDto, values);
      const { receipt } = await this.submissions.submitOpinion(slug, dto);
      return renderReceiptIssued(box, receipt);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      reply.status(error.status);
      if (error.code === ErrorCode.BoxClosed) return renderBoxPage(slug, { ...box, open: false });
      return renderBoxPage(slug, box, values, pageMessage(error));
    }
  }
}

/** The form's fields, with "not chosen" (an empty select) as absent. */
function formValues(body: unknown): BoxFormValues & { accessCode?: string } {
  const field = (name: string) => formText(body, name) || undefined;
  return { text: field('text') ?? '', aspect: field('aspect'), targetMemberId: field('targetMemberId'), accessCode: field('accessCode') };
}

import { Body, Controller, Get, Header, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppError, ErrorCode } from '../common/app-error';
import { AnonymousPages } from '../common/decorators';
import { validateInput } from '../common/validation';
import { FORM_NONCE_PATTERN, newFormNonce } from '../opinions/form-nonce';
import { PublicReadLimit } from '../rate-limit/public-limits';
import { formText, pageMessage } from '../web/forms';
import { OnRefusal, RefusedRequest } from '../web/form-refusal';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { BoxSubmitLimits } from './box-submit-limits';
import { BoxSubmissionsService } from './box-submissions.service';
import { SubmitOpinionDto } from './dto/submit-opinion.dto';
import { BoxFormValues, renderAlreadySent, renderBoxPage, renderReceiptIssued } from './views/box-page';

/**
 * 意见箱 pages (`/b/:slug`): a plain HTML form posting back to itself, so a phone without
 * JavaScript, or one that blocks it, can still write. Same rules and limits as the API. The
 * answer to a send is the receipt page itself (not a redirect): the receipt is shown once and
 * must not sit in an address or a cache; the form's one-time nonce makes a reload of it, or Back
 * and send, store nothing.
 */
@ApiExcludeController()
@AnonymousPages()
@Controller('b')
export class BoxPagesController {
  constructor(
    private readonly submissions: BoxSubmissionsService,
    private readonly limits: BoxSubmitLimits,
  ) {}

  @Get(':slug')
  @PublicReadLimit()
  @Header('content-type', HTML_CONTENT_TYPE)
  // Not no-store: Back from the receipt page must show this very form again, from the browser's
  // cache, with the nonce it was sent with, so sending it again stores nothing. (The form posts to
  // another address, `/b/:slug/opinions`, because a POST to this one would evict it from that
  // cache.) A new visit still revalidates (no-cache); the page holds nothing about the writer.
  @Header('cache-control', 'private, no-cache')
  async form(@Param('slug') slug: string): Promise<string> {
    return renderBoxPage(slug, await this.submissions.describeBox(slug), { nonce: newFormNonce() });
  }

  /**
   * The form's send (`/b/:slug` too, for forms served before it moved). Any refusal (400 invalid,
   * 403 access code, 409 closed, 429 too many) comes back as the form with everything typed kept
   * and what to do about it; 409 ALREADY_SENT as a page saying so.
   */
  @Post([':slug/opinions', ':slug'])
  @HttpCode(200)
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  @OnRefusal((error, sent, pages: BoxPagesController) => pages.refused(error, sent))
  async submit(@Param('slug') slug: string, @Body() body: unknown, @Ip() address: string): Promise<string> {
    const box = await this.submissions.describeBox(slug);
    const dto = await validateInput(SubmitOpinionDto, formValues(body));
    const { receipt } = await this.limits.submitOpinion(slug, dto, address);
    return renderReceiptIssued(box, receipt, this.submissions.heldNotice());
  }

  /**
   * The form again, everything typed kept, with the nonce it was sent with (nothing was stored
   * under it) or a new one. The box is read first, as the send did: an unknown box stays a 404 page.
   */
  async refused(error: AppError, { params, body }: RefusedRequest): Promise<string> {
    const box = await this.submissions.describeBox(params.slug);
    const sent = formValues(body);
    const values = { ...sent, nonce: sent.nonce && FORM_NONCE_PATTERN.test(sent.nonce) ? sent.nonce : newFormNonce() };
    if (error.code === ErrorCode.AlreadySent) return renderAlreadySent(params.slug);
    if (error.code === ErrorCode.BoxClosed) return renderBoxPage(params.slug, { ...box, open: false }, values);
    return renderBoxPage(params.slug, box, values, refusal(error));
  }
}

/** The form's fields, with "not chosen" (an empty select) as absent. */
function formValues(body: unknown): Omit<BoxFormValues, 'nonce'> & { nonce?: string } {
  const field = (name: string) => formText(body, name) || undefined;
  return { text: field('text') ?? '', aspect: field('aspect'), targetMemberId: field('targetMemberId'), accessCode: field('accessCode'), nonce: field('nonce') };
}

/** The refusal in words, and that nothing typed was lost. */
function refusal(error: AppError): string {
  const kept = '您写的内容已保留在下面';
  if (error.code === ErrorCode.RateLimited) return `${error.message}，${kept}，到时直接点“提交意见”即可。`;
  if (error.code === ErrorCode.AccessCodeRequired) return `${error.message}。${kept}，改好访问码后再提交。`;
  return `${pageMessage(error)}。${kept}，修改后再提交。`;
}

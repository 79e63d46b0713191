import { Body, Controller, Get, Header, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppError, ErrorCode } from '../common/app-error';
import { AnonymousPages } from '../common/decorators';
import { validateInput } from '../common/validation';
import { FORM_NONCE_PATTERN, newFormNonce } from '../opinions/form-nonce';
import { PublicReadLimit } from '../rate-limit/public-limits';
import { formText, pageMessage } from '../web/forms';
import { isOutageAnswer } from '../database/outage';
import { OnRefusal, RecentlyShown, RefusedRequest } from '../web/form-refusal';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { TEAM_TARGET } from './box-directory';
import { BoxSubmitLimits } from './box-submit-limits';
import { BoxSubmissionsService, PublicBoxView } from './box-submissions.service';
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
  /** The boxes shown lately, to draw a refused form again while the database is down. */
  private readonly shown = new RecentlyShown<PublicBoxView>();

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
    return renderBoxPage(slug, this.shown.remember(slug, await this.submissions.describeBox(slug)), { nonce: newFormNonce() });
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
  @OnRefusal((error, sent, pages: BoxPagesController) => pages.refused(error, sent), { outages: true })
  async submit(@Param('slug') slug: string, @Body() body: unknown, @Ip() address: string): Promise<string> {
    const box = this.shown.remember(slug, await this.submissions.describeBox(slug));
    const dto = await validateInput(SubmitOpinionDto, formValues(body));
    const { receipt } = await this.limits.submitOpinion(slug, dto, address);
    return renderReceiptIssued(box, receipt, this.submissions.heldNotice());
  }

  /**
   * The form again, everything typed kept, with the nonce it was sent with (nothing was stored
   * under it) or a new one. The box is read first, as the send did: an unknown box stays a 404 page.
   */
  async refused(error: AppError, { params, body }: RefusedRequest): Promise<string> {
    const sent = formValues(body);
    const values = { ...sent, nonce: sent.nonce && FORM_NONCE_PATTERN.test(sent.nonce) ? sent.nonce : newFormNonce() };
    // Database or Redis down (503: nothing stored; 504: not known): the form again, with its nonce, to send later.
    if (isOutageAnswer(error)) return renderBoxPage(params.slug, { ...(await this.boxDuringOutage(params.slug, sent)), open: true }, values, refusal(error));
    const box = await this.submissions.describeBox(params.slug);
    if (error.code === ErrorCode.AlreadySent) return renderAlreadySent(params.slug);
    if (error.code === ErrorCode.BoxClosed) return renderBoxPage(params.slug, { ...box, open: false }, values);
    return renderBoxPage(params.slug, box, values, refusal(error));
  }

  /**
   * The box as it can be drawn while the database is down: read if it can be, else as this process
   * showed it last, else from what the form sent (its title and choices unknown, the text kept).
   */
  private async boxDuringOutage(slug: string, sent: ReturnType<typeof formValues>): Promise<PublicBoxView> {
    try {
      return this.shown.remember(slug, await this.submissions.describeBox(slug));
    } catch {
      return (
        this.shown.recall(slug) ?? {
          title: '意见箱',
          meetingTitle: '',
          aspects: sent.aspect ? [sent.aspect] : [],
          targets: [TEAM_TARGET, ...(sent.targetMemberId ? [{ id: sent.targetMemberId, name: '（您原先选择的对象）' }] : [])],
          accessCodeRequired: sent.accessCode !== undefined,
          open: true,
        }
      );
    }
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
  if (error.code === ErrorCode.ServiceUnavailable) return `系统暂时不可用，您的意见没有保存。${kept}，请稍后再点“提交意见”。`;
  if (error.code === ErrorCode.OutcomeUnknown) return `系统没有及时确认您的意见是否已经保存。${kept}，请稍后再点一次“提交意见”：如果刚才已经保存，会提示已经提交过，不会重复保存。`;
  if (error.code === ErrorCode.RateLimited) return `${error.message}，${kept}，到时直接点“提交意见”即可。`;
  if (error.code === ErrorCode.AccessCodeRequired) return `${error.message}。${kept}，改好访问码后再提交。`;
  return `${pageMessage(error)}。${kept}，修改后再提交。`;
}

import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AppError } from '../common/app-error';
import { AnonymousPages } from '../common/decorators';
import { validateInput } from '../common/validation';
import { ReplyDto } from '../questions/dto/question.dto';
import { PublicReadLimit, ReceiptLookupLimit } from '../rate-limit/public-limits';
import { OnRefusal, RefusalAnswer } from '../web/form-refusal';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { ReceiptsService } from './receipts.service';
import { renderReceiptLookup, ReplyState } from './views/receipt-page';

const NOT_FOUND = '没有找到这个回执码，请核对后再试（字母不区分大小写）';

/**
 * 回执码查询 page (`/r`). The code is posted, not put in the address: an address stays in the
 * phone's history, where someone else could find it. A reply to an organiser's question (追问)
 * posts to the same address with the code in a hidden field, for the same reason, and so that it
 * is counted, never logged, like every visit to `/r`.
 */
@ApiExcludeController()
@AnonymousPages()
@Controller('r')
export class ReceiptPagesController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get()
  @PublicReadLimit()
  @Header('content-type', HTML_CONTENT_TYPE)
  form(): string {
    return renderReceiptLookup();
  }

  @Post()
  @HttpCode(200)
  @ReceiptLookupLimit()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  @OnRefusal((error, { body }, pages: ReceiptPagesController) => pages.refused(error, body))
  async lookUp(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const code = codeOf(body);
    if (!code) {
      reply.status(400);
      return renderReceiptLookup({ error: '请输入回执码' });
    }
    const questionId = formText(body, 'questionId');
    if (questionId === undefined) return this.page(code);
    // A reply: stored held, then the page again with it beside its question.
    const dto = await validateInput(ReplyDto, { questionId, text: formText(body, 'text') ?? '' });
    await this.receipts.reply(code, dto);
    return this.page(code, { sent: dto.questionId });
  }

  /**
   * A refusal comes back in the page: an unknown code as the look-up form with its message; a
   * refused reply as the page with the message and the words typed beside the question.
   */
  async refused(error: AppError, body: unknown): Promise<RefusalAnswer | undefined> {
    const code = codeOf(body);
    const questionId = formText(body, 'questionId');
    if (questionId === undefined || isUnknownCode(error)) return renderReceiptLookup({ code, error: NOT_FOUND });
    const refused = { questionId, message: pageMessage(error), text: formText(body, 'text') ?? '' };
    // A question not on this opinion: the page as it is, the message above the form.
    return this.page(code, error.status === 404 ? {} : { refused }, error.status === 404 ? '没有找到这个问题，请核对后再答复' : undefined).catch(() => undefined);
  }

  private async page(code: string, replies: Pick<ReplyState, 'sent' | 'refused'> = {}, error?: string): Promise<string> {
    const result = await this.receipts.lookUpWithItem(code);
    return renderReceiptLookup({ code, result, error, replies: { nextRelease: this.receipts.nextRelease(), ...replies } });
  }
}

/** A 404 about the code itself (not about a question on it). */
function isUnknownCode(error: AppError): boolean {
  return error.message.includes('回执码');
}

/** The code as typed, without the spaces around it. */
function codeOf(body: unknown): string {
  return typeof (body as { receipt?: unknown })?.receipt === 'string' ? (body as { receipt: string }).receipt.trim() : '';
}

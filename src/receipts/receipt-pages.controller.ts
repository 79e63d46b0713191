import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AnonymousPages } from '../common/decorators';
import { PublicReadLimit, ReceiptLookupLimit } from '../rate-limit/public-limits';
import { OnRefusal } from '../web/form-refusal';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { ReceiptsService } from './receipts.service';
import { renderReceiptLookup } from './views/receipt-page';

/**
 * 回执码查询 page (`/r`). The code is posted, not put in the address: an address stays in the
 * phone's history, where someone else could find it.
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
  @OnRefusal((_error, { body }) => renderReceiptLookup({ code: codeOf(body), error: '没有找到这个回执码，请核对后再试（字母不区分大小写）' }))
  async lookUp(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const code = codeOf(body);
    if (!code) {
      reply.status(400);
      return renderReceiptLookup({ error: '请输入回执码' });
    }
    return renderReceiptLookup({ code, result: await this.receipts.lookUp(code) });
  }
}

/** The code as typed, without the spaces around it. */
function codeOf(body: unknown): string {
  return typeof (body as { receipt?: unknown })?.receipt === 'string' ? (body as { receipt: string }).receipt.trim() : '';
}

import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AppError } from '../common/app-error';
import { Public } from '../common/decorators';
import { PublicReadLimit, ReceiptLookupLimit } from '../rate-limit/public-limits';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { ReceiptsService } from './receipts.service';
import { renderReceiptLookup } from './views/receipt-page';

/**
 * 回执码查询 page (`/r`). The code is posted, not put in the address: an address stays in the
 * phone's history, where someone else could find it.
 */
@ApiExcludeController()
@Public()
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
  async lookUp(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const code = typeof (body as { receipt?: unknown })?.receipt === 'string' ? (body as { receipt: string }).receipt.trim() : '';
    if (!code) {
      reply.status(400);
      return renderReceiptLookup({ error: '请输入回执码' });
    }
    try {
      return renderReceiptLookup({ code, result: await this.receipts.lookUp(code) });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      reply.status(error.status);
      return renderReceiptLookup({ code, error: '没有找到这个回执码，请核对后再试（字母不区分大小写）' });
    }
  }
}

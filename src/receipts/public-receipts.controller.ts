import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AnonymousApi } from '../common/decorators';
import { ReplyDto } from '../questions/dto/question.dto';
import { SentReplyView } from '../questions/question.views';
import { ReceiptLookupLimit } from '../rate-limit/public-limits';
import { ReceiptView } from './receipt.views';
import { ReceiptsService, replySentNotice } from './receipts.service';

/** The errors' one shape (see core/http.ts), for the answers documented one by one. */
const ERROR = { $ref: '#/components/schemas/Error' };

@ApiTags('public')
@AnonymousApi()
@Controller('api/v1/public/receipts')
export class PublicReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  /** How far the opinion behind a receipt code has come; 404 for a code nobody was given. */
  @Get(':receipt')
  @ReceiptLookupLimit()
  lookUp(@Param('receipt') receipt: string): Promise<ReceiptView> {
    return this.receipts.lookUp(receipt);
  }

  /**
   * The writer's reply to an organiser's question (追问) on their opinion. Held until the next
   * fixed release (统一整理), which passes it on as part of the opinion. Counted with the look-ups:
   * a reply names a code, so it must not become a way round their limit to try codes.
   */
  @Post(':receipt/replies')
  @ReceiptLookupLimit()
  @ApiCreatedResponse({ type: SentReplyView, description: '已收到答复，下次统一整理时转给组织者' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: 没有这个回执码，或这条意见没有这个问题', schema: ERROR })
  @ApiConflictResponse({ description: 'ALREADY_REPLIED: 这个问题已经答复过，每个问题只能答复一次', schema: ERROR })
  @ApiResponse({ status: '4XX', description: '请求有误：见 code 与 message', schema: ERROR })
  async reply(@Param('receipt') receipt: string, @Body() dto: ReplyDto): Promise<SentReplyView> {
    const sent = await this.receipts.reply(receipt, dto);
    return { ...sent, notice: replySentNotice(this.receipts.nextRelease()) };
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnonymousApi } from '../common/decorators';
import { ReceiptLookupLimit } from '../rate-limit/public-limits';
import { ReceiptView } from './receipt.views';
import { ReceiptsService } from './receipts.service';

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
}

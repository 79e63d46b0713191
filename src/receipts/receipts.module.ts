import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { PublicReceiptsController } from './public-receipts.controller';
import { ReceiptPagesController } from './receipt-pages.controller';
import { ReceiptsService } from './receipts.service';

/** 回执码: the writer follows their opinion from the pool into the list, and reads the answer. */
@Module({
  imports: [OpinionsModule, ItemsModule],
  providers: [ReceiptsService],
  exports: [ReceiptsService],
})
export class ReceiptsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [ReceiptsModule, RateLimitModule], controllers: [PublicReceiptsController, ReceiptPagesController] })
export class ReceiptsRoutes {}

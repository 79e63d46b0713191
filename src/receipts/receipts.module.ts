import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { QuestionsModule } from '../questions/questions.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { PublicReceiptsController } from './public-receipts.controller';
import { ReceiptPagesController } from './receipt-pages.controller';
import { ReceiptsService } from './receipts.service';

/** 回执码: the writer follows their opinion from the pool into the list, reads the answer and what was done. */
@Module({
  imports: [OpinionsModule, ItemsModule, RectificationsModule, QuestionsModule],
  providers: [ReceiptsService],
  exports: [ReceiptsService],
})
export class ReceiptsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [ReceiptsModule, RateLimitModule], controllers: [PublicReceiptsController, ReceiptPagesController] })
export class ReceiptsRoutes {}

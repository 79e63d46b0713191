import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AggregationTrigger } from './aggregation-trigger';
import { FormNonceSweeper } from './form-nonce.sweeper';
import { HeldOpinions } from './held-opinions';
import { OpinionWriter } from './opinion-writer';
import { PublicReceiptsController } from './public-receipts.controller';
import { RawOpinion } from './raw-opinion.entity';
import { ReceiptPagesController } from './receipt-pages.controller';
import { ReceiptsService } from './receipts.service';

/** The pool of raw opinions (意见) every channel feeds, and the receipts writers follow up with. */
@Module({
  imports: [TypeOrmModule.forFeature([RawOpinion]), RateLimitModule],
  controllers: [PublicReceiptsController, ReceiptPagesController],
  providers: [OpinionWriter, ReceiptsService, AggregationTrigger, HeldOpinions, FormNonceSweeper],
  exports: [OpinionWriter, ReceiptsService, AggregationTrigger, HeldOpinions, TypeOrmModule],
})
export class OpinionsModule {}

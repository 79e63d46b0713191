import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AggregationTrigger } from './aggregation-trigger';
import { ExpiredFormNoncesSchedule } from './expired-form-nonces.schedule';
import { HeldOpinions } from './held-opinions';
import { OpinionPool } from './opinion-pool';
import { OpinionWriter } from './opinion-writer';
import { PublicReceiptsController } from './public-receipts.controller';
import { RawOpinion } from './raw-opinion.entity';
import { ReceiptPagesController } from './receipt-pages.controller';
import { ReceiptsService } from './receipts.service';
import { ReleaseTimes } from './release-times';

/**
 * The pool of raw opinions (意见) every channel feeds, and the receipts writers follow up with.
 * Channels write through OpinionPool alone: the raw-opinion repository stays inside.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RawOpinion]), RateLimitModule],
  controllers: [PublicReceiptsController, ReceiptPagesController],
  providers: [
    // Built once from RELEASE_HOURS and TIME_ZONE, for everyone who says when the next release is.
    { provide: ReleaseTimes, inject: [AppConfig], useFactory: (config: AppConfig) => new ReleaseTimes(config.release.hours, config.timeZone) },
    OpinionPool, OpinionWriter, ReceiptsService, AggregationTrigger, HeldOpinions, ExpiredFormNoncesSchedule],
  exports: [ReleaseTimes, OpinionPool, ReceiptsService, HeldOpinions],
})
export class OpinionsModule {}

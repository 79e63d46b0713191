import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { AggregationTrigger } from './aggregation-trigger';
import { ExpiredFormNoncesSchedule } from './expired-form-nonces.schedule';
import { HeldOpinions } from './held-opinions';
import { OpinionPlacements } from './opinion-placements';
import { OpinionPool } from './opinion-pool';
import { OpinionWriter } from './opinion-writer';
import { RawOpinion } from './raw-opinion.entity';
import { ReleaseTimes } from './release-times';

/**
 * The pool of raw opinions (意见) every channel feeds. Channels write through OpinionPool, the
 * items feature places opinions through OpinionPlacements, releases go through HeldOpinions:
 * the raw-opinion repository stays inside.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RawOpinion])],
  providers: [
    // Built once from RELEASE_HOURS and TIME_ZONE, for everyone who says when the next release is.
    { provide: ReleaseTimes, inject: [AppConfig], useFactory: (config: AppConfig) => new ReleaseTimes(config.release.hours, config.timeZone) },
    OpinionPool, OpinionPlacements, OpinionWriter, AggregationTrigger, HeldOpinions, ExpiredFormNoncesSchedule],
  exports: [ReleaseTimes, OpinionPool, OpinionPlacements, HeldOpinions],
})
export class OpinionsModule {}


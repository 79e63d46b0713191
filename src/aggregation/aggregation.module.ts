import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpinionItem } from '../items/opinion-item.entity';
import { Meeting } from '../meetings/meeting.entity';
import { RawOpinion } from '../opinions/raw-opinion.entity';
import { AggregationProcessor } from './aggregation.processor';
import { AggregationService } from './aggregation.service';
import { AggregationSweeper } from './aggregation.sweeper';

/** The `aggregation` queue: raw opinions of every channel into the opinion list (意见清单). */
@Module({
  imports: [TypeOrmModule.forFeature([RawOpinion, OpinionItem, Meeting])],
  providers: [AggregationService, AggregationProcessor, AggregationSweeper],
  exports: [AggregationService],
})
export class AggregationModule {}

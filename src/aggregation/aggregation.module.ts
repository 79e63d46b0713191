import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmbeddingsModule } from '../embeddings/embeddings.module';
import { ItemsModule } from '../items/items.module';
import { Meeting } from '../meetings/meeting.entity';
import { OpinionsModule } from '../opinions/opinions.module';
import { AggregationProcessor } from './aggregation.processor';
import { AggregationService } from './aggregation.service';
import { AggregationSweeper } from './aggregation.sweeper';

/**
 * The `aggregation` queue: raw opinions of every channel into the opinion list (意见清单). It
 * decides where each pending opinion goes; the items feature makes and grows the items.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Meeting]), OpinionsModule, ItemsModule, EmbeddingsModule],
  providers: [AggregationService, AggregationProcessor, AggregationSweeper],
  exports: [AggregationService],
})
export class AggregationModule {}

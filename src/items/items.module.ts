import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '../meetings/meetings.module';
import { RawOpinion } from '../opinions/raw-opinion.entity';
import { ClaimsService } from './claims.service';
import { ItemClaim } from './item-claim.entity';
import { ItemDistinction } from './item-distinction.entity';
import { ItemMerge } from './item-merge.entity';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';
import { OpinionItem } from './opinion-item.entity';
import { SimilarItemsController } from './similar-items.controller';
import { SimilarItemsService } from './similar-items.service';

/** 意见清单: review and publishing by organisers, claims and answers by the team. */
@Module({
  imports: [TypeOrmModule.forFeature([OpinionItem, ItemClaim, ItemMerge, ItemDistinction, RawOpinion]), MeetingsModule],
  controllers: [ItemsController, SimilarItemsController],
  providers: [ItemsService, ClaimsService, SimilarItemsService],
  exports: [ItemsService, ClaimsService],
})
export class ItemsModule {}

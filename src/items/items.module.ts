import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '../meetings/meetings.module';
import { RawOpinion } from '../opinions/raw-opinion.entity';
import { ClaimsService } from './claims.service';
import { ItemClaim } from './item-claim.entity';
import { ItemMerge } from './item-merge.entity';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';
import { OpinionItem } from './opinion-item.entity';

/** 意见清单: review and publishing by organisers, claims and answers by the team. */
@Module({
  imports: [TypeOrmModule.forFeature([OpinionItem, ItemClaim, ItemMerge, RawOpinion]), MeetingsModule],
  controllers: [ItemsController],
  providers: [ItemsService, ClaimsService],
  exports: [ItemsService, ClaimsService],
})
export class ItemsModule {}

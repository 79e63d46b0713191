import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { ClaimsService } from './claims.service';
import { ItemClaim } from './item-claim.entity';
import { ItemDistinction } from './item-distinction.entity';
import { ItemMerge } from './item-merge.entity';
import { ItemRepeats } from './item-repeats';
import { ItemSources } from './item-sources';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';
import { ItemPagesController } from './item-pages.controller';
import { ClaimsPagesController } from './claims-pages.controller';
import { OpinionItem } from './opinion-item.entity';
import { OpinionItemRepository } from './opinion-item.repository';
import { OpinionOutcomes } from './opinion-outcomes';
import { RepeatOrigins } from './repeat-origins';
import { ReviewPagesController } from './review-pages.controller';
import { SimilarItemsController } from './similar-items.controller';
import { SimilarItemsService } from './similar-items.service';

/**
 * 意见清单: the items, their sources and counts (the only writer of `opinion_items`), review and
 * publishing by organisers, claims and answers by the team, and where an opinion ended up
 * (OpinionOutcomes, for the writer's receipt).
 */
@Module({
  imports: [TypeOrmModule.forFeature([OpinionItem, ItemClaim, ItemMerge, ItemDistinction]), MeetingsModule, OpinionsModule, QuestionsModule],
  providers: [OpinionItemRepository, ItemSources, ItemsService, ClaimsService, SimilarItemsService, OpinionOutcomes, ItemRepeats, RepeatOrigins],
  exports: [ItemsService, ClaimsService, ItemSources, SimilarItemsService, OpinionOutcomes, ItemRepeats],
})
export class ItemsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [ItemsModule, QuestionsModule, UsersModule, AuthModule], controllers: [ItemsController, SimilarItemsController, ItemPagesController, ReviewPagesController, ClaimsPagesController] })
export class ItemsRoutes {}

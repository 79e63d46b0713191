import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ItemsModule } from '../items/items.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { UsersModule } from '../users/users.module';
import { CheckMaterial } from './check-material.entity';
import { MaterialDraft } from './material-draft.entity';
import { MaterialDraftsController } from './material-drafts.controller';
import { MaterialDraftsService } from './material-drafts.service';
import { MaterialEvent } from './material-event.entity';
import { MaterialFiles } from './material-files';
import { MaterialPagesController } from './material-pages.controller';
import { MaterialReviewPagesController } from './material-review-pages.controller';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';

/** 对照检查材料 and 发言提纲: each team member's materials, their review, their files, the 督导组's comments. */
@Module({
  imports: [TypeOrmModule.forFeature([CheckMaterial, MaterialEvent, MaterialDraft]), MeetingsModule, UsersModule, ItemsModule],
  providers: [MaterialsService, MaterialDraftsService, MaterialFiles],
  exports: [MaterialsService, MaterialDraftsService],
})
export class MaterialsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [MaterialsModule, MeetingsModule, AuthModule], controllers: [MaterialsController, MaterialDraftsController, MaterialPagesController, MaterialReviewPagesController] })
export class MaterialsRoutes {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ItemsModule } from '../items/items.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { UsersModule } from '../users/users.module';
import { LedgerPagesController, MyRectificationsPagesController } from './rectification-pages.controller';
import { EvidenceFiles } from './evidence-files';
import { Rectification } from './rectification.entity';
import { RectificationEvent } from './rectification-event.entity';
import { RectificationMeasure } from './rectification-measure.entity';
import { RectificationOutcomes } from './rectification-outcomes';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';

/** 整改台账: a meeting's rectification entries, their measures and history, and 销号 (the only writer of `rectifications`). */
@Module({
  imports: [TypeOrmModule.forFeature([Rectification, RectificationMeasure, RectificationEvent]), MeetingsModule, ItemsModule, UsersModule],
  providers: [RectificationsService, EvidenceFiles, RectificationOutcomes],
  exports: [RectificationsService, RectificationOutcomes],
})
export class RectificationsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [RectificationsModule, MeetingsModule, UsersModule, AuthModule], controllers: [RectificationsController, LedgerPagesController, MyRectificationsPagesController] })
export class RectificationsRoutes {}

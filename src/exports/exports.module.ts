import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ItemsModule } from '../items/items.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ProgressModule } from '../progress/progress.module';
import { RecordedOpinionsModule } from '../recorded-opinions/recorded-opinions.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { TalksModule } from '../talks/talks.module';
import { UsersModule } from '../users/users.module';
import { ExportJob } from './export-job.entity';
import { ExportPagesController } from './export-pages.controller';
import { ExportsController } from './exports.controller';
import { ExpiredExportsSchedule } from './expired-exports.schedule';
import { ExportsProcessor, ExportsSweeper } from './exports.processor';
import { ExportsService } from './exports.service';

/** The documents organisers hand in, built by the `exports` queue. */
@Module({
  imports: [TypeOrmModule.forFeature([ExportJob]), MeetingsModule, ItemsModule, TalksModule, ProgressModule, RecordedOpinionsModule, RectificationsModule, UsersModule],
  providers: [ExportsService, ExportsProcessor, ExportsSweeper, ExpiredExportsSchedule],
  exports: [ExportsService],
})
export class ExportsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [ExportsModule, MeetingsModule, AuthModule], controllers: [ExportsController, ExportPagesController] })
export class ExportsRoutes {}

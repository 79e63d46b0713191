import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MaterialsModule } from '../materials/materials.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { TalksModule } from '../talks/talks.module';
import { BoardController } from './board.controller';
import { ProgressCache } from './progress-cache';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

/** 筹备进度: the numbers organisers and the 督导组 follow preparation by, as JSON and as the board page. */
@Module({
  imports: [MeetingsModule, TalksModule, OpinionsModule],
  providers: [ProgressService, ProgressCache],
  exports: [ProgressService],
})
export class ProgressModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [ProgressModule, OpinionsModule, MaterialsModule, AuthModule], controllers: [ProgressController, BoardController] })
export class ProgressRoutes {}

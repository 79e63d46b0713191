import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { TalksModule } from '../talks/talks.module';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

/** 筹备进度: the numbers organisers and the 督导组 follow preparation by. */
@Module({
  imports: [MeetingsModule, TalksModule],
  controllers: [ProgressController],
  providers: [ProgressService],
  exports: [ProgressService],
})
export class ProgressModule {}

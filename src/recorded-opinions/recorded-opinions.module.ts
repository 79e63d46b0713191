import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { RecordPagesController } from './record-pages.controller';
import { RecordedOpinionsController } from './recorded-opinions.controller';
import { RecordedOpinionsService } from './recorded-opinions.service';
import { Symposium } from './symposium.entity';
import { WrittenSolicitation } from './written-solicitation.entity';

/** 座谈会 and 书面征询: opinions an organiser records by hand, into the same pool. */
@Module({
  imports: [TypeOrmModule.forFeature([Symposium, WrittenSolicitation]), MeetingsModule, OpinionsModule],
  providers: [RecordedOpinionsService],
  exports: [RecordedOpinionsService],
})
export class RecordedOpinionsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [RecordedOpinionsModule, MeetingsModule, AuthModule], controllers: [RecordedOpinionsController, RecordPagesController] })
export class RecordedOpinionsRoutes {}

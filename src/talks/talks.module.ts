import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { Talk } from './talk.entity';
import { TalkPagesController } from './talk-pages.controller';
import { TalksController } from './talks.controller';
import { TalksService } from './talks.service';

/** 谈心谈话: required pairs, talk records both sides confirm, their opinions into the pool. */
@Module({
  imports: [TypeOrmModule.forFeature([Talk]), MeetingsModule, OrganizationsModule, UsersModule, OpinionsModule],
  providers: [TalksService],
  exports: [TalksService],
})
export class TalksModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [TalksModule, MeetingsModule, UsersModule, AuthModule], controllers: [TalksController, TalkPagesController] })
export class TalksRoutes {}

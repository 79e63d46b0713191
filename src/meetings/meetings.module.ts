import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { Meeting } from './meeting.entity';
import { MeetingEvents } from './meeting-events';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { TeamMember } from './team-member.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Meeting, TeamMember]), UsersModule, OrganizationsModule, NotificationsModule],
  providers: [MeetingsService, MeetingEvents],
  exports: [MeetingsService, MeetingEvents],
})
export class MeetingsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [MeetingsModule], controllers: [MeetingsController] })
export class MeetingsRoutes {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BoxesModule } from '../boxes/boxes.module';
import { ExportsModule } from '../exports/exports.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { ProgressModule } from '../progress/progress.module';
import { UsersModule } from '../users/users.module';
import { MeetingOverviewController } from './meeting-overview.controller';
import { MeetingPagesController } from './meeting-pages.controller';

/**
 * 动员部署: the organiser's pages that set a meeting up (list, new, settings, phase, team) and its
 * overview. Pages only, over the meetings, people, boxes, progress and exports features' services; its
 * own folder because the pages' guard (src/auth) imports the meetings feature.
 */
@Module({
  imports: [MeetingsModule, UsersModule, OrganizationsModule, ProgressModule, ExportsModule, BoxesModule, AuthModule, RectificationsModule],
  controllers: [MeetingPagesController, MeetingOverviewController],
})
export class MeetingSetupRoutes {}

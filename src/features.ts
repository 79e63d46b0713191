import { AggregationModule } from './aggregation/aggregation.module';
import { AuthModule } from './auth/auth.module';
import { BoxesModule } from './boxes/boxes.module';
import { ExportsModule } from './exports/exports.module';
import { ItemsModule } from './items/items.module';
import { LeaderPagesModule } from './leader-pages/leader-pages.module';
import { MaterialsModule } from './materials/materials.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OpinionsModule } from './opinions/opinions.module';
import { ProgressModule } from './progress/progress.module';
import { RemindersModule } from './reminders/reminders.module';
import { RecordedOpinionsModule } from './recorded-opinions/recorded-opinions.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { SurveysModule } from './surveys/surveys.module';
import { ReleaseModule } from './release/release.module';
import { TalksModule } from './talks/talks.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

/** The feature modules, shared by the api, the worker and the CLI. */
export const FEATURE_MODULES = [UsersModule, OrganizationsModule, AuthModule, MeetingsModule, NotificationsModule, OpinionsModule, BoxesModule, RecordedOpinionsModule, SurveysModule, ReleaseModule, TalksModule, MaterialsModule, AggregationModule, ItemsModule, LeaderPagesModule, ProgressModule, ExportsModule, RemindersModule, WebModule];

import { AuthModule } from './auth/auth.module';
import { BoxesModule } from './boxes/boxes.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OpinionsModule } from './opinions/opinions.module';
import { RecordedOpinionsModule } from './recorded-opinions/recorded-opinions.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

/** The feature modules, shared by the api, the worker and the CLI. */
export const FEATURE_MODULES = [UsersModule, OrganizationsModule, AuthModule, MeetingsModule, NotificationsModule, OpinionsModule, BoxesModule, RecordedOpinionsModule, WebModule];

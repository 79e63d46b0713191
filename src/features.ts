import { AuthModule } from './auth/auth.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { UsersModule } from './users/users.module';

/** The feature modules, shared by the api, the worker and the CLI. */
export const FEATURE_MODULES = [UsersModule, OrganizationsModule, AuthModule, MeetingsModule, NotificationsModule];

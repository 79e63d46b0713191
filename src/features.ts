import { AggregationModule } from './aggregation/aggregation.module';
import { AuthModule, AuthRoutes } from './auth/auth.module';
import { BoxesModule, BoxesRoutes } from './boxes/boxes.module';
import { EmbeddingsModule } from './embeddings/embeddings.module';
import { ExportsModule, ExportsRoutes } from './exports/exports.module';
import { ItemsModule, ItemsRoutes } from './items/items.module';
import { MaterialsModule, MaterialsRoutes } from './materials/materials.module';
import { MeetingsModule, MeetingsRoutes } from './meetings/meetings.module';
import { NotificationsModule, NotificationsRoutes } from './notifications/notifications.module';
import { OpinionsModule } from './opinions/opinions.module';
import { ReceiptsRoutes } from './receipts/receipts.module';
import { ProgressModule, ProgressRoutes } from './progress/progress.module';
import { RectificationsModule, RectificationsRoutes } from './rectifications/rectifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { RecordedOpinionsModule, RecordedOpinionsRoutes } from './recorded-opinions/recorded-opinions.module';
import { OrganizationsModule, OrganizationsRoutes } from './organizations/organizations.module';
import { MeetingSetupRoutes } from './meeting-setup/meeting-setup.module';
import { PeopleRoutes } from './people/people.module';
import { SupervisionModule, SupervisionRoutes } from './supervision/supervision.module';
import { SurveysModule, SurveysRoutes } from './surveys/surveys.module';
import { ReleaseModule } from './release/release.module';
import { QuestionsModule, QuestionsRoutes } from './questions/questions.module';
import { TalksModule, TalksRoutes } from './talks/talks.module';
import { UsersModule, UsersRoutes } from './users/users.module';
import { WebRoutes } from './web/web.module';

/** The feature modules (services, processors, schedules; no controllers), shared by the api, the worker and the CLI. */
export const FEATURE_MODULES = [UsersModule, OrganizationsModule, AuthModule, MeetingsModule, NotificationsModule, OpinionsModule, BoxesModule, RecordedOpinionsModule, SurveysModule, QuestionsModule, ReleaseModule, TalksModule, MaterialsModule, AggregationModule, ItemsModule, ProgressModule, ExportsModule, RemindersModule, RectificationsModule, EmbeddingsModule, SupervisionModule];

/**
 * The features' HTTP routes (controllers, and through them the pages' and the rate limits' guards),
 * the api's alone. Each imports its feature module and uses only what that exports.
 */
export const FEATURE_ROUTES = [UsersRoutes, OrganizationsRoutes, AuthRoutes, MeetingsRoutes, NotificationsRoutes, ReceiptsRoutes, BoxesRoutes, RecordedOpinionsRoutes, SurveysRoutes, TalksRoutes, MaterialsRoutes, ItemsRoutes, QuestionsRoutes, ProgressRoutes, RectificationsRoutes, ExportsRoutes, MeetingSetupRoutes, PeopleRoutes, SupervisionRoutes, WebRoutes];

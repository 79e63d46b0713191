import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { SupervisedUnits } from '../common/supervised-units';
import { ItemsModule } from '../items/items.module';
import { Meeting } from '../meetings/meeting.entity';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProgressModule } from '../progress/progress.module';
import { UsersModule } from '../users/users.module';
import { SupervisionGroup } from './supervision-group.entity';
import { SupervisionOverview } from './supervision-overview';
import { SupervisionPagesController } from './supervision-pages.controller';
import { SupervisionReach } from './supervision-reach';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

/**
 * 督导组 across units: units under a parent body, its groups, their overview, and the reach that
 * lets a group's member read a supervised unit's meeting (SupervisedUnits, asked by the guards of
 * every feature's routes: hence global).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SupervisionGroup, Organization, Meeting]), OrganizationsModule, UsersModule, ProgressModule, ItemsModule],
  providers: [SupervisionService, SupervisionOverview, { provide: SupervisedUnits, useClass: SupervisionReach }],
  exports: [SupervisionService, SupervisionOverview, SupervisedUnits],
})
export class SupervisionModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [SupervisionModule, UsersModule, AuthModule], controllers: [SupervisionController, SupervisionPagesController] })
export class SupervisionRoutes {}

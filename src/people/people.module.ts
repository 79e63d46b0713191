import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { PeopleImportController } from './people-import.controller';
import { PeopleImportService } from './people-import.service';
import { PeoplePagesController } from './people-pages.controller';

/** 人员与账号: the organiser's pages over departments and accounts, and the import of a list of people. */
@Module({
  imports: [UsersModule, OrganizationsModule],
  providers: [PeopleImportService],
  exports: [PeopleImportService],
})
export class PeopleModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [PeopleModule, UsersModule, OrganizationsModule, AuthModule], controllers: [PeoplePagesController, PeopleImportController] })
export class PeopleRoutes {}

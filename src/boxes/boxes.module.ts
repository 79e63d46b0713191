import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { UsersModule } from '../users/users.module';
import { BoxAdminPagesController } from './box-admin-pages.controller';
import { BoxReleaseRules } from './box-release-rules';
import { BoxDirectory } from './box-directory';
import { BoxPagesController } from './box-pages.controller';
import { Box } from './box.entity';
import { BoxSubmissionsService } from './box-submissions.service';
import { BoxSubmitLimits } from './box-submit-limits';
import { BoxesController } from './boxes.controller';
import { BoxesService } from './boxes.service';
import { PublicBoxesController } from './public-boxes.controller';

/** 意见箱: anonymous comment boxes, their pages and the organiser's view of them. */
@Module({
  imports: [TypeOrmModule.forFeature([Box]), MeetingsModule, UsersModule, OpinionsModule, RateLimitModule],
  providers: [BoxesService, BoxSubmissionsService, BoxSubmitLimits, BoxDirectory, BoxReleaseRules],
  exports: [BoxesService, BoxSubmissionsService, BoxSubmitLimits, BoxReleaseRules],
})
export class BoxesModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({
  imports: [BoxesModule, RateLimitModule, MeetingsModule, OpinionsModule, AuthModule],
  controllers: [BoxesController, PublicBoxesController, BoxPagesController, BoxAdminPagesController],
})
export class BoxesRoutes {}

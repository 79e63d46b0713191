import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { PublicSurveysController } from './public-surveys.controller';
import { SurveyAdminPagesController } from './survey-admin-pages.controller';
import { SurveyAnswerWriter } from './survey-answer-writer';
import { SurveyDirectory } from './survey-directory';
import { SurveyPagesController } from './survey-pages.controller';
import { SurveyResponse } from './survey-response.entity';
import { SurveyRelease } from './survey-release';
import { SurveyResponsesService } from './survey-responses.service';
import { SurveySubmitLimits } from './survey-submit-limits';
import { SurveyToken } from './survey-token.entity';
import { Survey } from './survey.entity';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

/** 征求意见表: surveys answered once per token; their text answers join the opinion pool. */
@Module({
  imports: [TypeOrmModule.forFeature([Survey, SurveyToken, SurveyResponse]), MeetingsModule, OrganizationsModule, RateLimitModule, OpinionsModule],
  providers: [SurveysService, SurveyResponsesService, SurveyDirectory, SurveyAnswerWriter, SurveyRelease, SurveySubmitLimits],
  exports: [SurveysService, SurveyResponsesService, SurveySubmitLimits, SurveyRelease],
})
export class SurveysModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({
  imports: [SurveysModule, RateLimitModule, MeetingsModule, OrganizationsModule, AuthModule],
  controllers: [SurveysController, PublicSurveysController, SurveyPagesController, SurveyAdminPagesController],
})
export class SurveysRoutes {}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { MeetingsService } from '../meetings/meetings.service';
import { ReleaseRule } from '../opinions/held-opinions';
import { SurveyResponse } from './survey-response.entity';
import { Survey } from './survey.entity';
import { isSurveyOpen } from './survey.views';

/** An anonymous survey's k: the fewest answers one release may show at once. */
export const SURVEY_RELEASE_THRESHOLD = 5;

/** An anonymous survey's answers held back, counted per survey (people, not text answers). */
export interface HeldAnswers {
  organizationId: string;
  meetingId: string;
  surveyId: string;
  responses: number;
}

/**
 * The survey side of a release: an anonymous survey holds its answers (and their text answers, in
 * the opinion pool) until a batch of at least k people's answers goes out together.
 */
@Injectable()
export class SurveyRelease {
  constructor(
    @InjectRepository(Survey) private readonly surveys: Repository<Survey>,
    @InjectRepository(SurveyResponse) private readonly responses: Repository<SurveyResponse>,
    private readonly meetings: MeetingsService,
  ) {}

  async heldAnswers(): Promise<HeldAnswers[]> {
    const rows: Array<Omit<HeldAnswers, 'responses'> & { responses: number | string }> = await this.responses
      .createQueryBuilder('response')
      .innerJoin(Survey, 'survey', 'survey.id = response.surveyId')
      .select(['survey.organizationId AS organizationId', 'survey.meetingId AS meetingId', 'response.surveyId AS surveyId'])
      .addSelect('COUNT(*)', 'responses')
      .where('response.held = :held', { held: 1 })
      .groupBy('response.surveyId')
      .addGroupBy('survey.organizationId')
      .addGroupBy('survey.meetingId')
      .getRawMany();
    return rows.map((row) => ({ ...row, responses: Number(row.responses) }));
  }

  async rules(surveyIds: string[]): Promise<ReleaseRule[]> {
    if (surveyIds.length === 0) return [];
    const surveys = await this.surveys.find({ where: { id: In(surveyIds) } });
    return Promise.all(
      surveys.map(async (survey) => {
        const meeting = await this.meetings.findMeeting(survey.organizationId, survey.meetingId);
        return { sourceId: survey.id, threshold: SURVEY_RELEASE_THRESHOLD, open: meeting ? isSurveyOpen(survey, meeting.phase) : false };
      }),
    );
  }

  /** Releases the surveys' held answers inside the caller's transaction. */
  async release(manager: EntityManager, surveyIds: string[]): Promise<number> {
    if (surveyIds.length === 0) return 0;
    const result = await manager.createQueryBuilder().update(SurveyResponse).set({ held: false }).where({ surveyId: In(surveyIds), held: true }).execute();
    return result.affected ?? 0;
  }
}

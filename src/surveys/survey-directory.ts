import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Subscription } from 'rxjs';
import { Repository } from 'typeorm';
import { ShortLivedCache } from '../common/short-lived-cache';
import { ChangeBus, ChangeTopic } from '../core/change-bus';
import { MeetingEvents } from '../meetings/meeting-events';
import { MeetingPhase } from '../meetings/meeting-phase';
import { MeetingsService } from '../meetings/meetings.service';
import { Survey } from './survey.entity';

/** What the survey page and an answer need to know about a survey, in one read. */
export interface SurveyForRespondents {
  survey: Survey;
  meetingTitle: string;
  meetingPhase: MeetingPhase;
}

const TTL_MS = 5_000;

/**
 * Surveys by id for the public routes, remembered briefly: a department answering at once
 * costs one read of the survey and its meeting every few seconds. Closing or reopening a survey,
 * or changing its meeting, forgets it at once in every process (the change bus); TTL_MS is the
 * backstop while Redis is down.
 */
@Injectable()
export class SurveyDirectory implements OnModuleDestroy {
  private readonly cache = new ShortLivedCache<string, SurveyForRespondents | null>(TTL_MS);
  private readonly subscriptions: Subscription[];

  constructor(
    @InjectRepository(Survey) private readonly surveys: Repository<Survey>,
    private readonly meetings: MeetingsService,
    meetingEvents: MeetingEvents,
    private readonly bus: ChangeBus,
  ) {
    this.subscriptions = [
      bus.on(ChangeTopic.Survey).subscribe((surveyId) => this.cache.forget(surveyId)),
      meetingEvents.changed.subscribe((meetingId) => this.cache.forgetWhere((entry) => entry?.survey.meetingId === meetingId)),
    ];
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  find(surveyId: string): Promise<SurveyForRespondents | null> {
    return this.cache.get(surveyId, () => this.load(surveyId));
  }

  /** Forgets it here and in every other process. */
  forget(surveyId: string): Promise<void> {
    return this.bus.publish(ChangeTopic.Survey, surveyId);
  }

  private async load(surveyId: string): Promise<SurveyForRespondents | null> {
    const survey = await this.surveys.findOne({ where: { id: surveyId } });
    if (!survey) return null;
    const meeting = await this.meetings.findMeeting(survey.organizationId, survey.meetingId);
    return meeting ? { survey, meetingTitle: meeting.title, meetingPhase: meeting.phase } : null;
  }
}

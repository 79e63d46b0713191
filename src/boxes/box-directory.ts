import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Subscription } from 'rxjs';
import { Repository } from 'typeorm';
import { ShortLivedCache } from '../common/short-lived-cache';
import { ChangeBus, ChangeTopic } from '../core/change-bus';
import { MeetingEvents } from '../meetings/meeting-events';
import { MeetingPhase } from '../meetings/meeting-phase';
import { MeetingsService } from '../meetings/meetings.service';
import { TEAM_TARGET_NAME } from '../opinions/opinion-rules';
import { Box } from './box.entity';

/** Whom an opinion can concern: the team (id null) or one member (a user id). */
export interface BoxTarget {
  id: string | null;
  name: string;
}

/** What a writer's page and a submission need to know about a box, in one read. */
export interface BoxForWriters {
  box: Box;
  meetingTitle: string;
  meetingPhase: MeetingPhase;
  aspects: string[];
  targets: BoxTarget[];
}

export const TEAM_TARGET: BoxTarget = { id: null, name: TEAM_TARGET_NAME };

/**
 * How long a box is remembered between reads. Closing a box, or changing its meeting's phase,
 * aspects or team, forgets it at once in every process through the change bus; TTL_MS is the
 * backstop while Redis is down.
 */
const TTL_MS = 5_000;

/**
 * Looks boxes up by slug for the public routes, remembering them briefly: a burst of writers
 * costs one read of the box, its meeting and team every few seconds instead of three per
 * submission.
 */
@Injectable()
export class BoxDirectory implements OnModuleDestroy {
  private readonly cache = new ShortLivedCache<string, BoxForWriters | null>(TTL_MS);
  private readonly subscriptions: Subscription[];

  constructor(
    @InjectRepository(Box) private readonly boxes: Repository<Box>,
    private readonly meetings: MeetingsService,
    meetingEvents: MeetingEvents,
    private readonly bus: ChangeBus,
  ) {
    this.subscriptions = [
      bus.on(ChangeTopic.Box).subscribe((slug) => this.cache.forget(slug)),
      meetingEvents.changed.subscribe((meetingId) => this.cache.forgetWhere((entry) => entry?.box.meetingId === meetingId)),
    ];
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  find(slug: string): Promise<BoxForWriters | null> {
    return this.cache.get(slug, () => this.load(slug));
  }

  /** Forgets it here and in every other process. */
  forget(slug: string): Promise<void> {
    return this.bus.publish(ChangeTopic.Box, slug);
  }

  private async load(slug: string): Promise<BoxForWriters | null> {
    const box = await this.boxes.findOne({ where: { slug } });
    if (!box) return null;
    const found = await this.meetings.findMeetingWithTeam(box.organizationId, box.meetingId);
    if (!found) return null;
    const { meeting, team } = found;
    const targets = team.filter((member) => member.displayName !== '').map((member) => ({ id: member.userId, name: member.displayName }));
    return {
      box,
      meetingTitle: meeting.title,
      meetingPhase: meeting.phase,
      aspects: meeting.aspects,
      targets: [TEAM_TARGET, ...targets],
    };
  }
}

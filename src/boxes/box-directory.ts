import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Subscription } from 'rxjs';
import { Repository } from 'typeorm';
import { MeetingEvents } from '../meetings/meeting-events';
import { MeetingPhase } from '../meetings/meeting-phase';
import { MeetingsService } from '../meetings/meetings.service';
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

export const TEAM_TARGET: BoxTarget = { id: null, name: '领导班子（整体）' };

/**
 * How long a box is remembered between reads. Closing a box, or changing its meeting's phase,
 * aspects or team, forgets it at once in this process; other api processes follow within TTL_MS.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

/**
 * Looks boxes up by slug for the public routes, remembering them briefly: a burst of writers
 * (a poster in a canteen, a link in a group chat) costs one read of the box, its meeting and
 * team every few seconds instead of three per submission. Other api processes see a closed box
 * within TTL_MS.
 */
@Injectable()
export class BoxDirectory implements OnModuleDestroy {
  private readonly cache = new Map<string, { entry: BoxForWriters | null; expiresAt: number }>();
  /** Reads under way: a burst of writers after the expiry waits for one read, not one each. */
  private readonly loading = new Map<string, Promise<BoxForWriters | null>>();
  private readonly subscription: Subscription;

  constructor(
    @InjectRepository(Box) private readonly boxes: Repository<Box>,
    private readonly meetings: MeetingsService,
    meetingEvents: MeetingEvents,
  ) {
    this.subscription = meetingEvents.changed.subscribe((meetingId) => this.forgetMeeting(meetingId));
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  async find(slug: string): Promise<BoxForWriters | null> {
    const cached = this.cache.get(slug);
    if (cached && cached.expiresAt > Date.now()) return cached.entry;
    let pending = this.loading.get(slug);
    if (!pending) {
      pending = this.load(slug)
        .then((entry) => {
          if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
          this.cache.set(slug, { entry, expiresAt: Date.now() + TTL_MS });
          return entry;
        })
        .finally(() => this.loading.delete(slug));
      this.loading.set(slug, pending);
    }
    return pending;
  }

  forget(slug: string): void {
    this.cache.delete(slug);
  }

  private forgetMeeting(meetingId: string): void {
    for (const [slug, cached] of this.cache) if (cached.entry?.box.meetingId === meetingId) this.cache.delete(slug);
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

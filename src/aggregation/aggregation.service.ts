import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { placeOpinions } from '../clustering/cluster';
import { Clock } from '../common/clock';
import { ItemSources } from '../items/item-sources';
import { Meeting } from '../meetings/meeting.entity';
import { OpinionPlacements } from '../opinions/opinion-placements';

/** Pending opinions placed per transaction at most: a backlog goes in a few large batches. */
const BATCH = 5_000;
/** Source texts of an item that stand for it when placing new opinions: its first ones. */
const TEXTS_PER_ITEM = 30;

/**
 * Places a meeting's pending raw opinions in its opinion list (the clustering is in
 * src/clustering; the items feature applies the placements): each joins the most similar item of the same target, or starts a new draft
 * item. Only pending opinions are touched and existing items only grow (their words, aspect and
 * target are the organiser's), so a re-delivered job changes nothing and an automatic run never
 * undoes a manual edit. Runs for one meeting are serialised in this process; across processes,
 * the guarded UPDATE of the opinions makes the later run roll back (PlacedMeanwhile) and retry.
 */
@Injectable()
export class AggregationService {
  private readonly logger = new Logger(AggregationService.name);
  private readonly running = new Map<string, Promise<number>>();

  constructor(
    private readonly placements: OpinionPlacements,
    private readonly itemSources: ItemSources,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Places everything pending for the meeting; resolves with how many opinions it placed. */
  aggregateMeeting(organizationId: string, meetingId: string): Promise<number> {
    const previous = this.running.get(meetingId) ?? Promise.resolve(0);
    const run = previous.catch(() => 0).then(() => this.placeAllPending(organizationId, meetingId));
    this.running.set(meetingId, run);
    void run.finally(() => {
      if (this.running.get(meetingId) === run) this.running.delete(meetingId);
    }).catch(() => undefined);
    return run;
  }

  private async placeAllPending(organizationId: string, meetingId: string): Promise<number> {
    const meeting = await this.dataSource.getRepository(Meeting).findOne({ where: { id: meetingId, organizationId } });
    if (!meeting) return 0;
    let placed = 0;
    for (;;) {
      const pending = await this.placements.pending(meetingId, BATCH);
      if (pending.length === 0) return placed;
      const existing = await this.itemSources.forPlacing(meetingId, TEXTS_PER_ITEM);
      const placements = placeOpinions(
        existing,
        pending.map((opinion) => ({ id: opinion.id, text: opinion.text, aspect: opinion.aspect, target: opinion.targetMemberId })),
        { aspects: meeting.aspects, extraKeywords: meeting.aspectKeywords ?? undefined },
      );
      const made = await this.dataSource.transaction((manager) => this.itemSources.applyPlacements(manager, meeting, pending, placements, this.clock.nowToSecond()));
      this.logger.log(`meeting ${meeting.id}: ${placements.length} opinions placed, ${made} new items`);
      placed += pending.length;
      if (pending.length < BATCH) return placed;
    }
  }
}

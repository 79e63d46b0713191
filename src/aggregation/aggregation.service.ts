import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { placeOpinions } from '../clustering/cluster';
import { EarlierItems } from '../clustering/repeats';
import { Clock } from '../common/clock';
import { EmbeddingsService } from '../embeddings/embeddings.service';
import { ItemRepeats, TEXTS_PER_ITEM as TEXTS_PER_REPEATING_ITEM } from '../items/item-repeats';
import { ItemSources } from '../items/item-sources';
import { Meeting } from '../meetings/meeting.entity';
import { OpinionPlacements } from '../opinions/opinion-placements';
import { repeatMarks } from './repeat-marks';

/** Pending opinions placed per transaction at most: a backlog goes in a few large batches. */
const BATCH = 5_000;
/** Source texts of an item that stand for it when placing new opinions: its first ones. */
const TEXTS_PER_ITEM = 30;

/**
 * Places a meeting's pending raw opinions in its opinion list (the clustering is in
 * src/clustering; the items feature applies the placements): each joins the most similar item of
 * the same target, or starts a new draft item; similar by words, and by the organisation's
 * embedding model when there is one (EMBEDDINGS_URL) and it answers. Only pending opinions are touched and existing items only grow (their words, aspect and
 * target are the organiser's), so a re-delivered job changes nothing and an automatic run never
 * undoes a manual edit. Each item a run makes or grows is compared with the organisation's
 * earlier published lists (屡提屡犯, see repeat-marks.ts), prepared once per run. Runs for one
 * meeting are serialised in this process; across processes, the guarded UPDATE of the opinions
 * makes the later run roll back (PlacedMeanwhile) and retry.
 */
@Injectable()
export class AggregationService {
  private readonly logger = new Logger(AggregationService.name);
  private readonly running = new Map<string, Promise<number>>();

  constructor(
    private readonly placements: OpinionPlacements,
    private readonly itemSources: ItemSources,
    private readonly itemRepeats: ItemRepeats,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly embeddings: EmbeddingsService,
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
    // Prepared once per run, on the first batch, and asked about every item a batch makes or grows.
    let earlier: EarlierItems | undefined;
    for (;;) {
      const pending = await this.placements.pending(meetingId, BATCH);
      if (pending.length === 0) return placed;
      const existing = await this.itemSources.forPlacing(meetingId, TEXTS_PER_ITEM);
      const incoming = pending.map((opinion) => ({ id: opinion.id, text: opinion.text, aspect: opinion.aspect, target: opinion.targetMemberId }));
      // The organisation's embedding model, when there is one and it answers; else words alone.
      const vectors = await this.embeddings.vectorsFor([...incoming.map((opinion) => opinion.text), ...existing.flatMap((item) => item.texts)]);
      const placements = placeOpinions(existing, incoming, {
        aspects: meeting.aspects,
        extraKeywords: meeting.aspectKeywords ?? undefined,
        ...(vectors ? { vectors, modelThreshold: this.embeddings.threshold ?? undefined } : {}),
      });
      earlier ??= await this.itemRepeats.earlierItems(meeting);
      const repeats = repeatMarks(earlier, existing, incoming, placements, TEXTS_PER_REPEATING_ITEM);
      const made = await this.dataSource.transaction((manager) => this.itemSources.applyPlacements(manager, meeting, pending, placements, this.clock.nowToSecond(), repeats));
      this.logger.log(`meeting ${meeting.id}: ${placements.length} opinions placed, ${made} new items (${vectors ? 'with the embedding model' : 'by their words'})`);
      placed += pending.length;
      if (pending.length < BATCH) return placed;
    }
  }
}

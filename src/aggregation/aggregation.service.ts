import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { OpinionItem } from '../items/opinion-item.entity';
import { Meeting } from '../meetings/meeting.entity';
import { RawOpinion } from '../opinions/raw-opinion.entity';
import { ExistingItem, placeOpinions, Placement } from './clustering/cluster';

/** Pending opinions placed per transaction at most: a backlog goes in a few large batches. */
const BATCH = 5_000;
/** Source texts of an item that stand for it when placing new opinions: its first ones. */
const TEXTS_PER_ITEM = 30;

/** Another run placed some of the same opinions first: this one is rolled back and retried. */
export class PlacedMeanwhile extends Error {
  override name = 'PlacedMeanwhile';
}

/**
 * Places a meeting's pending raw opinions in its opinion list (the clustering is in
 * ./clustering): each joins the most similar item of the same target, or starts a new draft
 * item. Only pending opinions are touched and existing items only grow (their words, aspect and
 * target are the organiser's), so a re-delivered job changes nothing and an automatic run never
 * undoes a manual edit. Runs for one meeting are serialised in this process; across processes,
 * the guarded UPDATE of the opinions makes the later run roll back and retry.
 */
@Injectable()
export class AggregationService {
  private readonly logger = new Logger(AggregationService.name);
  private readonly running = new Map<string, Promise<number>>();

  constructor(
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
      const pending = await this.dataSource.getRepository(RawOpinion).find({
        select: { id: true, text: true, aspect: true, targetMemberId: true },
        where: { meetingId, pendingAggregation: true },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (pending.length === 0) return placed;
      const existing = await this.existingItems(meetingId);
      const placements = placeOpinions(
        existing,
        pending.map((opinion) => ({ id: opinion.id, text: opinion.text, aspect: opinion.aspect, target: opinion.targetMemberId })),
        { aspects: meeting.aspects, extraKeywords: meeting.aspectKeywords ?? undefined },
      );
      await this.dataSource.transaction((manager) => this.store(manager, meeting, pending, placements));
      placed += pending.length;
      if (pending.length < BATCH) return placed;
    }
  }

  /** The meeting's items still in the list, each with its first source texts. */
  private async existingItems(meetingId: string): Promise<ExistingItem[]> {
    const items = await this.dataSource.getRepository(OpinionItem).find({
      select: { id: true, aspect: true, targetMemberId: true, status: true },
      where: { meetingId, status: In(['draft', 'published', 'set-aside']) },
    });
    if (items.length === 0) return [];
    const sources = await this.dataSource.getRepository(RawOpinion).find({
      select: { itemId: true, text: true },
      where: { meetingId, pendingAggregation: false, held: false },
      order: { id: 'ASC' },
    });
    const texts = new Map<string, string[]>();
    for (const source of sources) {
      if (!source.itemId) continue;
      const list = texts.get(source.itemId) ?? [];
      if (list.length < TEXTS_PER_ITEM) list.push(source.text);
      texts.set(source.itemId, list);
    }
    // Items set aside still take their duplicates: what is set aside stays set aside, counted apart.
    return items.map((item) => ({ id: item.id, aspect: item.aspect, target: item.targetMemberId, texts: texts.get(item.id) ?? [] }));
  }

  private async store(manager: EntityManager, meeting: Meeting, pending: RawOpinion[], placements: Placement[]): Promise<void> {
    const textOf = new Map(pending.map((opinion) => [opinion.id, opinion.text]));
    const now = this.clock.nowToSecond();
    const newItems = new Map<string, OpinionItem>();
    const joined = new Map<string, string[]>();

    for (const placement of placements) {
      let itemId = placement.itemId;
      if (!itemId) {
        const key = placement.newItemKey!;
        let item = newItems.get(key);
        if (!item) {
          // The key names the item's first opinion in canonical order: its words start the summary.
          const firstId = key.replace(/^new:/, '');
          item = {
            id: newId(),
            organizationId: meeting.organizationId,
            meetingId: meeting.id,
            aspect: placement.aspect,
            targetMemberId: placement.target,
            summary: textOf.get(firstId) ?? textOf.get(placement.opinionId)!,
            status: 'draft',
            origin: 'aggregation',
            sourceCount: 0,
            setAsideReason: null,
            mergedIntoId: null,
            notes: null,
            editedAt: null,
            publishedAt: null,
            createdAt: now,
          };
          newItems.set(key, item);
        }
        item.sourceCount += 1;
        itemId = item.id;
      }
      joined.set(itemId, [...(joined.get(itemId) ?? []), placement.opinionId]);
    }

    const items = [...newItems.values()];
    const created = new Set(items.map((item) => item.id));
    for (let start = 0; start < items.length; start += 500) await manager.insert(OpinionItem, items.slice(start, start + 500));
    for (const [itemId, opinionIds] of joined) {
      for (let start = 0; start < opinionIds.length; start += 500) {
        const ids = opinionIds.slice(start, start + 500);
        const result = await manager
          .createQueryBuilder()
          .update(RawOpinion)
          .set({ itemId, pendingAggregation: false })
          .where('id IN (:...ids) AND pendingAggregation = :pending', { ids, pending: 1 })
          .execute();
        if (result.affected !== ids.length) throw new PlacedMeanwhile(`meeting ${meeting.id}: opinions placed by another run meanwhile`);
      }
      if (!created.has(itemId)) await manager.increment(OpinionItem, { id: itemId }, 'sourceCount', opinionIds.length);
    }
    this.logger.log(`meeting ${meeting.id}: ${placements.length} opinions placed, ${newItems.size} new items`);
  }
}

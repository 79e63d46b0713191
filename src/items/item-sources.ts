import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ExistingItem, Placement } from '../clustering/cluster';
import { OpinionPlacements, PendingOpinion } from '../opinions/opinion-placements';
import { newItem } from './item-factory';
import { OpinionItem } from './opinion-item.entity';
import { OpinionItemRepository } from './opinion-item.repository';

/** Items written per INSERT when a run makes many. */
const INSERT_CHUNK = 500;

/**
 * An item's sources (来源) and their count, kept together in one place: every placement, merge,
 * undo and split moves opinions through here, in the caller's transaction, so `sourceCount`
 * always says how many opinions the item holds.
 */
@Injectable()
export class ItemSources {
  constructor(
    private readonly placements: OpinionPlacements,
    private readonly items: OpinionItemRepository,
  ) {}

  /**
   * The items on the list as aggregation compares new opinions with them: each with its first
   * `perItem` source texts, and the earlier item it repeats (if it was found to).
   */
  async forPlacing(meetingId: string, perItem: number): Promise<Array<ExistingItem & { repeatOfItemId: string | null }>> {
    const items = await this.items.forPlacing(meetingId);
    if (items.length === 0) return [];
    const texts = await this.placements.placedTexts(meetingId, perItem);
    // Items set aside still take their duplicates: what is set aside stays set aside, counted apart.
    return items.map((item) => ({ id: item.id, aspect: item.aspect, target: item.targetMemberId, texts: texts.get(item.id) ?? [], repeatOfItemId: item.repeatOfItemId }));
  }

  /**
   * Applies aggregation's placements: each pending opinion joins its item, or the new draft item
   * its key names (worded as that key's first opinion). PlacedMeanwhile if another run placed
   * one of them first. `repeats`: the earlier item a new item (by its key) or a grown one (by its
   * id) says again (屡提屡犯), as aggregation found. Returns how many items it made.
   */
  async applyPlacements(
    manager: EntityManager,
    meeting: { id: string; organizationId: string },
    pending: readonly PendingOpinion[],
    placements: readonly Placement[],
    now: Date,
    repeats: ReadonlyMap<string, string> = new Map(),
  ): Promise<number> {
    const textOf = new Map(pending.map((opinion) => [opinion.id, opinion.text]));
    const made = new Map<string, OpinionItem>();
    const joined = new Map<string, string[]>();
    for (const placement of placements) {
      let itemId = placement.itemId;
      if (!itemId) {
        const key = placement.newItemKey!;
        let item = made.get(key);
        if (!item) {
          // The key names the item's first opinion in canonical order: its words start the summary.
          const firstId = key.replace(/^new:/, '');
          item = newItem({
            organizationId: meeting.organizationId,
            meetingId: meeting.id,
            aspect: placement.aspect,
            targetMemberId: placement.target,
            summary: textOf.get(firstId) ?? textOf.get(placement.opinionId)!,
            origin: 'aggregation',
            now,
            byHand: false,
          });
          item.repeatOfItemId = repeats.get(key) ?? null;
          made.set(key, item);
        }
        itemId = item.id;
      }
      joined.set(itemId, [...(joined.get(itemId) ?? []), placement.opinionId]);
    }
    // A new item is written with its count; an existing one grows by what joined it.
    const items = [...made.values()];
    for (const item of items) item.sourceCount = joined.get(item.id)?.length ?? 0;
    for (let start = 0; start < items.length; start += INSERT_CHUNK) await this.items.insert(manager, items.slice(start, start + INSERT_CHUNK));
    const isNew = new Set(items.map((item) => item.id));
    for (const [itemId, opinionIds] of joined) {
      await this.placements.place(manager, opinionIds, itemId);
      if (!isNew.has(itemId)) await this.items.addToSourceCount(manager, itemId, opinionIds.length);
    }
    const grown = [...repeats].filter(([key]) => !key.startsWith('new:'));
    if (grown.length) await this.items.setRepeatOf(manager, new Map(grown));
    return items.length;
  }

  /** A new item made by hand (a split) takes these opinions from another. */
  async splitOff(manager: EntityManager, item: OpinionItem, opinionIds: readonly string[], fromItemId: string): Promise<void> {
    await this.items.insert(manager, [item]);
    await this.move(manager, opinionIds, fromItemId, item.id);
  }

  /** Opinions of one item go to another (a merge, its undoing, a split). */
  async move(manager: EntityManager, opinionIds: readonly string[], fromItemId: string, intoItemId: string): Promise<void> {
    if (opinionIds.length === 0) return;
    await this.placements.move(manager, opinionIds, intoItemId);
    await this.items.addToSourceCount(manager, fromItemId, -opinionIds.length);
    await this.items.addToSourceCount(manager, intoItemId, opinionIds.length);
  }
}

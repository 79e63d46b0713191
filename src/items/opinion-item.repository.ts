import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, IsNull, Repository } from 'typeorm';
import { ItemStatus, OpinionItem } from './opinion-item.entity';

/** On the list (在清单中): every status but merged away. Set-aside items are on it, counted apart. */
export const ON_THE_LIST: readonly ItemStatus[] = ['draft', 'published', 'set-aside'];

/** The order lists show items in: by aspect, then as they were made. */
const LIST_ORDER = { aspect: 'ASC', createdAt: 'ASC', id: 'ASC' } as const;

/** The opinion list's rows, by the questions asked of them. Only the items feature writes `opinion_items`. */
@Injectable()
export class OpinionItemRepository {
  constructor(@InjectRepository(OpinionItem) private readonly items: Repository<OpinionItem>) {}

  /** The organisation an item belongs to, or null: what the 督导组's reach asks (see SupervisedUnits). */
  async organizationOf(id: string): Promise<string | null> {
    return (await this.items.findOne({ select: { organizationId: true }, where: { id } }))?.organizationId ?? null;
  }

  /** A meeting's published items, oldest first: those of `ids`, or those naming no member (the team's). */
  findPublished(meetingId: string, which: { ids: string[] } | { team: true }): Promise<OpinionItem[]> {
    const where = 'ids' in which ? { meetingId, status: 'published' as const, id: In(which.ids) } : { meetingId, status: 'published' as const, targetMemberId: IsNull() };
    return this.items.find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** An item of the organisation, or null. */
  findOwned(organizationId: string, id: string): Promise<OpinionItem | null> {
    return this.items.findOne({ where: { id, organizationId } });
  }

  /** An item by id, whatever its organisation (for a receipt, which names no organisation). */
  findById(id: string): Promise<OpinionItem | null> {
    return this.items.findOne({ where: { id } });
  }

  /** The meeting's items that match `where`, in list order. */
  inListOrder(meetingId: string, where: FindOptionsWhere<OpinionItem>): Promise<OpinionItem[]> {
    return this.items.find({ where: { ...where, meetingId }, order: LIST_ORDER });
  }

  /** The meeting's items on the list (draft, published, set aside), in list order. */
  onTheList(meetingId: string): Promise<OpinionItem[]> {
    return this.inListOrder(meetingId, { status: In([...ON_THE_LIST]) });
  }

  /** The meeting's published items: what the team claims and the 督导组 reads. */
  published(meetingId: string): Promise<OpinionItem[]> {
    return this.inListOrder(meetingId, { status: 'published' });
  }

  /** The meeting's items in these statuses, oldest first (the order similarity pairs are told apart by). */
  inStatuses(meetingId: string, statuses: readonly ItemStatus[]): Promise<OpinionItem[]> {
    return this.items.find({ where: { meetingId, status: In([...statuses]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** What aggregation compares new opinions with: the items on the list, their aspect and target (and the earlier item each repeats). */
  forPlacing(meetingId: string): Promise<Array<Pick<OpinionItem, 'id' | 'aspect' | 'targetMemberId' | 'status' | 'repeatOfItemId'>>> {
    return this.items.find({ select: { id: true, aspect: true, targetMemberId: true, status: true, repeatOfItemId: true }, where: { meetingId, status: In([...ON_THE_LIST]) } });
  }

  /**
   * The published items of these meetings (earlier lists a new item may repeat): what they say and
   * whom they concern. Raw rows: read on every aggregation run, thousands of them.
   */
  publishedOf(meetingIds: readonly string[]): Promise<Array<Pick<OpinionItem, 'id' | 'meetingId' | 'targetMemberId' | 'summary'>>> {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.items
      .createQueryBuilder('item')
      .select('item.id', 'id')
      .addSelect('item.meetingId', 'meetingId')
      .addSelect('item.targetMemberId', 'targetMemberId')
      .addSelect('item.summary', 'summary')
      .where('item.meetingId IN (:...meetingIds)', { meetingIds: [...meetingIds] })
      .andWhere('item.status = :status', { status: 'published' })
      .orderBy('item.id', 'ASC')
      .getRawMany();
  }

  /** Marks which earlier item each of these items repeats (null: none), in the caller's transaction. */
  async setRepeatOf(manager: EntityManager, repeatOf: ReadonlyMap<string, string | null>): Promise<void> {
    for (const [id, repeatOfItemId] of repeatOf) await manager.update(OpinionItem, { id }, { repeatOfItemId });
  }

  insert(manager: EntityManager, items: OpinionItem[]): Promise<unknown> {
    return manager.insert(OpinionItem, items);
  }

  /** Changes one item's own fields (words, aspect, target, notes, status), not its sources. */
  async update(id: string, changes: Partial<OpinionItem>, manager?: EntityManager): Promise<void> {
    await (manager?.getRepository(OpinionItem) ?? this.items).update({ id }, changes);
  }

  /** Publishes every draft of the meeting; how many. */
  async publishDrafts(meetingId: string, at: Date): Promise<number> {
    const result = await this.items.update({ meetingId, status: 'draft' }, { status: 'published', publishedAt: at });
    return result.affected ?? 0;
  }

  /** Moves an item's source count by `by` (only ItemSources calls this: the count follows the sources). */
  async addToSourceCount(manager: EntityManager, id: string, by: number): Promise<void> {
    if (by > 0) await manager.increment(OpinionItem, { id }, 'sourceCount', by);
    else if (by < 0) await manager.decrement(OpinionItem, { id }, 'sourceCount', -by);
  }
}

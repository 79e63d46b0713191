import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { OpinionChannel, RawOpinion } from './raw-opinion.entity';

/** A pending opinion as aggregation places it: its words and the writer's choices. */
export type PendingOpinion = Pick<RawOpinion, 'id' | 'text' | 'aspect' | 'targetMemberId'>;

/** A released opinion as an item shows it: words, channel and day; nothing else. */
export type ItemSource = Pick<RawOpinion, 'id' | 'itemId' | 'text' | 'channel' | 'receivedOn'>;

/** Another run placed some of the same opinions first: the caller's transaction rolls back and retries. */
export class PlacedMeanwhile extends Error {
  override name = 'PlacedMeanwhile';
}

/** Rows changed per UPDATE … WHERE id IN (…): well under every driver's limit on bound values. */
const CHUNK = 500;

/**
 * Where the pool's opinions sit in the opinion list (意见清单): the one writer of an opinion's
 * item, and what the list reads of its sources. The items feature decides; this only records,
 * so that nothing outside the pool writes `raw_opinions`. Held opinions are never read here:
 * they are in no item until released.
 */
@Injectable()
export class OpinionPlacements {
  constructor(@InjectRepository(RawOpinion) private readonly opinions: Repository<RawOpinion>) {}

  /** The meeting's opinions waiting for a place, oldest id first, at most `take`. */
  pending(meetingId: string, take: number): Promise<PendingOpinion[]> {
    return this.opinions.find({
      select: { id: true, text: true, aspect: true, targetMemberId: true },
      where: { meetingId, pendingAggregation: true },
      order: { id: 'ASC' },
      take,
    });
  }

  /** Where the opinion with this receipt hash sits: held or not, and its item; null when no opinion has it. */
  async byReceiptHash(receiptHash: string): Promise<Pick<RawOpinion, 'id' | 'held' | 'itemId'> | null> {
    return this.opinions.findOne({ where: { receiptHash }, select: { id: true, held: true, itemId: true } });
  }

  /**
   * What a question (追问) needs of an opinion: whose it is, whether it is in an item yet, and
   * whether its writer holds a receipt to read a question with; never the receipt's hash itself.
   */
  async forQuestion(id: string): Promise<{ organizationId: string; meetingId: string; listed: boolean; hasReceipt: boolean } | null> {
    const opinion = await this.opinions.findOne({ where: { id }, select: { organizationId: true, meetingId: true, held: true, itemId: true, receiptHash: true } });
    if (!opinion) return null;
    return { organizationId: opinion.organizationId, meetingId: opinion.meetingId, listed: !opinion.held && opinion.itemId !== null, hasReceipt: opinion.receiptHash !== null };
  }

  /** The meetings with opinions waiting for a place (what the aggregation sweeper asks again for). */
  meetingsWithPending(): Promise<Array<{ organizationId: string; meetingId: string }>> {
    return this.opinions
      .createQueryBuilder('opinion')
      .select('opinion.organizationId', 'organizationId')
      .addSelect('opinion.meetingId', 'meetingId')
      .where('opinion.pendingAggregation = :pending', { pending: 1 })
      .groupBy('opinion.organizationId')
      .addGroupBy('opinion.meetingId')
      .getRawMany();
  }

  /** Each placed item's first source texts (by id), at most `perItem` each: what stands for it when placing more. */
  async placedTexts(meetingId: string, perItem: number): Promise<Map<string, string[]>> {
    const sources = await this.opinions.find({
      select: { itemId: true, text: true },
      where: { meetingId, pendingAggregation: false, held: false },
      order: { id: 'ASC' },
    });
    const texts = new Map<string, string[]>();
    for (const { itemId, text } of sources) {
      if (!itemId) continue;
      const list = texts.get(itemId) ?? [];
      if (list.length < perItem) list.push(text);
      texts.set(itemId, list);
    }
    return texts;
  }

  /**
   * Puts pending opinions in an item, inside the caller's transaction. Only opinions still
   * pending move: if another run placed one meanwhile, PlacedMeanwhile rolls the caller back.
   */
  async place(manager: EntityManager, opinionIds: readonly string[], itemId: string): Promise<void> {
    for (let start = 0; start < opinionIds.length; start += CHUNK) {
      const ids = opinionIds.slice(start, start + CHUNK);
      const result = await manager
        .createQueryBuilder()
        .update(RawOpinion)
        .set({ itemId, pendingAggregation: false })
        .where('id IN (:...ids) AND pendingAggregation = :pending', { ids, pending: 1 })
        .execute();
      if (result.affected !== ids.length) throw new PlacedMeanwhile(`item ${itemId}: opinions placed by another run meanwhile`);
    }
  }

  /** Moves placed opinions to another item (a merge, its undoing, a split), inside the caller's transaction. */
  async move(manager: EntityManager, opinionIds: readonly string[], itemId: string): Promise<void> {
    for (let start = 0; start < opinionIds.length; start += CHUNK) {
      await manager.update(RawOpinion, { id: In(opinionIds.slice(start, start + CHUNK)) }, { itemId });
    }
  }

  /** The ids of the opinions in an item (read in the caller's transaction, if given). */
  async idsIn(itemId: string, manager?: EntityManager): Promise<string[]> {
    const repository = manager?.getRepository(RawOpinion) ?? this.opinions;
    return (await repository.find({ where: { itemId }, select: { id: true } })).map((opinion) => opinion.id);
  }

  /** Which of these opinions are still in the item (read in the caller's transaction). */
  async stillIn(manager: EntityManager, opinionIds: readonly string[], itemId: string): Promise<string[]> {
    if (opinionIds.length === 0) return [];
    const found = await manager.find(RawOpinion, { where: { id: In([...opinionIds]), itemId }, select: { id: true } });
    return found.map((opinion) => opinion.id);
  }

  /** The sources of these items, by day and then id; `only` narrows them to some opinions. */
  sourcesOf(itemIds: readonly string[], only?: readonly string[]): Promise<ItemSource[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.opinions.find({
      where: { itemId: In([...itemIds]), ...(only ? { id: In([...only]) } : {}) },
      select: { id: true, itemId: true, text: true, channel: true, receivedOn: true },
      order: { receivedOn: 'ASC', id: 'ASC' },
    });
  }

  /** Every source text of these items, unordered: what similarity compares. */
  textsOf(itemIds: readonly string[]): Promise<Array<{ itemId: string | null; text: string }>> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.opinions.find({ where: { itemId: In([...itemIds]) }, select: { itemId: true, text: true } });
  }

  /** The channels each of these items' sources came through. */
  async channelsOf(itemIds: readonly string[]): Promise<Map<string, Set<OpinionChannel>>> {
    const channels = new Map<string, Set<OpinionChannel>>();
    if (itemIds.length === 0) return channels;
    const rows: Array<{ itemId: string; channel: OpinionChannel }> = await this.opinions
      .createQueryBuilder('opinion')
      .select('opinion.itemId', 'itemId')
      .addSelect('opinion.channel', 'channel')
      .where('opinion.itemId IN (:...ids)', { ids: itemIds })
      .groupBy('opinion.itemId')
      .addGroupBy('opinion.channel')
      .getRawMany();
    for (const row of rows) channels.set(row.itemId, (channels.get(row.itemId) ?? new Set()).add(row.channel));
    return channels;
  }

  /** How many released opinions the meeting has, by channel (a held one is in no count: 统一整理). */
  async releasedByChannel(meetingId: string): Promise<Map<OpinionChannel, number>> {
    const rows: Array<{ channel: OpinionChannel; count: string | number }> = await this.opinions
      .createQueryBuilder('opinion')
      .select('opinion.channel', 'channel')
      .addSelect('COUNT(*)', 'count')
      .where('opinion.meetingId = :meetingId', { meetingId })
      .andWhere('opinion.held = :held', { held: 0 })
      .groupBy('opinion.channel')
      .getRawMany();
    return new Map(rows.map((row) => [row.channel, Number(row.count)]));
  }
}

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { EarlierItems } from '../clustering/repeats';
import { ShortLivedCache } from '../common/short-lived-cache';
import { Meeting } from '../meetings/meeting.entity';
import { OpinionPlacements } from '../opinions/opinion-placements';
import { OpinionItemRepository } from './opinion-item.repository';

/**
 * Source texts that stand for an item of the meeting when it is compared with earlier lists: a
 * new item's summary and one more, an item that grew its first and a new one. Each costs a vector
 * on every run that makes or grows an item, and the goal is that marking repeats against a
 * previous list of 2,000 items adds under 10 % to aggregating 10,000 opinions
 * (bench/scenarios/repeats.js): two texts kept to it where three and five did not.
 */
export const TEXTS_PER_ITEM = 2;

/** How long a prepared earlier list is kept for the next run (a backstop: its key is its content). */
const PREPARED_TTL_MS = 30 * 60_000;

/** The meeting whose items are compared with the organisation's earlier lists. */
export type MeetingForRepeats = Pick<Meeting, 'id' | 'organizationId' | 'year' | 'previousMeetingId'>;

/**
 * 屡提屡犯: which item of an earlier meeting of the organisation a meeting's item says again
 * (`repeatOfItemId`). Earlier means a meeting of an earlier year, or the one this meeting names
 * as its previous (上一年度); their published lists only. Aggregation marks the items it makes
 * or grows as it goes (deciding with `earlierItems`, written through ItemSources); `markMeeting`
 * marks a whole list again, once the previous meeting is named or its list is filled in later.
 */
@Injectable()
export class ItemRepeats {
  /**
   * Earlier lists already segmented and weighed, by organisation and a digest of every item's id,
   * target and words: last year's list rarely changes between this year's runs (every release
   * slot), and any change to it is a new key, so nothing stale is ever compared with.
   */
  private readonly prepared = new ShortLivedCache<string, EarlierItems>(PREPARED_TTL_MS, 16);

  constructor(
    private readonly items: OpinionItemRepository,
    private readonly placements: OpinionPlacements,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * The earlier lists, ready to compare items with: read and weighed once (per aggregation run),
   * most recent meeting first, so that a tie goes to the latest time the problem was raised.
   */
  async earlierItems(meeting: MeetingForRepeats): Promise<EarlierItems> {
    const earlier = await this.dataSource.getRepository(Meeting).find({
      select: { id: true },
      where: [{ organizationId: meeting.organizationId, year: LessThan(meeting.year) }, ...(meeting.previousMeetingId ? [{ organizationId: meeting.organizationId, id: meeting.previousMeetingId }] : [])],
      order: { year: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
    const meetingIds = earlier.map((each) => each.id).filter((id) => id !== meeting.id);
    const items = await this.items.publishedOf(meetingIds);
    const rank = new Map(meetingIds.map((id, index) => [id, index]));
    items.sort((a, b) => rank.get(a.meetingId)! - rank.get(b.meetingId)!);
    // An earlier item is what its list said: its summary, the words the team answered and the
    // ledger took up. Its sources would say it more fully, but a previous list of thousands of
    // items is read and weighed on every aggregation run, and five sources an item cost as much
    // as placing the run's opinions (bench/scenarios/repeats.js); the summary alone, a few per cent.
    const fingerprint = createHash('sha256');
    for (const item of items) fingerprint.update(`${item.id}\u0001${item.targetMemberId ?? ''}\u0001${item.summary}\u0002`);
    // Prepared once for what the lists hold now: a run that finds them unchanged reuses the work.
    return this.prepared.get(`${meeting.organizationId}:${fingerprint.digest('base64')}`, async () =>
      new EarlierItems(items.map((item) => ({ id: item.id, target: item.targetMemberId, texts: [item.summary] }))),
    );
  }

  /**
   * Marks every item on the meeting's list again: the earlier item each repeats, or none. Returns
   * how many items there are and how many repeat one.
   */
  async markMeeting(organizationId: string, meetingId: string): Promise<{ items: number; repeats: number }> {
    const meeting = await this.dataSource.getRepository(Meeting).findOne({ where: { id: meetingId, organizationId } });
    if (!meeting) return { items: 0, repeats: 0 };
    const [items, texts] = await Promise.all([this.items.onTheList(meeting.id), this.placements.placedTexts(meeting.id, TEXTS_PER_ITEM)]);
    const earlier = await this.earlierItems(meeting);
    const changes = new Map<string, string | null>();
    let repeats = 0;
    for (const item of items) {
      const repeatOf = earlier.repeatOf(item.targetMemberId, texts.get(item.id) ?? [item.summary]);
      if (repeatOf) repeats += 1;
      if (repeatOf !== item.repeatOfItemId) changes.set(item.id, repeatOf);
    }
    if (changes.size) await this.dataSource.transaction((manager) => this.items.setRepeatOf(manager, changes));
    return { items: items.length, repeats };
  }
}

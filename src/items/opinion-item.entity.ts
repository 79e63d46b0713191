import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** draft → published; set aside (kept, visible, counted apart); merged into another item. */
export const ITEM_STATUSES = ['draft', 'published', 'set-aside', 'merged'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** How an item began: from the opinions (aggregation), split off by an organiser, or named by the upper level / 督导组. */
export type ItemOrigin = 'aggregation' | 'split' | 'supervision';

/**
 * 意见清单条目: one point of the opinion list — the opinions that say the same thing about the
 * same person (or the team), under one aspect, in one summary. Its sources are the raw opinions
 * whose `itemId` is this item's id.
 */
@Entity('opinion_items')
// The list by status; progress reads each item's status, target, aspect and sourceCount from the index alone.
@Index(['meetingId', 'status', 'targetMemberId', 'aspect', 'sourceCount'])
export class OpinionItem {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  @Column('varchar', { length: 100 })
  aspect: string;

  /** The team member it concerns, or null for the team as a whole. */
  @Column('varchar', { length: 36, nullable: true })
  targetMemberId: string | null;

  /** The point as the list states it: at first its first opinion's words, then the organiser's. */
  @Column('text')
  summary: string;

  @Column('varchar', { length: 20 })
  status: ItemStatus;

  @Column('varchar', { length: 20 })
  origin: ItemOrigin;

  @Column('int')
  sourceCount: number;

  /** Why it was set aside (不纳入清单的理由). */
  @Column('varchar', { length: 500, nullable: true })
  setAsideReason: string | null;

  /** The item it was merged into, while merged. */
  @Column('varchar', { length: 36, nullable: true })
  mergedIntoId: string | null;

  /** The organiser's own notes: never shown to those who claim it. */
  @Column('text', { nullable: true })
  notes: string | null;

  /** When an organiser last changed its words, aspect or target: automatic runs never undo that. */
  @Column('datetime', { nullable: true })
  editedAt: Date | null;

  @Column('datetime', { nullable: true })
  publishedAt: Date | null;

  /**
   * 屡提屡犯: the item of an earlier meeting of the organisation that said the same thing, found by
   * the clustering's own similarity when this item was formed; null when none did.
   */
  @Column('varchar', { length: 36, nullable: true })
  repeatOfItemId: string | null;

  @Column('datetime')
  createdAt: Date;
}

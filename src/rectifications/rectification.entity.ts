import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What is stored; `overdue` is not a status but read from the due date and the clock. */
export const RECTIFICATION_STATUSES = ['open', 'reported', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/**
 * 整改台账的一条: a problem, its measures (RectificationMeasure), the person answerable for it
 * (责任主体), the deadline (完成时限) and where it stands, closed out (销号) only by the organiser
 * or the secretary, never by its owner.
 */
@Entity('rectifications')
// One entry per item and meeting: turning answered claims into entries twice creates nothing twice.
@Index(['meetingId', 'itemId'], { unique: true })
// Carrying a meeting's open entries into the next twice carries nothing twice.
@Index(['meetingId', 'carriedFromId'], { unique: true })
export class Rectification {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index()
  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  /** 序号: its place in the meeting's ledger, 1, 2, 3 … in the order entries were made. */
  @Column('int')
  seq: number;

  @Column('text')
  problem: string;

  /** 责任主体: a member of the meeting's team. */
  @Index()
  @Column('varchar', { length: 36 })
  ownerUserId: string;

  /** 完成时限, a day. */
  @Column('date')
  dueDate: string;

  @Column('varchar', { length: 20 })
  status: RectificationStatus;

  /** The item (意见清单条目) it came from, or null for a problem typed by the organiser. */
  @Column('varchar', { length: 36, nullable: true })
  itemId: string | null;

  /** The previous meeting's entry this one continues (上一年度未完成的整改), or null. */
  @Column('varchar', { length: 36, nullable: true })
  carriedFromId: string | null;

  @Column('datetime')
  createdAt: Date;
}

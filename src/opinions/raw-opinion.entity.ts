import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where an opinion came in: 意见箱, 征求意见表, 谈心谈话, 座谈会, 书面征询. */
export const OPINION_CHANNELS = ['box', 'survey', 'talk', 'symposium', 'written'] as const;
export type OpinionChannel = (typeof OPINION_CHANNELS)[number];

/**
 * 意见: one opinion as it came in, from any channel, kept verbatim (原汁原味). For the anonymous
 * channels this row is everything that is known about the writer, so it holds nothing that could
 * lead back to them: no account, address, user agent or session, and the day only, never the
 * time. Its id is random. On SQLite the table has no rowid, whose order would tell the order of
 * arrival; MySQL clusters rows by the random primary key.
 *
 * A test lists these columns: adding one fails it until someone has judged it safe.
 */
@Entity('raw_opinions', { withoutRowid: true })
// Progress counts a meeting's opinions by channel, source and day from this index alone: one
// range per meeting, read in order, never the rows (which on MySQL lie scattered by random id).
@Index(['meetingId', 'held', 'channel', 'sourceId', 'receivedOn', 'pendingAggregation'])
@Index(['sourceId', 'held'])
@Index(['pendingAggregation'])
export class RawOpinion {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  @Column('varchar', { length: 20 })
  channel: OpinionChannel;

  /** The box, survey, talk, symposium or written solicitation it came through. */
  @Column('varchar', { length: 36 })
  sourceId: string;

  @Column('text')
  text: string;

  /** The aspect the writer chose, or null to let aggregation decide. */
  @Column('varchar', { length: 100, nullable: true })
  aspect: string | null;

  /** The team member it concerns (a user id), or null for the team as a whole. */
  @Column('varchar', { length: 36, nullable: true })
  targetMemberId: string | null;

  /** The day it arrived (YYYY-MM-DD in the organisation's time zone): never a finer time. */
  @Column('date')
  receivedOn: string;

  /** Keyed hash of the writer's receipt code (回执码); the code itself is never stored. */
  @Index({ unique: true })
  @Column('varchar', { length: 64, nullable: true })
  receiptHash: string | null;

  /** The opinion-list item (意见清单条目) it was placed in; null while pending. */
  @Index()
  @Column('varchar', { length: 36, nullable: true })
  itemId: string | null;

  /** The outbox mark: true until the aggregation worker has placed it in the opinion list. */
  @Column('boolean')
  pendingAggregation: boolean;

  /**
   * Held back (匿名意见暂存): an opinion from an anonymous source waits here, counted nowhere and in
   * no item, until its source releases a batch of at least k at a fixed time (see ReleaseService).
   * Only then does it become pending for aggregation.
   */
  @Column('boolean')
  held: boolean;
}

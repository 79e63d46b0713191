import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RectificationEventKind = 'created' | 'reported' | 'returned' | 'closed' | 'edited' | 'carried-in' | 'carried-out';

/**
 * 全程销号管理: one dated step of an entry's history. These are accountable acts by named people
 * (the owner reporting, the organiser or secretary closing or returning), so the actor and the
 * time to the second are kept, unlike an anonymous opinion.
 */
@Entity('rectification_events')
@Index(['entryId', 'seq'], { unique: true })
export class RectificationEvent {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  entryId: string;

  @Column('varchar', { length: 20 })
  kind: RectificationEventKind;

  @Column('text', { nullable: true })
  note: string | null;

  /** What the owner shows for a measure done, as text. */
  @Column('text', { nullable: true })
  evidence: string | null;

  /** A file shown as evidence (a scan, a document): its name as uploaded, its type read from its content, its key in the upload store. */
  @Column('varchar', { length: 255, nullable: true })
  evidenceFileName: string | null;

  @Column('varchar', { length: 10, nullable: true })
  evidenceFileType: string | null;

  @Column('varchar', { length: 64, nullable: true })
  evidenceFileKey: string | null;

  @Column('varchar', { length: 36 })
  actorUserId: string;

  @Column('datetime')
  at: Date;

  /** Its place in the entry's history: several steps may fall in one second. */
  @Column('int')
  seq: number;
}

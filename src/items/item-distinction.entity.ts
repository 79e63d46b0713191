import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An organiser's word that two items of a meeting say different things, though the list thought
 * them alike (可能重复): the pair is not put to them again. Stored once per pair, the smaller id
 * first.
 */
@Entity('item_distinctions')
@Index(['itemId', 'otherItemId'], { unique: true })
@Index(['meetingId'])
export class ItemDistinction {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  /** The pair's smaller id. */
  @Column('varchar', { length: 36 })
  itemId: string;

  /** The pair's larger id. */
  @Column('varchar', { length: 36 })
  otherItemId: string;

  @Column('varchar', { length: 36 })
  decidedBy: string;

  @Column('datetime')
  decidedAt: Date;
}

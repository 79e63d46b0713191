import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ClaimKind = 'lead' | 'joint';

/**
 * 认领: a team member taking up an item, as its lead (牵头, one per item, who answers it) or
 * jointly. The lead writes the answer: 问题认识 (reflection) and 整改措施 (measures).
 */
@Entity('item_claims')
@Index(['itemId', 'memberUserId'], { unique: true })
// A meeting's lead claims (item, who leads, answered or not): progress reads them from the index alone.
@Index(['meetingId', 'kind', 'itemId', 'memberUserId', 'answeredAt'])
export class ItemClaim {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  @Column('varchar', { length: 36 })
  itemId: string;

  @Column('varchar', { length: 36 })
  memberUserId: string;

  @Column('varchar', { length: 10 })
  kind: ClaimKind;

  /**
   * The item's id on its lead claim, null on a joint one: a unique index on it lets the database
   * itself keep one lead per item, whatever races.
   */
  @Index({ unique: true })
  @Column('varchar', { length: 36, nullable: true })
  leadOf: string | null;

  @Column('text', { nullable: true })
  reflection: string | null;

  @Column('text', { nullable: true })
  measures: string | null;

  @Column('date', { nullable: true })
  dueDate: string | null;

  @Column('datetime', { nullable: true })
  answeredAt: Date | null;

  /** The secretary, when they assigned it rather than the member claiming it. */
  @Column('varchar', { length: 36, nullable: true })
  assignedBy: string | null;

  @Column('datetime')
  createdAt: Date;
}

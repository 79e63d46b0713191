import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One message in a person's in-app inbox. */
@Entity('notifications')
@Index(['userId', 'createdAt'])
export class Notification {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  userId: string;

  /** What it is about, e.g. `team.assigned`; clients may pick an icon by it. */
  @Column('varchar', { length: 50 })
  kind: string;

  @Column('varchar', { length: 200 })
  title: string;

  @Column('text')
  body: string;

  /** Where the person acts on it (a relative URL), if anywhere. */
  @Column('varchar', { length: 300, nullable: true })
  link: string | null;

  /** Collapses the same reminder sent twice (e.g. `reminder:talks:2026-11-23`). */
  @Column('varchar', { length: 120, nullable: true, unique: true })
  dedupeKey: string | null;

  @Column('datetime', { nullable: true })
  readAt: Date | null;

  @Column('datetime')
  createdAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ItemStatus } from './opinion-item.entity';

/** A merge, kept so it can be undone: which item went into which, with which opinions, from which status. */
@Entity('item_merges')
export class ItemMerge {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  fromItemId: string;

  @Column('varchar', { length: 36 })
  intoItemId: string;

  @Column('simple-json')
  opinionIds: string[];

  @Column('varchar', { length: 20 })
  fromStatus: ItemStatus;

  @Column('varchar', { length: 36 })
  mergedBy: string;

  @Column('datetime')
  mergedAt: Date;

  @Column('datetime', { nullable: true })
  undoneAt: Date | null;
}

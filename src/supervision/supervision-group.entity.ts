import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 督导组: supervisor accounts of a parent body, sent to watch the preparation of some of its units
 * (市纪委、组织部 over the 局, a 局党组 over its 处室). Its members read what the units' own
 * supervisors read, and may add supervision items; nothing else of the units.
 */
@Entity('supervision_groups')
@Index('IDX_supervision_groups_org_name', ['organizationId', 'name'], { unique: true })
export class SupervisionGroup {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  /** The parent body the group belongs to. */
  @Column('varchar', { length: 36 })
  organizationId: string;

  /** e.g. 市委第一督导组 */
  @Column('varchar', { length: 100 })
  name: string;

  /** Its members: supervisor accounts of the parent body. */
  @Column('simple-json')
  memberUserIds: string[];

  /** The units it supervises: organisations whose parent is the group's. */
  @Column('simple-json')
  unitIds: string[];

  @Column('datetime')
  createdAt: Date;
}

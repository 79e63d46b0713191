import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 单位: the tenant. Nothing crosses organisations, but for one thing: a unit may have a parent
 * body (上级党组织, e.g. a 局党组 over its 处室, 市纪委 over the 局), whose 督导组 may read the
 * unit's preparation (see src/supervision).
 */
@Entity('organizations')
export class Organization {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 100, unique: true })
  name: string;

  /** The parent body, or null. Set when the parent creates the unit, or by the operator (cli bootstrap --parent). */
  @Index('IDX_organizations_parentId')
  @Column('varchar', { length: 36, nullable: true })
  parentId: string | null;

  @Column('datetime')
  createdAt: Date;
}

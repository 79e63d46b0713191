import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DepartmentKind = 'department' | 'branch';

/** 部门 or 党支部: where staff work, which team members oversee, where surveys are sent. */
@Entity('departments')
@Index(['organizationId', 'name'], { unique: true })
export class Department {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 100 })
  name: string;

  @Column('varchar', { length: 20 })
  kind: DepartmentKind;

  /** Its head (主要负责同志), when they have an account; team members must talk with them. */
  @Column('varchar', { length: 36, nullable: true })
  headUserId: string | null;

  /** Its head's name, when they have no account (or as the organiser wrote it). */
  @Column('varchar', { length: 50, nullable: true })
  headName: string | null;

  @Column('datetime')
  createdAt: Date;
}

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

  @Column('datetime')
  createdAt: Date;
}

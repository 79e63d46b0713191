import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 单位: the tenant. Nothing crosses organisations. */
@Entity('organizations')
export class Organization {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 100, unique: true })
  name: string;

  @Column('datetime')
  createdAt: Date;
}

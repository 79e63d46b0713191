import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every change to a check material: who, when, from which status to which, and the comment or file. */
@Entity('check_material_events')
@Index(['materialId', 'at'])
export class MaterialEvent {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  materialId: string;

  /** `status` or `upload`. */
  @Column('varchar', { length: 20 })
  kind: 'status' | 'upload';

  @Column('varchar', { length: 20 })
  fromStatus: string;

  @Column('varchar', { length: 20 })
  toStatus: string;

  /** The reviewer's comment, or the uploaded file's name. */
  @Column('varchar', { length: 2000, nullable: true })
  note: string | null;

  @Column('varchar', { length: 36 })
  byUserId: string;

  @Column('datetime')
  at: Date;

  /** 1, 2, 3 … within the material: the order of changes made in the same second. */
  @Column('int')
  step: number;
}

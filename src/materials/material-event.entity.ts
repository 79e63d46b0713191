import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type MaterialEventKind = 'status' | 'upload' | 'comment';

/**
 * Every change to a material, and every comment the 督导组 makes on it: who, when, from which
 * status to which (a comment leaves it where it was), and the comment or file.
 */
@Entity('check_material_events')
@Index(['materialId', 'at'])
export class MaterialEvent {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  materialId: string;

  /** `status`, `upload`, or `comment` (督导组意见: the status stays). */
  @Column('varchar', { length: 20 })
  kind: MaterialEventKind;

  @Column('varchar', { length: 20 })
  fromStatus: string;

  @Column('varchar', { length: 20 })
  toStatus: string;

  /** The reviewer's comment, the uploaded file's name, or the 督导组's comment. */
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

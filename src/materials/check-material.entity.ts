import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MaterialStatus } from './material-states';

/**
 * 对照检查材料: one team member's written self-examination for a meeting, through drafting,
 * review by the secretary (or, for the secretary's own, an organiser or supervisor) and approval.
 * A member without a row has not started.
 */
@Entity('check_materials')
@Index(['meetingId', 'memberUserId'], { unique: true })
export class CheckMaterial {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  @Column('varchar', { length: 36 })
  memberUserId: string;

  @Column('varchar', { length: 20 })
  status: MaterialStatus;

  /** The reviewer's comments when returned (退回修改意见). */
  @Column('varchar', { length: 2000, nullable: true })
  reviewComment: string | null;

  /** The uploaded file: the name it had, its type as read from its content, its size and where it is kept. */
  @Column('varchar', { length: 255, nullable: true })
  fileName: string | null;

  @Column('varchar', { length: 10, nullable: true })
  fileType: 'pdf' | 'docx' | null;

  @Column('int', { nullable: true })
  fileSize: number | null;

  @Column('varchar', { length: 100, nullable: true })
  fileKey: string | null;

  @Column('datetime')
  updatedAt: Date;
}

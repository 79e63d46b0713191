import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MaterialKind, MaterialStatus } from './material-states';

/**
 * One team member's material for a meeting, of one kind: the 对照检查材料 (written
 * self-examination) or the 发言提纲 (speech outline), each through drafting, review by the
 * secretary (or, for the secretary's own, an organiser or supervisor) and approval. A member
 * without a row of a kind has not started it.
 */
@Entity('check_materials')
@Index(['meetingId', 'memberUserId', 'kind'], { unique: true })
export class CheckMaterial {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  @Column('varchar', { length: 36 })
  memberUserId: string;

  /** `check` (对照检查材料), `outline` (发言提纲), or `team` (领导班子对照检查材料, under the secretary's seat). */
  @Column('varchar', { length: 20, default: 'check' })
  kind: MaterialKind;

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

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DraftKind, DraftSection } from './draft-assembly';

/**
 * One saved version of a draft, section by section: a 对照检查材料's (a member's, memberUserId
 * their id, or the team's, memberUserId `team`) or a member's 发言提纲. Every save is a new
 * version of its kind; the latest is the draft.
 */
@Entity('material_drafts')
@Index('IDX_material_drafts_version', ['meetingId', 'memberUserId', 'kind', 'version'], { unique: true })
export class MaterialDraft {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  /** The member's user id, or `team` for the 领导班子对照检查材料. */
  @Column('varchar', { length: 36 })
  memberUserId: string;

  /** `check` (对照检查材料) or `outline` (发言提纲). */
  @Column('varchar', { length: 20, default: 'check' })
  kind: DraftKind;

  /** 1, 2, 3 … per meeting, member and kind. */
  @Column('int')
  version: number;

  /** The sections as saved: [{key, title, paragraphs}]. */
  @Column('simple-json')
  sections: DraftSection[];

  @Column('varchar', { length: 36 })
  savedBy: string;

  @Column('datetime')
  savedAt: Date;
}

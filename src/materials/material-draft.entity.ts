import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DraftSection } from './draft-assembly';

/**
 * One saved version of a 对照检查材料 draft: a member's (memberUserId their id) or the team's
 * (memberUserId `team`), section by section. Every save is a new version; the latest is the draft.
 */
@Entity('material_drafts')
@Index(['meetingId', 'memberUserId', 'version'], { unique: true })
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

  /** 1, 2, 3 … per meeting and member. */
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

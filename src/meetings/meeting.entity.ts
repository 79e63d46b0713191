import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TalkRuleSettings } from './talk-rule-settings';
import { MeetingKind, MeetingPhase, TalkVisibility } from './meeting-phase';

/** One 民主生活会 / 组织生活会 being prepared. */
@Entity('meetings')
export class Meeting {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index()
  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 200 })
  title: string;

  @Column('int')
  year: number;

  @Column('varchar', { length: 30 })
  kind: MeetingKind;

  @Column('varchar', { length: 500, nullable: true })
  theme: string | null;

  /** The preset the aspects came from, or null when the organiser wrote their own. */
  @Column('varchar', { length: 50, nullable: true })
  aspectPreset: string | null;

  @Column('simple-json')
  aspects: string[];

  @Column('varchar', { length: 20 })
  phase: MeetingPhase;

  @Column('date') collectUntil: string;
  @Column('date') talksUntil: string;
  @Column('date') claimUntil: string;
  @Column('date') materialsUntil: string;
  @Column('date') heldOn: string;

  /** Keywords an organiser added to the aspect lexicon (by aspect), for sorting opinions without one. */
  @Column('simple-json', { nullable: true })
  aspectKeywords: Record<string, string[]> | null;

  /** Which 必谈 rules apply; null = the defaults (every rule but the party-branch one). */
  @Column('simple-json', { nullable: true })
  talkRules: Partial<TalkRuleSettings> | null;

  /** Who besides the two participants may read a talk's content. */
  @Column('varchar', { length: 30, default: 'participants-and-secretary' })
  talkVisibility: TalkVisibility;

  /**
   * The organisation's earlier meeting this one follows (上一年度): its unfinished rectification
   * entries are carried into this one, and this one's items are compared with its items (repeatOf).
   */
  @Column('varchar', { length: 36, nullable: true })
  previousMeetingId: string | null;

  @Column('datetime')
  createdAt: Date;

  @Column('datetime')
  updatedAt: Date;
}

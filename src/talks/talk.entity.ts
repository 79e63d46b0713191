import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const TALK_STATUSES = ['logged', 'confirmed', 'correction-requested'] as const;
export type TalkStatus = (typeof TALK_STATUSES)[number];

/**
 * 谈心谈话: one talk a team member had, as they recorded it. Its content is for the two
 * participants (and whoever the meeting allows); organisers see who, when and the status only.
 */
@Entity('talks')
@Index(['meetingId', 'loggedBy'])
export class Talk {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  /** The team member who recorded it: one side of the talk. */
  @Column('varchar', { length: 36 })
  loggedBy: string;

  /** The other side, when they have an account; they confirm the record. */
  @Index()
  @Column('varchar', { length: 36, nullable: true })
  counterpartUserId: string | null;

  /** The other side's name, when they have no account (a department head known by name). */
  @Column('varchar', { length: 50, nullable: true })
  counterpartName: string | null;

  @Column('date')
  heldOn: string;

  @Column('varchar', { length: 200, nullable: true })
  place: string | null;

  /** What each side said (谈话内容), in the recorder's words. */
  @Column('text')
  summary: string;

  @Column('varchar', { length: 30 })
  status: TalkStatus;

  /** The counterpart's comment when asking for a correction. */
  @Column('varchar', { length: 1000, nullable: true })
  correctionComment: string | null;

  @Column('int')
  opinionCount: number;

  @Column('datetime')
  loggedAt: Date;

  @Column('datetime', { nullable: true })
  confirmedAt: Date | null;
}

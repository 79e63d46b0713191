import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MeetingKind, MeetingPhase } from './meeting-phase';

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

  @Column('datetime')
  createdAt: Date;

  @Column('datetime')
  updatedAt: Date;
}

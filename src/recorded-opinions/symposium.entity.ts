import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 座谈会: a meeting with a group of staff (中层干部, 普通职工代表 …) whose opinions an organiser minuted. */
@Entity('symposiums')
export class Symposium {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Index()
  @Column('varchar', { length: 36 })
  meetingId: string;

  @Column('date')
  heldOn: string;

  /** Who sat at the table, as a group: never a list of names (e.g. 中层干部, 青年职工代表). */
  @Column('varchar', { length: 100 })
  audience: string;

  @Column('int')
  attendeeCount: number;

  @Column('int')
  opinionCount: number;

  @Column('varchar', { length: 36 })
  recordedBy: string;

  @Column('datetime')
  recordedAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 书面征询: the written answer of another body (a supervising unit, a branch …) asked for opinions. */
@Entity('written_solicitations')
export class WrittenSolicitation {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Index()
  @Column('varchar', { length: 36 })
  meetingId: string;

  /** The body that answered, e.g. 纪检监察组, 离退休干部党支部. */
  @Column('varchar', { length: 200 })
  fromBody: string;

  @Column('date')
  receivedOn: string;

  @Column('int')
  opinionCount: number;

  @Column('varchar', { length: 36 })
  recordedBy: string;

  @Column('datetime')
  recordedAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SurveyQuestion } from './survey-questions';

/** 征求意见表: a form of one meeting, answered once per token by the people it was sent to. */
@Entity('surveys')
export class Survey {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Index()
  @Column('varchar', { length: 36 })
  meetingId: string;

  @Column('varchar', { length: 200 })
  title: string;

  /** Anonymous (the usual case): an answer keeps no link to its token, see SurveyResponse. */
  @Column('boolean')
  anonymous: boolean;

  /** Fixed once the survey exists: answers refer to questions by their index. */
  @Column('simple-json')
  questions: SurveyQuestion[];

  /** When an organiser last closed it; null while it is open. */
  @Column('datetime', { nullable: true })
  closedAt: Date | null;

  @Column('varchar', { length: 36 })
  createdBy: string;

  @Column('datetime')
  createdAt: Date;
}

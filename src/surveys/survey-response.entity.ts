import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A choice, choices or rating by question index; `true` for a text question that was answered. */
export type StoredAnswers = Record<string, number | number[] | true>;

/**
 * One person's answer to a survey, without the text answers: those go to the opinion pool
 * (raw_opinions, channel `survey`) with no link back to this row, so a department's texts
 * cannot be picked out of it.
 *
 * For an anonymous survey this row keeps no link to its token, the department only when the
 * token was issued for one (the organiser chose to collect it), and the day only, never the time.
 * Its id is random and, on SQLite, the table has no rowid that would tell the order of arrival.
 * A test lists these columns: adding one fails it until someone has judged it safe.
 */
@Entity('survey_responses', { withoutRowid: true })
@Index(['surveyId', 'held', 'departmentId'])
export class SurveyResponse {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  surveyId: string;

  @Column('varchar', { length: 36, nullable: true })
  departmentId: string | null;

  /** Named surveys only: the token the answer came with. Always null for an anonymous survey. */
  @Column('varchar', { length: 36, nullable: true })
  tokenId: string | null;

  @Column('simple-json')
  answers: StoredAnswers;

  /** The day it arrived (YYYY-MM-DD in the organisation's time zone). */
  @Column('date')
  receivedOn: string;

  /**
   * An anonymous survey's answer is held (匿名意见暂存) until the survey releases a batch of at
   * least k answers at a fixed time: until then it is in no count, rate or result.
   */
  @Column('boolean')
  held: boolean;
}

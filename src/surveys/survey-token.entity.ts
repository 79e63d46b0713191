import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Characters of a token: 100 random bits (Crockford base32), lower case in links. */
export const SURVEY_TOKEN_LENGTH = 20;

/**
 * One invitation to answer a survey (填写码). The token itself is shown once, on the printed
 * sheet, and only its keyed hash is kept. The `used` mark carries no time: with one, the order
 * in which tokens were used could be matched with the order of the answers.
 *
 * A test lists these columns: adding one fails it until someone has judged it safe.
 */
@Entity('survey_tokens')
@Index(['surveyId', 'departmentId'])
export class SurveyToken {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  surveyId: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  tokenHash: string;

  /** The department (部门) or branch (支部) it was sent to, when the organiser chose one. */
  @Column('varchar', { length: 36, nullable: true })
  departmentId: string | null;

  @Column('boolean')
  used: boolean;
}

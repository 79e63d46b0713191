import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 追问: an organiser's question on one opinion that has a receipt (回执码), and the writer's reply.
 *
 * The question is the organiser's (who asked, and the day); the reply is the anonymous writer's,
 * so the row keeps of it what raw_opinions keeps of an opinion and no more: the words, and the day
 * a release (统一整理) passed it on — never the day or time it was written, nor anything of the
 * request that sent it (no address, agent, session). Until that release `replyReleasedOn` is null
 * and the reply is held: only the writer, with their code, reads it.
 *
 * On SQLite the table has no rowid (like raw_opinions): nothing in the file's order says which
 * question, or reply, came first. Its id is random.
 *
 * A test lists these columns: adding one fails it until someone has judged it safe.
 */
@Entity('opinion_questions', { withoutRowid: true })
// The sources of an item read their questions by opinion; a release finds the held replies.
@Index(['opinionId'])
@Index(['replyReleasedOn', 'organizationId'])
export class OpinionQuestion {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  /** The raw opinion asked about: the one opinion whose receipt shows the question. */
  @Column('varchar', { length: 36 })
  opinionId: string;

  /** The organiser who asked (an account of the organisation, never the writer). */
  @Column('varchar', { length: 36 })
  askedBy: string;

  @Column('text')
  text: string;

  /** The day it was asked, `YYYY-MM-DD` in TIME_ZONE. */
  @Column('date')
  askedOn: string;

  /** The writer's reply, word for word; null until they answer (one reply per question). */
  @Column('text', { nullable: true })
  replyText: string | null;

  /**
   * The day a fixed release passed the reply on to the organiser; null while it is held (or
   * there is none). The only date a reply has: when it was written is nowhere.
   */
  @Column('date', { nullable: true })
  replyReleasedOn: string | null;
}

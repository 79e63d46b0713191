import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How the embedding model last answered clustering, one row per model: written by whichever
 * process clusters (the worker), read by the queue view in the api, so an admin sees that
 * clustering fell back to words alone and why. Holds no text.
 */
@Entity('embedding_status')
export class EmbeddingStatusRow {
  @PrimaryColumn('varchar', { length: 200 })
  model: string;

  /** When every vector asked for was last given. */
  @Column('datetime', { nullable: true })
  lastSuccessAt: Date | null;

  /** When the endpoint last failed (clustering then went on lexically). */
  @Column('datetime', { nullable: true })
  lastFailureAt: Date | null;

  /** Why, in words that name no text. */
  @Column('varchar', { length: 300, nullable: true })
  lastError: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A text's vector from one embedding model, kept so each distinct text is sent to the model once.
 * Keyed by the model and the SHA-256 of the normalised text (see embedding-text.ts): the row holds
 * no text, no writer, no meeting and no time, only what the model said about some text.
 */
@Entity('text_embeddings')
export class TextEmbedding {
  /** The model's name as configured (EMBEDDINGS_MODEL): another model's vectors do not compare. */
  @PrimaryColumn('varchar', { length: 200 })
  model: string;

  /** Hex SHA-256 of the normalised text. */
  @PrimaryColumn('varchar', { length: 64 })
  textHash: string;

  @Column('int')
  dimension: number;

  /**
   * The unit-length vector as little-endian float32: 4 bytes a dimension (bge-m3's 1024 take 4 KB,
   * well inside MySQL's 64 KB BLOB).
   */
  @Column('blob')
  vector: Buffer;
}

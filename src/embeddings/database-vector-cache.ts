import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { bytesToVector, vectorToBytes } from './embedding-text';
import { TextEmbedding } from './text-embedding.entity';
import { VectorCache } from './vector-cache';

/** Rows per read or write: well inside SQLite's and MySQL's limits on bound parameters. */
const CHUNK = 200;

/** The vectors kept in text_embeddings, shared by every process on the database. */
@Injectable()
export class DatabaseVectorCache implements VectorCache {
  constructor(@InjectRepository(TextEmbedding) private readonly rows: Repository<TextEmbedding>) {}

  async find(model: string, hashes: string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    for (let start = 0; start < hashes.length; start += CHUNK) {
      const rows = await this.rows.find({ where: { model, textHash: In(hashes.slice(start, start + CHUNK)) } });
      for (const row of rows) {
        const vector = bytesToVector(row.vector, row.dimension);
        if (vector) found.set(row.textHash, vector);
      }
    }
    return found;
  }

  /** INSERT … IGNORE: another process may have kept the same text meanwhile. */
  async save(model: string, vectors: Map<string, Float32Array>): Promise<void> {
    const rows: TextEmbedding[] = [...vectors].map(([textHash, vector]) => ({ model, textHash, dimension: vector.length, vector: vectorToBytes(vector) }));
    for (let start = 0; start < rows.length; start += CHUNK) {
      await this.rows.createQueryBuilder().insert().into(TextEmbedding).values(rows.slice(start, start + CHUNK)).orIgnore().execute();
    }
  }
}

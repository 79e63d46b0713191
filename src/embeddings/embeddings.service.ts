import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { DatabaseVectorCache } from './database-vector-cache';
import { EmbeddingStatusRow } from './embedding-status.entity';
import { EmbeddingsStatus, TextVectors } from './text-vectors';

/** A success is written down at most this often: clustering runs many times a minute in a busy week. */
const SUCCESS_WRITTEN_EVERY_MS = 60_000;

/**
 * The embedding model for the api and the worker (see TextVectors): vectors cached in the
 * database, warnings in the application's log, times from the Clock, and how the model last
 * answered kept in embedding_status for the queue view (the worker clusters, the api shows it).
 * Without EMBEDDINGS_URL every answer is null and nothing is asked.
 */
@Injectable()
export class EmbeddingsService {
  private readonly logger = new Logger(EmbeddingsService.name);
  private readonly vectors: TextVectors;
  private successWrittenAt = 0;

  constructor(
    private readonly config: AppConfig,
    cache: DatabaseVectorCache,
    private readonly clock: Clock,
    @InjectRepository(EmbeddingStatusRow) private readonly statusRows: Repository<EmbeddingStatusRow>,
  ) {
    this.vectors = new TextVectors(config.embeddings, cache, this.logger, () => clock.now());
  }

  /** The least blended similarity for joining an item with the model (EMBEDDINGS_THRESHOLD), or null without a model. */
  get threshold(): number | null {
    return this.config.embeddings?.threshold ?? null;
  }

  /** Unit-length vectors keyed by the texts as given, or null: clustering then goes on lexically. Never throws. */
  async vectorsFor(texts: string[]): Promise<Map<string, Float32Array> | null> {
    const vectors = await this.vectors.vectorsFor(texts);
    if (this.config.embeddings) await this.writeDown(this.config.embeddings.model, vectors !== null);
    return vectors;
  }

  /** How the model last answered in any process (the queue view's line), or "not configured". */
  async status(): Promise<EmbeddingsStatus> {
    const model = this.config.embeddings?.model ?? null;
    const row = model ? await this.statusRows.findOne({ where: { model } }) : null;
    return {
      configured: model !== null,
      model,
      lastSuccessAt: row?.lastSuccessAt?.toISOString() ?? null,
      lastFailureAt: row?.lastFailureAt?.toISOString() ?? null,
      lastError: row?.lastError ?? null,
    };
  }

  /**
   * Only this outcome's columns: another worker's failure is not overwritten by this one's success
   * (the later of the two times says which holds). A status that cannot be written costs only the
   * queue view's line.
   */
  private async writeDown(model: string, succeeded: boolean): Promise<void> {
    const now = this.clock.now();
    if (succeeded && now.getTime() - this.successWrittenAt < SUCCESS_WRITTEN_EVERY_MS) return;
    const status = this.vectors.status();
    const values = succeeded
      ? { model, lastSuccessAt: now }
      : { model, lastFailureAt: now, lastError: status.lastError };
    try {
      await this.statusRows.createQueryBuilder().insert().into(EmbeddingStatusRow).values(values).orUpdate(Object.keys(values).filter((key) => key !== 'model'), ['model']).execute();
      this.successWrittenAt = succeeded ? now.getTime() : 0;
    } catch (error) {
      this.logger.warn(`embedding status not written (${(error as Error).message.slice(0, 200)})`);
    }
  }
}

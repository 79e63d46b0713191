import { EmbeddingsSettings } from '../config/app-config';
import { EmbeddingsClient } from './embeddings-client';
import { normaliseForEmbedding, textHash, toUnitLength } from './embedding-text';
import { VectorCache } from './vector-cache';

/** What the queue view can say about the embedding model: whether there is one, and how it last went. */
export interface EmbeddingsStatus {
  configured: boolean;
  model: string | null;
  /** When the endpoint last failed in this process (ISO time), or null. */
  lastFailureAt: string | null;
  /** Why, in words that name no text. */
  lastError: string | null;
  /** When every vector asked for was last given: later than lastFailureAt once the model is back. */
  lastSuccessAt: string | null;
}

export const LEXICAL_FALLBACK = 'clustering goes on lexically';

/**
 * Vectors for opinion texts from the organisation's own embedding model, when there is one.
 * Each distinct text is embedded once: the cache first, the endpoint for the rest, in batches,
 * and what it answers is kept. When there is no model, or it fails or is slow, the answer is null
 * and clustering goes on lexically: an opinion is never held back by a model. Plain class, so the
 * CLI can use it without the application (EmbeddingsService is its Nest face).
 */
export class TextVectors {
  private readonly client: EmbeddingsClient | null;
  private lastFailure: { at: Date; error: string } | null = null;
  private lastSuccessAt: Date | null = null;

  constructor(
    private readonly settings: EmbeddingsSettings | null,
    private readonly cache: VectorCache,
    private readonly log: { warn(message: string): void },
    private readonly now: () => Date = () => new Date(),
  ) {
    this.client = settings ? new EmbeddingsClient(settings) : null;
  }

  status(): EmbeddingsStatus {
    return {
      configured: this.client !== null,
      model: this.settings?.model ?? null,
      lastFailureAt: this.lastFailure?.at.toISOString() ?? null,
      lastError: this.lastFailure?.error ?? null,
      lastSuccessAt: this.lastSuccessAt?.toISOString() ?? null,
    };
  }

  /**
   * Unit-length vectors for the texts, keyed by the texts as given; null when there is no model or
   * it gave no usable answer (a warning says so, naming no text). Never throws.
   */
  async vectorsFor(texts: string[]): Promise<Map<string, Float32Array> | null> {
    if (!this.client || !this.settings) return null;
    const model = this.settings.model;
    try {
      const hashOf = new Map<string, string>();
      const normalisedOf = new Map<string, string>();
      for (const text of new Set(texts)) {
        const normalised = normaliseForEmbedding(text);
        const hash = textHash(normalised);
        hashOf.set(text, hash);
        normalisedOf.set(hash, normalised);
      }
      const byHash = await this.cache.find(model, [...normalisedOf.keys()]);
      const missing = [...normalisedOf.keys()].filter((hash) => !byHash.has(hash));
      if (missing.length > 0) {
        const answered = await this.client.embed(missing.map((hash) => normalisedOf.get(hash)!));
        const fresh = new Map<string, Float32Array>();
        missing.forEach((hash, i) => {
          const unit = toUnitLength(answered[i]);
          if (!unit) throw new Error('the endpoint answered a vector of length zero');
          fresh.set(hash, unit);
          byHash.set(hash, unit);
        });
        await this.keep(model, fresh);
      }
      const dimensions = new Set([...byHash.values()].map((vector) => vector.length));
      if (dimensions.size > 1) throw new Error(`the model's vectors differ in dimension (${[...dimensions].join(', ')}) between the cache and the endpoint`);
      this.lastSuccessAt = this.now();
      return new Map([...hashOf].map(([text, hash]) => [text, byHash.get(hash)!]));
    } catch (error) {
      const reason = (error as Error).message.slice(0, 300);
      this.lastFailure = { at: this.now(), error: reason };
      this.log.warn(`embeddings unavailable (${reason}): ${LEXICAL_FALLBACK}`);
      return null;
    }
  }

  /** A cache that cannot be written costs only a second request next time. */
  private async keep(model: string, vectors: Map<string, Float32Array>): Promise<void> {
    try {
      await this.cache.save(model, vectors);
    } catch (error) {
      this.log.warn(`embeddings cache not written (${(error as Error).message.slice(0, 200)}): the texts will be sent again next time`);
    }
  }
}

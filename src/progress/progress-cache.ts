import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS_CLIENT } from '../core/redis.provider';

/** How long a read may wait for Redis before the progress is computed instead. */
const REDIS_TIMEOUT_MS = 250;

/**
 * The progress of a meeting as the JSON text the API sends, kept in Redis for
 * PROGRESS_CACHE_SECONDS, so a board watched by many is computed once per window, not once per
 * reader. Numbers may lag the database by up to that many seconds; the key carries the day, so
 * deadlines turn overdue at midnight, not a window later.
 *
 * Shared by every api process. Concurrent misses in one process wait for one computation. When
 * Redis is down, slow or failing, the progress is computed as if uncached: never an error.
 * Embedded mode (no Redis) and PROGRESS_CACHE_SECONDS=0 cache nothing: every read is computed.
 *
 * The text is the same for everyone allowed to see the meeting (organisers and supervisors of
 * its organisation); the caller scopes the key so that nobody else can reach it.
 */
@Injectable()
export class ProgressCache {
  private readonly logger = new Logger(ProgressCache.name);
  private readonly ttlSeconds: number;
  private readonly computing = new Map<string, Promise<string>>();
  private warnedAt = 0;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    config: AppConfig,
  ) {
    this.ttlSeconds = config.progress.cacheSeconds;
  }

  get enabled(): boolean {
    return this.redis !== null && this.ttlSeconds > 0;
  }

  /**
   * The cached text for `scope` (organisation and meeting, see ProgressService) on `day`, or what
   * `compute` makes of it (then cached).
   */
  async json(scope: string, day: string, compute: () => Promise<string>): Promise<string> {
    return (await this.cached(scope, day)) ?? this.fill(scope, day, compute);
  }

  /** The cached text, or null (also when caching is off or Redis does not answer). */
  async cached(scope: string, day: string): Promise<string | null> {
    return this.enabled ? this.read(keyOf(scope, day)) : null;
  }

  /** Computes the text and caches it; concurrent misses in this process share one computation. */
  fill(scope: string, day: string, compute: () => Promise<string>): Promise<string> {
    if (!this.enabled) return compute();
    const key = keyOf(scope, day);
    let pending = this.computing.get(key);
    if (!pending) {
      pending = compute().finally(() => this.computing.delete(key));
      this.computing.set(key, pending);
      // Stored without waiting: the reader has its answer either way.
      pending.then((json) => this.write(key, json), () => undefined);
    }
    return pending;
  }

  private async read(key: string): Promise<string | null> {
    const redis = this.redis!;
    if (redis.status !== 'ready') return this.fallBack(`Redis is ${redis.status}`);
    try {
      return await withTimeout(redis.get(key), REDIS_TIMEOUT_MS);
    } catch (error) {
      return this.fallBack((error as Error).message);
    }
  }

  private async write(key: string, json: string): Promise<void> {
    const redis = this.redis!;
    if (redis.status !== 'ready') return;
    try {
      await withTimeout(redis.set(key, json, 'EX', this.ttlSeconds), REDIS_TIMEOUT_MS);
    } catch (error) {
      this.fallBack((error as Error).message);
    }
  }

  private fallBack(reason: string): null {
    if (Date.now() - this.warnedAt > 60_000) {
      this.warnedAt = Date.now();
      this.logger.warn(`progress is computed uncached for now: ${reason}`);
    }
    return null;
  }
}

function keyOf(scope: string, day: string): string {
  return `progress:${scope}:${day}`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { RedisOrFallback } from '../core/redis-fallback';
import { REDIS_CLIENT } from '../core/redis.provider';

/**
 * The progress of a meeting as the JSON text the API sends, kept in Redis for
 * PROGRESS_CACHE_SECONDS, so progress polled by many readers of the API is computed once per
 * window, not once per read. (The board page computes afresh: it asks once a minute, and shows
 * the live talk grid beside the counts.) Numbers may lag the database by up to that many seconds; the key carries the day, so
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
  private readonly redis: RedisOrFallback | null;
  private readonly ttlSeconds: number;
  private readonly computing = new Map<string, Promise<string>>();

  constructor(@Inject(REDIS_CLIENT) redis: Redis | null, config: AppConfig) {
    this.redis = redis && new RedisOrFallback(redis, new Logger(ProgressCache.name), 'progress is computed uncached for now');
    this.ttlSeconds = config.progress.cacheSeconds;
  }

  /**
   * The cached text for `scope` (organisation and meeting, see ProgressService) on `day`, or what
   * `compute` makes of it (then cached). Concurrent misses in this process share one computation.
   */
  async json(scope: string, day: string, compute: () => Promise<string>): Promise<string> {
    const redis = this.redis;
    if (!redis || this.ttlSeconds <= 0) return compute();
    const key = `progress:${scope}:${day}`;
    const cached = await redis.call((client) => client.get(key), () => null);
    if (cached !== null) return cached;
    let pending = this.computing.get(key);
    if (!pending) {
      pending = compute().finally(() => this.computing.delete(key));
      this.computing.set(key, pending);
      // Stored without waiting: the reader has its answer either way.
      pending.then(
        (json) => redis.call((client) => client.set(key, json, 'EX', this.ttlSeconds), () => undefined),
        () => undefined,
      );
    }
    return pending;
  }
}

import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/** How long a request may wait for Redis before the fallback answers instead. */
export const REDIS_TIMEOUT_MS = 250;

/**
 * Redis for what must never fail a request because of Redis (rate limits, caches): a call that
 * finds Redis not connected, errs, or takes longer than REDIS_TIMEOUT_MS gets the fallback's
 * answer instead, with a warning at most once a minute saying what that means.
 */
export class RedisOrFallback {
  private warnedAt = 0;

  /** `meaning`: what the fallback means for the service, e.g. "rate limits count in memory for now". */
  constructor(
    readonly redis: Redis,
    private readonly logger: Logger,
    private readonly meaning: string,
  ) {}

  async call<T>(ask: (redis: Redis) => Promise<T>, fallback: () => T | Promise<T>): Promise<T> {
    if (this.redis.status !== 'ready') return this.fallBack(`Redis is ${this.redis.status}`, fallback);
    try {
      return await withTimeout(ask(this.redis), REDIS_TIMEOUT_MS);
    } catch (error) {
      return this.fallBack((error as Error).message, fallback);
    }
  }

  private fallBack<T>(reason: string, fallback: () => T | Promise<T>): T | Promise<T> {
    if (Date.now() - this.warnedAt > 60_000) {
      this.warnedAt = Date.now();
      this.logger.warn(`${this.meaning}: ${reason}`);
    }
    return fallback();
  }
}

/** `promise`, or a rejection once `ms` have passed without its answer. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

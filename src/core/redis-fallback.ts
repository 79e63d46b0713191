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

/** Redis did not answer in time: an outage (see database/outage.ts), 503 where nothing falls back. */
export class RedisTimeoutError extends Error {
  readonly code = 'REDIS_TIMEOUT';

  constructor(ms: number) {
    super(`no answer from Redis within ${ms} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/** Calls still waiting for an answer, each with the moment it gives up. */
const waiting = new Set<{ deadline: number; ms: number; reject: (error: Error) => void }>();
/** How often the waiting calls are checked: a timeout fires up to this much late. */
const CHECK_EVERY_MS = 25;
let checker: NodeJS.Timeout | null = null;

/**
 * `promise`, or a rejection once `ms` have passed without its answer. One shared timer checks
 * every waiting call (not a timer per call: this wraps each Redis call of a public request, and
 * a timer set and cleared per call cost more than the call's own bookkeeping).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const entry = { deadline: Date.now() + ms, ms, reject };
    waiting.add(entry);
    checker ??= setInterval(rejectOverdue, CHECK_EVERY_MS).unref();
    promise.then(
      (value) => {
        waiting.delete(entry);
        resolve(value);
      },
      (error: unknown) => {
        waiting.delete(entry);
        reject(error);
      },
    );
  });
}

function rejectOverdue(): void {
  const now = Date.now();
  for (const entry of waiting) {
    if (entry.deadline > now) continue;
    waiting.delete(entry);
    entry.reject(new RedisTimeoutError(entry.ms));
  }
  if (waiting.size === 0 && checker) {
    clearInterval(checker);
    checker = null;
  }
}

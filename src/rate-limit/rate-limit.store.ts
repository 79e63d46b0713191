import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

export interface Hit {
  count: number;
  /** Seconds until the window ends. */
  resetInSeconds: number;
}

/** Counts hits per key in fixed windows. Keys are already hashed; nothing here is personal. */
export abstract class RateLimitStore {
  abstract hit(key: string, windowSeconds: number): Promise<Hit>;
}

/** Embedded mode: counters in this process's memory, dropped when their window ends. */
export class MemoryRateLimitStore extends RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  async hit(key: string, windowSeconds: number): Promise<Hit> {
    const now = Date.now();
    if (this.windows.size > 10_000) this.prune(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/** Counter and expiry in one round trip; the key disappears with its window. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
return {count, ttl}`;

type RedisWithHit = Redis & { rateLimitHit(key: string, windowSeconds: number): Promise<[number, number]> };

/** How long a hit may wait for Redis before the memory counters answer instead. */
const REDIS_TIMEOUT_MS = 250;

/**
 * Counters in Redis, shared by every api process. When Redis is down or slow the limiter fails
 * safe: it goes on counting in this process's memory rather than erroring or letting everyone
 * through, and returns to Redis once it answers again.
 */
export class RedisRateLimitStore extends RateLimitStore {
  private readonly redis: RedisWithHit;
  private readonly fallback = new MemoryRateLimitStore();
  private readonly logger = new Logger('RateLimit');
  private warnedAt = 0;

  constructor(redis: Redis) {
    super();
    // defineCommand sends EVALSHA, falling back to EVAL once per connection.
    if (!('rateLimitHit' in redis)) redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = redis as RedisWithHit;
  }

  async hit(key: string, windowSeconds: number): Promise<Hit> {
    if (this.redis.status !== 'ready') return this.fallBack(key, windowSeconds, `Redis is ${this.redis.status}`);
    try {
      const [count, ttl] = await withTimeout(this.redis.rateLimitHit(`rl:${key}`, windowSeconds), REDIS_TIMEOUT_MS);
      return { count, resetInSeconds: ttl > 0 ? ttl : windowSeconds };
    } catch (error) {
      return this.fallBack(key, windowSeconds, (error as Error).message);
    }
  }

  private fallBack(key: string, windowSeconds: number, reason: string): Promise<Hit> {
    if (Date.now() - this.warnedAt > 60_000) {
      this.warnedAt = Date.now();
      this.logger.warn(`rate limits count in memory for now: ${reason}`);
    }
    return this.fallback.hit(key, windowSeconds);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

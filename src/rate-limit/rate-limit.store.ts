import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisOrFallback } from '../core/redis-fallback';

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

/**
 * Counters in Redis, shared by every api process. When Redis is down or slow the limiter fails
 * safe: it goes on counting in this process's memory rather than erroring or letting everyone
 * through, and returns to Redis once it answers again.
 */
export class RedisRateLimitStore extends RateLimitStore {
  private readonly redis: RedisOrFallback;
  private readonly fallback = new MemoryRateLimitStore();

  constructor(redis: Redis) {
    super();
    // defineCommand sends EVALSHA, falling back to EVAL once per connection.
    if (!('rateLimitHit' in redis)) redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = new RedisOrFallback(redis, new Logger('RateLimit'), 'rate limits count in memory for now');
  }

  hit(key: string, windowSeconds: number): Promise<Hit> {
    return this.redis.call(
      async (redis) => {
        const [count, ttl] = await (redis as RedisWithHit).rateLimitHit(`rl:${key}`, windowSeconds);
        return { count, resetInSeconds: ttl > 0 ? ttl : windowSeconds };
      },
      () => this.fallback.hit(key, windowSeconds),
    );
  }
}

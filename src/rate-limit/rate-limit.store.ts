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

export class RedisRateLimitStore extends RateLimitStore {
  constructor(private readonly redis: Redis) {
    super();
  }

  async hit(key: string, windowSeconds: number): Promise<Hit> {
    const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, `rl:${key}`, windowSeconds)) as [number, number];
    return { count, resetInSeconds: ttl > 0 ? ttl : windowSeconds };
  }
}

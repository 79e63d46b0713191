import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { Clock } from '../common/clock';
import { RedisOrFallback } from '../core/redis-fallback';

export interface WindowCount {
  count: number;
  /** Seconds until the window ends. */
  resetInSeconds: number;
}

/**
 * The window a moment falls in. Windows follow the clock (window n is [n·w, (n+1)·w) since the
 * epoch), and a counter's key carries n and expires when the window ends: neither the key nor its
 * expiry says when the first hit came, only which window it came in.
 */
export function windowAt(nowMs: number, windowSeconds: number): { index: number; endsAtMs: number; resetInSeconds: number } {
  const windowMs = windowSeconds * 1000;
  const index = Math.floor(nowMs / windowMs);
  const endsAtMs = (index + 1) * windowMs;
  return { index, endsAtMs, resetInSeconds: Math.max(1, Math.ceil((endsAtMs - nowMs) / 1000)) };
}

/** Counts per key in clock-aligned windows. Keys are already keyed hashes; nothing here is personal. */
export abstract class RateLimitStore {
  constructor(protected readonly clock: Clock) {}

  /** Counts one more in the current window and says how many there are now. */
  abstract hit(key: string, windowSeconds: number): Promise<WindowCount>;

  /** How many the current window holds, without counting. */
  abstract peek(key: string, windowSeconds: number): Promise<WindowCount>;

  /**
   * Counts one more on every counter, unless that would take one past its limit: then counts
   * nothing and says which (its index). One round trip for all of them.
   */
  abstract take(counters: readonly CounterLimit[]): Promise<{ refused: number | null; resetInSeconds: number }>;

  /** Takes back one of each, for what `take` counted and was then refused for another reason. */
  abstract giveBack(counters: readonly CounterLimit[]): Promise<void>;
}

/** A counter's key, window and limit, as `take` needs them. */
export interface CounterLimit {
  key: string;
  windowSeconds: number;
  limit: number;
}

/** Embedded mode: counters in this process's memory, dropped once their window has ended. */
export class MemoryRateLimitStore extends RateLimitStore {
  private readonly windows = new Map<string, { count: number; endsAtMs: number }>();

  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    return this.hitNow(key, windowSeconds);
  }

  async peek(key: string, windowSeconds: number): Promise<WindowCount> {
    return this.peekNow(key, windowSeconds);
  }

  /** Synchronous, for the Redis store's fallback too. */
  hitNow(key: string, windowSeconds: number): WindowCount {
    const now = this.clock.now().getTime();
    const window = windowAt(now, windowSeconds);
    if (this.windows.size > 10_000) this.prune(now);
    const windowKey = `${key}:${window.index}`;
    const counter = this.windows.get(windowKey) ?? { count: 0, endsAtMs: window.endsAtMs };
    counter.count += 1;
    this.windows.set(windowKey, counter);
    return { count: counter.count, resetInSeconds: window.resetInSeconds };
  }

  async take(counters: readonly CounterLimit[]): Promise<{ refused: number | null; resetInSeconds: number }> {
    return this.takeNow(counters);
  }

  async giveBack(counters: readonly CounterLimit[]): Promise<void> {
    this.giveBackNow(counters);
  }

  takeNow(counters: readonly CounterLimit[]): { refused: number | null; resetInSeconds: number } {
    const refused = counters.findIndex((counter) => this.peekNow(counter.key, counter.windowSeconds).count >= counter.limit);
    if (refused >= 0) return { refused, resetInSeconds: this.peekNow(counters[refused].key, counters[refused].windowSeconds).resetInSeconds };
    for (const counter of counters) this.hitNow(counter.key, counter.windowSeconds);
    return { refused: null, resetInSeconds: 0 };
  }

  giveBackNow(counters: readonly CounterLimit[]): void {
    const now = this.clock.now().getTime();
    for (const { key, windowSeconds } of counters) {
      const counter = this.windows.get(`${key}:${windowAt(now, windowSeconds).index}`);
      if (counter && counter.count > 0) counter.count -= 1;
    }
  }

  peekNow(key: string, windowSeconds: number): WindowCount {
    const window = windowAt(this.clock.now().getTime(), windowSeconds);
    return { count: this.windows.get(`${key}:${window.index}`)?.count ?? 0, resetInSeconds: window.resetInSeconds };
  }

  private prune(now: number): void {
    for (const [key, counter] of this.windows) if (counter.endsAtMs <= now) this.windows.delete(key);
  }
}

/**
 * Counter and expiry in one round trip. The expiry is the time left in the window as the app's
 * clock reads it (not an absolute time from Redis's clock), so a test clock moves windows too.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

/**
 * `take` in one round trip: every counter one up (with its window's expiry when new); if one went
 * past its limit, every counter one down again, and the 1-based index of the first that did.
 * ARGV holds limit and expiry (ms) per key.
 */
const TAKE_SCRIPT = `
local refused = 0
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[2 * i]) end
  if refused == 0 and count > tonumber(ARGV[2 * i - 1]) then refused = i end
end
if refused > 0 then for _, key in ipairs(KEYS) do redis.call('DECR', key) end end
return refused`;

/** One down on each counter that still exists (one that has expired stays gone). */
const GIVE_BACK_SCRIPT = `
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then redis.call('DECR', key) end
end
return 0`;

type RedisWithHit = Redis & {
  rateLimitHit(key: string, expiresInMs: number): Promise<number>;
  rateLimitTake(keyCount: number, ...keysThenArgs: Array<string | number>): Promise<number>;
  rateLimitGiveBack(keyCount: number, ...keys: string[]): Promise<number>;
};

/**
 * Counters in Redis, shared by every api process. When Redis is down or slow the limiter fails
 * safe: it goes on counting in this process's memory rather than erroring or letting everyone
 * through, and returns to Redis once it answers again.
 */
export class RedisRateLimitStore extends RateLimitStore {
  private readonly redis: RedisOrFallback;
  private readonly fallback: MemoryRateLimitStore;

  constructor(redis: Redis, clock: Clock) {
    super(clock);
    this.fallback = new MemoryRateLimitStore(clock);
    // defineCommand sends EVALSHA, falling back to EVAL once per connection.
    if (!('rateLimitHit' in redis)) redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    // Without numberOfKeys, the first argument says how many keys follow.
    if (!('rateLimitTake' in redis)) redis.defineCommand('rateLimitTake', { lua: TAKE_SCRIPT });
    if (!('rateLimitGiveBack' in redis)) redis.defineCommand('rateLimitGiveBack', { lua: GIVE_BACK_SCRIPT });
    this.redis = new RedisOrFallback(redis, new Logger('RateLimit'), 'rate limits count in memory for now');
  }

  hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const now = this.clock.now().getTime();
    const window = windowAt(now, windowSeconds);
    return this.redis.call(
      async (redis) => ({ count: await (redis as RedisWithHit).rateLimitHit(`rl:${key}:${window.index}`, window.endsAtMs - now), resetInSeconds: window.resetInSeconds }),
      () => this.fallback.hitNow(key, windowSeconds),
    );
  }

  peek(key: string, windowSeconds: number): Promise<WindowCount> {
    const window = windowAt(this.clock.now().getTime(), windowSeconds);
    return this.redis.call(
      async (redis) => ({ count: Number((await redis.get(`rl:${key}:${window.index}`)) ?? 0), resetInSeconds: window.resetInSeconds }),
      () => this.fallback.peekNow(key, windowSeconds),
    );
  }

  take(counters: readonly CounterLimit[]): Promise<{ refused: number | null; resetInSeconds: number }> {
    const now = this.clock.now().getTime();
    const windows = counters.map((counter) => windowAt(now, counter.windowSeconds));
    return this.redis.call(
      async (redis) => {
        const keys = counters.map((counter, index) => `rl:${counter.key}:${windows[index].index}`);
        const args = counters.flatMap((counter, index) => [counter.limit, windows[index].endsAtMs - now]);
        const refused = Number(await (redis as RedisWithHit).rateLimitTake(keys.length, ...keys, ...args));
        return refused > 0 ? { refused: refused - 1, resetInSeconds: windows[refused - 1].resetInSeconds } : { refused: null, resetInSeconds: 0 };
      },
      () => this.fallback.takeNow(counters),
    );
  }

  giveBack(counters: readonly CounterLimit[]): Promise<void> {
    const now = this.clock.now().getTime();
    return this.redis.call(
      async (redis) => {
        const keys = counters.map((counter) => `rl:${counter.key}:${windowAt(now, counter.windowSeconds).index}`);
        await (redis as RedisWithHit).rateLimitGiveBack(keys.length, ...keys);
      },
      () => this.fallback.giveBackNow(counters),
    );
  }
}

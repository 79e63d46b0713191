import { HttpStatus, Injectable } from '@nestjs/common';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { CounterLimit, RateLimitStore } from './rate-limit.store';

/** What is counted, how many a window allows, and what a person is told once it is reached. */
export interface Quota {
  /** Names the counter; the page and the API share a name, so switching does not double an allowance. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** The refusal, given how long to wait, e.g. "30 分钟". */
  refusal?: (wait: string) => string;
}

/** One counter: a quota, for one subject (a client, an account, a box), already a keyed hash. */
export interface Counter {
  quota: Quota;
  subject: string;
}

/**
 * Counts what people do in clock-aligned windows and refuses once a quota is reached. Routes
 * that count every request use `hit`; submissions use `take` (check and count in one atomic step)
 * and `giveBack` when refused for another reason, so only what was accepted counts; guesses use
 * `refuseIfReached` before and `count` after a failure, so only what failed counts.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly keys: AnonymityKeys,
    private readonly clock: Clock,
  ) {}

  /** The subject for a client address: a keyed hash that changes every day; the address is never kept. */
  client(address: string): string {
    return this.keys.counterKey(`client:${address}`, this.clock.today());
  }

  /** The subject for anything else counted for a day (an account, a box), hashed the same way. */
  subject(kind: string, value: string): string {
    return this.keys.counterKey(`${kind}:${value}`, this.clock.today());
  }

  /** Counts this request and refuses it (429) once the window holds more than the limit. */
  async hit(counter: Counter): Promise<void> {
    const { count, resetInSeconds } = await this.store.hit(keyOf(counter), counter.quota.windowSeconds);
    if (count > counter.quota.limit) throw rateLimited(counter.quota, resetInSeconds);
  }

  /** Refuses (429) when any counter has already reached its limit; counts nothing. */
  async refuseIfReached(counters: Counter[]): Promise<void> {
    const counts = await Promise.all(counters.map((counter) => this.store.peek(keyOf(counter), counter.quota.windowSeconds)));
    const reached = counters
      .map((counter, index) => ({ counter, ...counts[index] }))
      .filter(({ counter, count }) => count >= counter.quota.limit)
      .sort((a, b) => b.resetInSeconds - a.resetInSeconds);
    if (reached.length > 0) throw rateLimited(reached[0].counter.quota, reached[0].resetInSeconds);
  }

  /**
   * Counts one on every counter, or none and refuses (429) when that would take one past its
   * limit: the check and the count in one step (one round trip to Redis). A request refused
   * afterwards for another reason gives it back (`giveBack`), so only what is accepted counts.
   */
  async take(counters: Counter[]): Promise<void> {
    const { refused, resetInSeconds } = await this.store.take(counters.map(limitOf));
    if (refused !== null) throw rateLimited(counters[refused].quota, resetInSeconds);
  }

  /** Takes back what `take` counted, for a request refused after it (invalid, closed, sent twice). */
  async giveBack(counters: Counter[]): Promise<void> {
    await this.store.giveBack(counters.map(limitOf));
  }

  /** Counts one more on each counter. */
  async count(counters: Counter[]): Promise<void> {
    await Promise.all(counters.map((counter) => this.store.hit(keyOf(counter), counter.quota.windowSeconds)));
  }
}

function keyOf({ quota, subject }: Counter): string {
  return `${quota.name}:${subject}`;
}

function limitOf(counter: Counter): CounterLimit {
  return { key: keyOf(counter), windowSeconds: counter.quota.windowSeconds, limit: counter.quota.limit };
}

/** 429 RATE_LIMITED with Retry-After, and a message that says how long to wait. */
export function rateLimited(quota: Quota, resetInSeconds: number): AppError {
  const wait = humanize(resetInSeconds);
  const message = quota.refusal ? quota.refusal(wait) : `操作过于频繁，请在 ${wait}后再试`;
  return new AppError(ErrorCode.RateLimited, HttpStatus.TOO_MANY_REQUESTS, message, undefined, { 'retry-after': String(resetInSeconds) });
}

export function humanize(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} 分钟`;
  return `${Math.ceil(seconds / 3600)} 小时`;
}

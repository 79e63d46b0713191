import { HttpStatus, Injectable } from '@nestjs/common';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { RateLimitStore } from './rate-limit.store';

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
 * that count every request use `hit`; submissions use `refuseIfReached` before and `count` after,
 * so only what was accepted (or, for guesses, only what failed) is counted. Two requests checked
 * at the same moment may both pass the last free place: a small over-admission, never a refusal
 * of something allowed.
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

  /** Counts one more on each counter. */
  async count(counters: Counter[]): Promise<void> {
    await Promise.all(counters.map((counter) => this.store.hit(keyOf(counter), counter.quota.windowSeconds)));
  }
}

function keyOf({ quota, subject }: Counter): string {
  return `${quota.name}:${subject}`;
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

import { AnonymityKeys } from '../../src/common/anonymity-keys';
import { AppError } from '../../src/common/app-error';
import { ManualClock } from '../setup/test-clock';
import { loadConfig } from '../../src/config/app-config';
import { MemoryRateLimitStore } from '../../src/rate-limit/rate-limit.store';
import { Quota, RateLimiter } from '../../src/rate-limit/rate-limiter';

const quota: Quota = { name: 'box-submit', limit: 2, windowSeconds: 3600, refusal: (wait) => `提交太频繁，请 ${wait}后再试` };

function limiterAt(iso: string) {
  const clock = new ManualClock(iso);
  return { clock, limiter: new RateLimiter(new MemoryRateLimitStore(clock), new AnonymityKeys(loadConfig({})), clock) };
}

/** The refusal `run` throws, or null when it lets the request through. */
async function refusalOf(run: () => Promise<void>): Promise<{ status: number; message: string; retryAfter?: string } | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.status, message: error.message, retryAfter: error.headers?.['retry-after'] };
  }
}

describe('RateLimiter', () => {
  it('lets a client through until its counted (accepted) requests reach the limit: checking alone counts nothing', async () => {
    const { limiter } = limiterAt('2026-05-12T02:20:00Z');
    const counter = { quota, subject: limiter.client('198.51.100.7') };
    for (let check = 0; check < 5; check += 1) expect(await refusalOf(() => limiter.refuseIfReached([counter]))).toBeNull();
    await limiter.count([counter]);
    await limiter.count([counter]);
    expect(await refusalOf(() => limiter.refuseIfReached([counter]))).toEqual({ status: 429, message: '提交太频繁，请 40 分钟后再试', retryAfter: '2400' });
  });

  it('refuses with the counter that frees up last when several are reached', async () => {
    const { limiter } = limiterAt('2026-05-12T02:20:00Z');
    const short = { quota: { ...quota, name: 'short', windowSeconds: 60, refusal: undefined }, subject: 'a' };
    const long = { quota, subject: 'b' };
    await limiter.count([short, short, long, long]);
    expect(await refusalOf(() => limiter.refuseIfReached([short, long]))).toMatchObject({ retryAfter: '2400', message: '提交太频繁，请 40 分钟后再试' });
  });

  it('keeps no address in its keys: a client is a keyed hash that changes with the day', () => {
    const { clock, limiter } = limiterAt('2026-05-12T02:20:00Z');
    const today = limiter.client('198.51.100.7');
    expect(today).not.toContain('198.51.100.7');
    clock.advance(24 * 3600 * 1000);
    expect(limiter.client('198.51.100.7')).not.toBe(today);
  });
});

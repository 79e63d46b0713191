import Redis from 'ioredis';
import { ManualClock } from '../setup/test-clock';
import { MemoryRateLimitStore, RedisRateLimitStore, windowAt } from '../../src/rate-limit/rate-limit.store';

/** Just enough of ioredis: a status, the command the store defines, and GET; calls are recorded. */
function fakeRedis(behaviour: { status: string; hit?: () => Promise<number>; get?: () => Promise<string | null> }) {
  const calls: Array<{ command: string; args: unknown[] }> = [];
  const redis = {
    get status() {
      return behaviour.status;
    },
    defineCommand() {},
    rateLimitHit: (...args: unknown[]) => {
      calls.push({ command: 'rateLimitHit', args });
      return behaviour.hit ? behaviour.hit() : Promise.reject(new Error(`unexpected call ${JSON.stringify(args)}`));
    },
    get: (...args: unknown[]) => {
      calls.push({ command: 'get', args });
      return behaviour.get ? behaviour.get() : Promise.reject(new Error(`unexpected call ${JSON.stringify(args)}`));
    },
  } as unknown as Redis;
  return { redis, calls };
}

/** 10:20:00 on a day in Beijing: 20 minutes into an hour's window. */
const TWENTY_PAST = '2026-05-12T02:20:00Z';

describe('rate-limit windows', () => {
  it('follow the clock: an hour window starts and ends on the hour, whenever the first hit came', () => {
    const at = (iso: string) => windowAt(new Date(iso).getTime(), 3600);
    expect(at(TWENTY_PAST)).toMatchObject({ endsAtMs: new Date('2026-05-12T03:00:00Z').getTime(), resetInSeconds: 40 * 60 });
    expect(at('2026-05-12T02:59:59.500Z').index).toBe(at('2026-05-12T02:00:00Z').index);
    expect(at('2026-05-12T03:00:00Z').index).toBe(at('2026-05-12T02:00:00Z').index + 1);
  });
});

describe('the memory rate-limit store', () => {
  it('counts hits within a window, peeks without counting, and starts again when the clock enters the next window', async () => {
    const clock = new ManualClock(TWENTY_PAST);
    const store = new MemoryRateLimitStore(clock);
    expect(await store.peek('k', 3600)).toEqual({ count: 0, resetInSeconds: 2400 });
    await store.hit('k', 3600);
    expect(await store.hit('k', 3600)).toEqual({ count: 2, resetInSeconds: 2400 });
    expect((await store.peek('k', 3600)).count).toBe(2);
    clock.advance(39 * 60 * 1000);
    expect(await store.peek('k', 3600)).toEqual({ count: 2, resetInSeconds: 60 });
    clock.advance(60 * 1000);
    expect(await store.peek('k', 3600)).toEqual({ count: 0, resetInSeconds: 3600 });
  });
});

describe('taking a place on several counters at once (accepted submissions)', () => {
  it('counts on every counter, or on none and names the first that is full; what is given back is free again', async () => {
    const store = new MemoryRateLimitStore(new ManualClock(TWENTY_PAST));
    const client = { key: 'client', windowSeconds: 3600, limit: 2 };
    const box = { key: 'box', windowSeconds: 3600, limit: 3 };
    expect(await store.take([client, box])).toEqual({ refused: null, resetInSeconds: 0 });
    expect(await store.take([client, box])).toEqual({ refused: null, resetInSeconds: 0 });
    expect(await store.take([client, box])).toEqual({ refused: 0, resetInSeconds: 2400 });
    // The refused take counted nothing on the box either.
    expect((await store.peek('box', 3600)).count).toBe(2);
    await store.giveBack([client, box]);
    expect({ client: (await store.peek('client', 3600)).count, box: (await store.peek('box', 3600)).count }).toEqual({ client: 1, box: 1 });
    expect((await store.take([client, box])).refused).toBeNull();
  });
});

describe('the Redis rate-limit store', () => {
  it('keys each counter by its window and lets it expire when the window ends, by the app clock', async () => {
    const clock = new ManualClock(TWENTY_PAST);
    const { redis, calls } = fakeRedis({ status: 'ready', hit: async () => 7, get: async () => '7' });
    const store = new RedisRateLimitStore(redis, clock);
    await expect(store.hit('k', 3600)).resolves.toEqual({ count: 7, resetInSeconds: 2400 });
    await expect(store.peek('k', 3600)).resolves.toEqual({ count: 7, resetInSeconds: 2400 });
    const index = windowAt(clock.now().getTime(), 3600).index;
    expect(calls).toEqual([
      { command: 'rateLimitHit', args: [`rl:k:${index}`, 2400 * 1000] },
      { command: 'get', args: [`rl:k:${index}`] },
    ]);
  });

  it('fails safe when Redis is down: it keeps counting in memory instead of erroring or letting everyone through', async () => {
    const store = new RedisRateLimitStore(fakeRedis({ status: 'reconnecting' }).redis, new ManualClock(TWENTY_PAST));
    const counts = [];
    for (let index = 0; index < 4; index += 1) counts.push((await store.hit('k', 3600)).count);
    expect(counts).toEqual([1, 2, 3, 4]);
    expect((await store.peek('k', 3600)).count).toBe(4);
  });

  it('falls back to memory when a command fails or hangs', async () => {
    const clock = new ManualClock(TWENTY_PAST);
    const failing = new RedisRateLimitStore(fakeRedis({ status: 'ready', hit: () => Promise.reject(new Error('connection reset')) }).redis, clock);
    expect((await failing.hit('k', 60)).count).toBe(1);
    expect((await failing.hit('k', 60)).count).toBe(2);

    const hanging = new RedisRateLimitStore(fakeRedis({ status: 'ready', hit: () => new Promise(() => undefined) }).redis, clock);
    const started = Date.now();
    expect((await hanging.hit('k', 60)).count).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

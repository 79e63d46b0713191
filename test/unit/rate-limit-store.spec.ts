import Redis from 'ioredis';
import { RedisRateLimitStore } from '../../src/rate-limit/rate-limit.store';

/** Just enough of ioredis: a status and the command the store defines. */
function fakeRedis(behaviour: { status: string; hit?: () => Promise<[number, number]> }) {
  return {
    get status() {
      return behaviour.status;
    },
    defineCommand() {},
    rateLimitHit: (...args: unknown[]) => (behaviour.hit ? behaviour.hit() : Promise.reject(new Error(`unexpected call ${JSON.stringify(args)}`))),
  } as unknown as Redis;
}

describe('the Redis rate-limit store', () => {
  it('counts in Redis while Redis answers', async () => {
    const store = new RedisRateLimitStore(fakeRedis({ status: 'ready', hit: async () => [7, 1200] }));
    await expect(store.hit('k', 3600)).resolves.toEqual({ count: 7, resetInSeconds: 1200 });
  });

  it('fails safe when Redis is down: it keeps counting in memory instead of erroring or letting everyone through', async () => {
    const store = new RedisRateLimitStore(fakeRedis({ status: 'reconnecting' }));
    const counts = [];
    for (let index = 0; index < 4; index += 1) counts.push((await store.hit('k', 3600)).count);
    expect(counts).toEqual([1, 2, 3, 4]);
  });

  it('falls back to memory when a command fails or hangs', async () => {
    const failing = new RedisRateLimitStore(fakeRedis({ status: 'ready', hit: () => Promise.reject(new Error('connection reset')) }));
    expect((await failing.hit('k', 60)).count).toBe(1);
    expect((await failing.hit('k', 60)).count).toBe(2);

    const hanging = new RedisRateLimitStore(fakeRedis({ status: 'ready', hit: () => new Promise(() => undefined) }));
    const started = Date.now();
    expect((await hanging.hit('k', 60)).count).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

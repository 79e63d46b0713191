import Redis from 'ioredis';
import { AppConfig } from '../../src/config/app-config';
import { ProgressCache } from '../../src/progress/progress-cache';

/** Just enough of ioredis: a status, GET and SET, each call recorded. */
function fakeRedis(behaviour: { status?: string; get?: (key: string) => Promise<string | null> } = {}) {
  const calls: unknown[][] = [];
  const redis = {
    get status() {
      return behaviour.status ?? 'ready';
    },
    get: (key: string) => {
      calls.push(['get', key]);
      return behaviour.get ? behaviour.get(key) : Promise.resolve(null);
    },
    set: (...args: unknown[]) => {
      calls.push(['set', ...args]);
      return Promise.resolve('OK');
    },
  };
  return { redis: redis as unknown as Redis, calls };
}

const config = (cacheSeconds: number) => ({ progress: { cacheSeconds } }) as AppConfig;
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the progress cache', () => {
  it('answers from Redis within the window, without computing', async () => {
    const { redis, calls } = fakeRedis({ get: async () => '{"cached":true}' });
    const compute = jest.fn(async () => '{"fresh":true}');
    await expect(new ProgressCache(redis, config(10)).json('m1', '2026-11-23', compute)).resolves.toBe('{"cached":true}');
    expect(compute).not.toHaveBeenCalled();
    expect(calls).toEqual([['get', 'progress:m1:2026-11-23']]);
  });

  it('computes a miss once for concurrent readers and keeps it for PROGRESS_CACHE_SECONDS', async () => {
    const { redis, calls } = fakeRedis();
    const cache = new ProgressCache(redis, config(10));
    const compute = jest.fn(async () => '{"n":1}');
    const answers = await Promise.all([1, 2, 3].map(() => cache.json('m1', '2026-11-23', compute)));
    await flush();
    expect(answers).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(calls.filter(([command]) => command === 'set')).toEqual([['set', 'progress:m1:2026-11-23', '{"n":1}', 'EX', 10]]);
  });

  it('computes every read without Redis (embedded mode) or with PROGRESS_CACHE_SECONDS=0', async () => {
    const compute = jest.fn(async () => '{}');
    await new ProgressCache(null, config(10)).json('m1', '2026-11-23', compute);
    const { redis, calls } = fakeRedis({ get: async () => '{"cached":true}' });
    await expect(new ProgressCache(redis, config(0)).json('m1', '2026-11-23', compute)).resolves.toBe('{}');
    expect(compute).toHaveBeenCalledTimes(2);
    expect(calls).toEqual([]);
  });

  it('computes instead of failing when Redis is down, errs or hangs', async () => {
    const compute = jest.fn(async () => '{"fresh":true}');
    const down = fakeRedis({ status: 'reconnecting' });
    await expect(new ProgressCache(down.redis, config(10)).json('m1', 'd', compute)).resolves.toBe('{"fresh":true}');
    expect(down.calls).toEqual([]);

    const failing = fakeRedis({ get: () => Promise.reject(new Error('connection reset')) });
    await expect(new ProgressCache(failing.redis, config(10)).json('m1', 'd', compute)).resolves.toBe('{"fresh":true}');

    const hanging = fakeRedis({ get: () => new Promise(() => undefined) });
    const started = Date.now();
    await expect(new ProgressCache(hanging.redis, config(10)).json('m1', 'd', compute)).resolves.toBe('{"fresh":true}');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not cache a computation that failed', async () => {
    const { redis, calls } = fakeRedis();
    const cache = new ProgressCache(redis, config(10));
    await expect(cache.json('m1', 'd', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    await flush();
    expect(calls.filter(([command]) => command === 'set')).toEqual([]);
    await expect(cache.json('m1', 'd', async () => '{"again":true}')).resolves.toBe('{"again":true}');
  });
});

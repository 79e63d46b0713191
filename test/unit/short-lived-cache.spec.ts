import { ShortLivedCache } from '../../src/common/short-lived-cache';

const TTL_MS = 5_000;

/** A load that counts its calls and answers `<name>#<call>`, so a reloaded value differs from a cached one. */
function counted(name: string) {
  let calls = 0;
  return jest.fn(async (): Promise<string> => `${name}#${(calls += 1)}`);
}

/** A load that answers only when told to. */
function deferred<V>() {
  let resolve!: (value: V) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<V>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { load: jest.fn(() => promise), resolve, reject };
}

describe('the short-lived cache of the public routes', () => {
  let now: number;

  beforeEach(() => {
    now = Date.parse('2026-11-23T10:00:00Z');
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('loads once for concurrent misses of the same key, and gives every caller that value', async () => {
    const cache = new ShortLivedCache<string, string>(TTL_MS);
    const { load, resolve } = deferred<string>();
    const waiting = [cache.get('survey-1', load), cache.get('survey-1', load), cache.get('survey-1', load)];
    resolve('loaded once');
    expect({ values: await Promise.all(waiting), loads: load.mock.calls.length }).toEqual({ values: ['loaded once', 'loaded once', 'loaded once'], loads: 1 });
  });

  it('loads each key on its own', async () => {
    const cache = new ShortLivedCache<string, string>(TTL_MS);
    const one = counted('one');
    const two = counted('two');
    expect({ values: await Promise.all([cache.get('a', one), cache.get('b', two)]), loads: [one.mock.calls.length, two.mock.calls.length] }).toEqual({
      values: ['one#1', 'two#1'],
      loads: [1, 1],
    });
  });

  it('reuses a value until its ttl has passed, then loads again', async () => {
    const cache = new ShortLivedCache<string, string>(TTL_MS);
    const load = counted('survey');
    const at = async (offset: number) => {
      now = Date.parse('2026-11-23T10:00:00Z') + offset;
      return { offset, value: await cache.get('survey-1', load) };
    };
    expect(await at(0)).toEqual({ offset: 0, value: 'survey#1' });
    expect(await at(1)).toEqual({ offset: 1, value: 'survey#1' });
    expect(await at(TTL_MS - 1)).toEqual({ offset: TTL_MS - 1, value: 'survey#1' });
    expect(await at(TTL_MS)).toEqual({ offset: TTL_MS, value: 'survey#2' });
    // The reload starts a new ttl, counted from when it arrived.
    expect(await at(2 * TTL_MS - 1)).toEqual({ offset: 2 * TTL_MS - 1, value: 'survey#2' });
    expect(await at(2 * TTL_MS)).toEqual({ offset: 2 * TTL_MS, value: 'survey#3' });
    expect({ loads: load.mock.calls.length }).toEqual({ loads: 3 });
  });

  it('counts the ttl from when the value arrived, not from when it was asked for', async () => {
    const cache = new ShortLivedCache<string, string>(TTL_MS);
    const { load, resolve } = deferred<string>();
    const asked = cache.get('survey-1', load);
    now += 1_000; // a slow read
    resolve('slow');
    await asked;
    now += TTL_MS - 1;
    const again = counted('again');
    expect({ value: await cache.get('survey-1', again), loads: again.mock.calls.length }).toEqual({ value: 'slow', loads: 0 });
  });

  it('forget makes the next get load again, for that key only', async () => {
    const cache = new ShortLivedCache<string, string>(TTL_MS);
    const load = counted('v');
    await cache.get('a', load);
    await cache.get('b', load);
    cache.forget('a');
    expect({ a: await cache.get('a', load), b: await cache.get('b', load), loads: load.mock.calls.length }).toEqual({ a: 'v#3', b: 'v#2', loads: 3 });
  });

  it('forgetting a key it does not hold does nothing', async () => {
    const cache = new ShortLivedCache<string, string>(TTL_MS);
    const load = counted('v');
    await cache.get('a', load);
    cache.forget('unknown');
    expect({ a: await cache.get('a', load), loads: load.mock.calls.length }).toEqual({ a: 'v#1', loads: 1 });
  });

  it('forgetWhere makes the next get load again for every value that matches, and only those', async () => {
    const cache = new ShortLivedCache<string, { meetingId: string; version: number } | null>(TTL_MS);
    let version = 0;
    const loadFor = (meetingId: string | null) => jest.fn(async () => (meetingId ? { meetingId, version: (version += 1) } : null));
    const loads = { s1: loadFor('m1'), s2: loadFor('m1'), s3: loadFor('m2'), missing: loadFor(null) };
    for (const [key, load] of Object.entries(loads)) await cache.get(key, load);

    cache.forgetWhere((entry) => entry?.meetingId === 'm1');
    for (const [key, load] of Object.entries(loads)) await cache.get(key, load);
    expect(Object.fromEntries(Object.entries(loads).map(([key, load]) => [key, load.mock.calls.length]))).toEqual({ s1: 2, s2: 2, s3: 1, missing: 1 });
  });

  // A read that began before a change must not land after forget() and be kept for a whole ttl:
  // a survey closed while its page is being read would stay open for up to 5 s.
  it('forget during a load: neither that load nor a get after forget gives the value from before the change', async () => {
    const cache = new ShortLivedCache<string, string>(TTL_MS);
    let record = 'open';
    const slowRead = deferred<string>();
    const before = cache.get('survey-1', slowRead.load); // started before the change
    record = 'closed';
    cache.forget('survey-1'); // whoever changed it forgets it at once
    const after = cache.get('survey-1', async () => record);
    slowRead.resolve('open');
    await before;
    expect({ afterForget: await after, later: await cache.get('survey-1', async () => record) }).toEqual({ afterForget: 'closed', later: 'closed' });
  });

  it('keeps a null value like any other (a survey that does not exist is not read again at once)', async () => {
    const cache = new ShortLivedCache<string, string | null>(TTL_MS);
    const load = jest.fn(async () => null);
    await cache.get('nothing', load);
    expect({ value: await cache.get('nothing', load), loads: load.mock.calls.length }).toEqual({ value: null, loads: 1 });
  });

  it('does not keep a failed load: every waiter gets the error, and the next get loads again', async () => {
    const cache = new ShortLivedCache<string, string>(TTL_MS);
    const failing = deferred<string>();
    const waiting = [cache.get('survey-1', failing.load), cache.get('survey-1', failing.load)];
    failing.reject(new Error('database unavailable'));
    const outcomes = await Promise.allSettled(waiting);
    expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error).message : outcome.status))).toEqual(['database unavailable', 'database unavailable']);
    expect({ loads: failing.load.mock.calls.length }).toEqual({ loads: 1 });

    const load = counted('recovered');
    expect({ value: await cache.get('survey-1', load), loads: load.mock.calls.length }).toEqual({ value: 'recovered#1', loads: 1 });
  });

  it('holds at most maxEntries values: when full it starts over rather than grow', async () => {
    const cache = new ShortLivedCache<string, string>(TTL_MS, 2);
    const load = counted('v');
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load); // full: a and b are dropped
    expect({ c: await cache.get('c', load), a: await cache.get('a', load), loads: load.mock.calls.length }).toEqual({ c: 'v#3', a: 'v#4', loads: 4 });
  });
});

import pino from 'pino';
import { Clock } from '../../src/common/clock';
import { PublicRequestTally, startOfNextDay } from '../../src/core/public-request-tally';
import { ManualClock } from '../setup/test-clock';

/** 23:59:00 on 23 November in Asia/Shanghai (UTC+8). */
const A_MINUTE_TO_MIDNIGHT = '2026-11-23T15:59:00Z';

describe('the day-batched log of the public routes', () => {
  let clock: ManualClock;
  let lines: Array<Record<string, unknown>>;
  let tally: PublicRequestTally;

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['Date'] });
    clock = new ManualClock('2026-11-23T02:30:00Z');
    lines = [];
    const log = pino({ base: { scope: 'public' }, timestamp: false }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    tally = new PublicRequestTally(clock, log);
  });
  afterEach(() => {
    tally.stop();
    jest.useRealTimers();
  });

  /** Moves the manual clock and the timers together. */
  function pass(ms: number): void {
    clock.advance(ms);
    jest.advanceTimersByTime(ms);
  }

  it('writes nothing when a request is answered, nor later the same day', () => {
    tally.start();
    tally.recordRequest('POST', '/b/Zx81kQ', 200);
    tally.recordError('QueryFailedError', 'SQLITE_ERROR');
    pass(3 * 3600_000);
    tally.flushEndedDays();
    expect(lines).toEqual([]);
  });

  it('writes one line per method, masked path and status when the day ends, with the day, the count and no time', () => {
    clock.set(A_MINUTE_TO_MIDNIGHT);
    tally.start();
    tally.recordRequest('POST', '/b/Zx81kQ', 200);
    tally.recordRequest('POST', '/b/Other1', 200);
    tally.recordRequest('POST', '/api/v1/public/boxes/Zx81kQ/opinions?x=1', 429);
    tally.recordRequest('GET', '/api/v1/public/receipts/7KQ4-M2XD-9PLA-CW3T', 200);

    pass(59_000);
    expect({ before: 'midnight in Asia/Shanghai', lines }).toEqual({ before: 'midnight in Asia/Shanghai', lines: [] });
    pass(2_000);
    expect(lines).toEqual([
      { level: 30, scope: 'public', day: '2026-11-23', req: { method: 'GET', url: '/api/v1/public/receipts/:param' }, res: { statusCode: 200 }, count: 1, msg: 'public requests of the day' },
      { level: 30, scope: 'public', day: '2026-11-23', req: { method: 'POST', url: '/api/v1/public/boxes/:param/opinions' }, res: { statusCode: 429 }, count: 1, msg: 'public requests of the day' },
      { level: 30, scope: 'public', day: '2026-11-23', req: { method: 'POST', url: '/b/:param' }, res: { statusCode: 200 }, count: 2, msg: 'public requests of the day' },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/Zx81kQ|Other1|7KQ4|"time"/);
  });

  it('does not write yesterday\'s counts when a request of the new day comes before the timer: that would date the request', () => {
    tally.recordRequest('POST', '/b/Zx81kQ', 200);
    clock.set('2026-11-23T16:00:05Z'); // 00:00:05 on the 24th; no timer has run
    tally.recordRequest('POST', '/b/Zx81kQ', 200);
    expect(lines).toEqual([]);
    tally.flushEndedDays();
    expect(lines.map((line) => [line.day, line.count])).toEqual([['2026-11-23', 1]]);
  });

  it('sets its timer again for every following midnight', () => {
    clock.set(A_MINUTE_TO_MIDNIGHT);
    tally.start();
    pass(61_000);
    tally.recordRequest('GET', '/s/token-1', 200);
    pass(23 * 3600_000);
    expect(lines).toEqual([]);
    pass(3600_000);
    expect(lines.map((line) => [line.day, (line.req as { url: string }).url, line.count])).toEqual([['2026-11-24', '/s/:param', 1]]);
    expect(jest.getTimerCount()).toBe(1);
  });

  it('counts unhandled errors by type and code only, written at error level with the day', () => {
    tally.recordError('QueryFailedError', 'SQLITE_ERROR');
    tally.recordError('QueryFailedError', 'SQLITE_ERROR');
    tally.recordError('TypeError');
    tally.flush();
    expect(lines).toEqual([
      { level: 50, scope: 'public', day: '2026-11-23', errorType: 'QueryFailedError', errorCode: 'SQLITE_ERROR', count: 2, msg: 'unhandled errors on public routes of the day' },
      { level: 50, scope: 'public', day: '2026-11-23', errorType: 'TypeError', count: 1, msg: 'unhandled errors on public routes of the day' },
    ]);
  });

  it('writes its lines sorted, so their order says nothing about the order of arrival', () => {
    tally.recordRequest('POST', '/r', 200);
    tally.recordRequest('GET', '/b/x', 200);
    tally.recordRequest('POST', '/b/x', 200);
    tally.flush();
    expect(lines.map((line) => `${(line.req as { method: string }).method} ${(line.req as { url: string }).url}`)).toEqual(['GET /b/:param', 'POST /b/:param', 'POST /r']);
  });

  it('on stop writes today\'s counts, forgets them and leaves no timer behind', () => {
    tally.start();
    tally.recordRequest('GET', '/b/x', 404);
    tally.stop();
    tally.flush();
    expect({ lines: lines.map((line) => [line.day, line.count]), timers: jest.getTimerCount() }).toEqual({ lines: [['2026-11-23', 1]], timers: 0 });
  });

  it('counts paths beyond a thousand kinds a day under one "(other)" line, so made-up paths cannot fill the memory', () => {
    for (let depth = 1; depth <= 1005; depth += 1) tally.recordRequest('GET', `/b${'/x'.repeat(depth)}`, 404);
    tally.flush();
    expect({ lines: lines.length, other: lines.find((line) => (line.req as { url: string }).url === '(other)')?.count }).toEqual({ lines: 1001, other: 5 });
  });
});

describe('the start of the next day', () => {
  it('is midnight in the clock\'s time zone, not UTC', () => {
    expect(startOfNextDay(new Clock('Asia/Shanghai'), new Date('2026-11-23T02:30:00Z')).toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('is found on a day of 25 hours, when summer time ends', () => {
    // New York leaves summer time on 1 November 2026: that day runs from 04:00Z to 05:00Z next day.
    expect(startOfNextDay(new Clock('America/New_York'), new Date('2026-11-01T04:00:00Z')).toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });
});

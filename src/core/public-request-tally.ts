import pino, { DestinationStream, Logger as PinoInstance } from 'pino';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { maskPublicUrl } from './logging';

/** Past this many keys in one day, further requests count under one path, `(other)`: memory stays bounded whatever paths are asked for. */
const MAX_KEYS_PER_DAY = 1000;
const OTHER_PATH = '(other)';

/** The longest a day can last (a day that leaves summer time has 25 hours). */
const LONGEST_DAY_MS = 26 * 3600_000;

interface DayTally {
  /** `method⇥masked path⇥status` → how many (a URL holds no raw tab). */
  requests: Map<string, number>;
  /** `[error type, error code]` as JSON → how many. */
  errors: Map<string, number>;
}

/**
 * The log of the routes people use without an account (box, receipt and survey pages, and
 * `/api/v1/public`), in daily batches. A line written when a request is answered is dated by its
 * place among the timestamped lines around it, and a submission's minute could be laid beside a
 * door camera or a colleague's memory of who stood at the poster. So nothing is written per
 * request: requests are counted by method, masked path and status, unhandled errors by type and
 * code, and each count is written once, as a line with its day and no time, when the day ends in
 * TIME_ZONE (a timer, never a request of the next day: that request's arrival would be dated by
 * the flush) or when the process stops. No address, user agent, body, slug, receipt or message.
 */
export class PublicRequestTally {
  private readonly days = new Map<string, DayTally>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly log: PinoInstance,
  ) {}

  /** Counts one answered request; the URL is masked here (no slug, token or receipt). */
  recordRequest(method: string, url: string, statusCode: number): void {
    const tally = this.today();
    const key = `${method}\t${maskPublicUrl(url)}\t${statusCode}`;
    const counted = tally.requests.has(key) || tally.requests.size < MAX_KEYS_PER_DAY ? key : `${method}\t${OTHER_PATH}\t${statusCode}`;
    tally.requests.set(counted, (tally.requests.get(counted) ?? 0) + 1);
  }

  /**
   * Counts one unhandled error on a public route, by its type and code only: a failed INSERT's
   * message and parameters would carry the writer's text.
   */
  recordError(errorType: string, errorCode?: string): void {
    const tally = this.today();
    const key = JSON.stringify([errorType.slice(0, 100), errorCode?.slice(0, 100) ?? null]);
    if (!tally.errors.has(key) && tally.errors.size >= MAX_KEYS_PER_DAY) return;
    tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
  }

  /** Writes the counts of the days that have ended, and forgets them. */
  flushEndedDays(): void {
    const today = this.clock.today();
    for (const day of [...this.days.keys()].sort()) if (day < today) this.write(day);
  }

  /** Writes every count, today's too, and forgets them (when the process stops, and in tests). */
  flush(): void {
    for (const day of [...this.days.keys()].sort()) this.write(day);
  }

  /** Sets the timer that writes each day's counts once the day has ended. */
  start(): void {
    this.stopTimer();
    const next = startOfNextDay(this.clock, this.clock.now());
    // A second past the boundary, so a timer that fires a little early still finds the day over.
    const delay = next.getTime() - this.clock.now().getTime() + 1000;
    this.timer = setTimeout(() => {
      this.flushEndedDays();
      this.start();
    }, delay);
    // The timer alone does not keep the process alive; stopping writes what is left.
    this.timer.unref();
  }

  /** Stops the timer and writes what is left. */
  stop(): void {
    this.stopTimer();
    this.flush();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private today(): DayTally {
    const day = this.clock.today();
    let tally = this.days.get(day);
    if (!tally) this.days.set(day, (tally = { requests: new Map(), errors: new Map() }));
    return tally;
  }

  /** One line per key, in sorted order: the order of the lines says nothing about the order of arrival. */
  private write(day: string): void {
    const tally = this.days.get(day)!;
    this.days.delete(day);
    for (const key of [...tally.requests.keys()].sort()) {
      const [method, url, statusCode] = key.split('\t');
      this.log.info({ day, req: { method, url }, res: { statusCode: Number(statusCode) }, count: tally.requests.get(key) }, 'public requests of the day');
    }
    for (const key of [...tally.errors.keys()].sort()) {
      const [errorType, errorCode] = JSON.parse(key) as [string, string | null];
      this.log.error({ day, errorType, ...(errorCode ? { errorCode } : {}), count: tally.errors.get(key) }, 'unhandled errors on public routes of the day');
    }
  }
}

/**
 * The first instant of the day after `from`'s, in the clock's time zone. Found by halving the
 * interval on the clock's own day, so time zones with summer time need no rule of their own.
 */
export function startOfNextDay(clock: Clock, from: Date): Date {
  const day = clock.dayOf(from);
  let sameDay = from.getTime();
  let nextDay = sameDay + LONGEST_DAY_MS;
  while (nextDay - sameDay > 1) {
    const middle = Math.floor((sameDay + nextDay) / 2);
    if (clock.dayOf(new Date(middle)) === day) sameDay = middle;
    else nextDay = middle;
  }
  return new Date(nextDay);
}

/** The tally of the public routes, writing to `stream` (stdout by default) with no timestamp. */
export function createPublicRequestTally(config: AppConfig, clock: Clock, stream?: DestinationStream): PublicRequestTally {
  const log = pino(
    { level: config.logLevel, base: { scope: 'public' }, timestamp: false },
    // Synchronous: a few lines a day, and the last of them written as the process stops.
    stream ?? pino.destination({ dest: 1, sync: true }),
  );
  return new PublicRequestTally(clock, log);
}

import { Injectable } from '@nestjs/common';

/**
 * The one source of "now". Deadlines, reminders and day-only dates read it, so tests can move
 * time instead of waiting for it.
 */
@Injectable()
export class Clock {
  // Building an Intl.DateTimeFormat costs far more than formatting with one; dayOf runs several
  // times per public request (rate-limit key, stored day, log line), so build it once.
  private readonly dayFormat: Intl.DateTimeFormat;
  private readonly hourFormat: Intl.DateTimeFormat;
  private readonly timeFormat: Intl.DateTimeFormat;
  private lastDay: { second: number; day: string } | null = null;

  constructor(timeZone = 'Asia/Shanghai') {
    // en-CA formats as YYYY-MM-DD.
    this.dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    this.timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  now(): Date {
    return new Date();
  }

  /**
   * Now, to the whole second: what a MySQL `datetime` column keeps, so an answer that echoes a
   * stored time shows what later reads will show, on both databases.
   */
  nowToSecond(): Date {
    return toWholeSecond(this.now());
  }

  /** Today as `YYYY-MM-DD` in the organisation's time zone: the only date an anonymous row keeps. */
  today(): string {
    // Remembered for the second it was computed in: a public request asks up to three times.
    const now = this.now().getTime();
    const second = Math.floor(now / 1000);
    if (this.lastDay?.second !== second) this.lastDay = { second, day: this.dayOf(new Date(now)) };
    return this.lastDay.day;
  }

  dayOf(instant: Date): string {
    return this.dayFormat.format(instant);
  }

  /** The hour of the day now (0–23) in the organisation's time zone: when the daily reminders go. */
  hour(): number {
    return Number(this.hourFormat.format(this.now()));
  }

  /** The time now as `HH:MM` in the organisation's time zone (when a page's figures were read). */
  timeOfDay(): string {
    return this.timeFormat.format(this.now());
  }
}

/** The instant without its milliseconds: what a MySQL `datetime` column keeps. */
export function toWholeSecond(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

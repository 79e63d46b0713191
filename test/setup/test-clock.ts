import { Clock } from '../../src/common/clock';

/** Follows real time until a test sets or moves it. */
export class TestClock extends Clock {
  private fixed: Date | null = null;
  private offsetMs = 0;

  override now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date(Date.now() + this.offsetMs);
  }

  set(instant: Date | string): void {
    this.fixed = new Date(instant);
  }

  advance(ms: number): void {
    if (this.fixed) this.fixed = new Date(this.fixed.getTime() + ms);
    else this.offsetMs += ms;
  }
}

/** Stands still at `start` until a test sets or moves it. */
export class ManualClock extends TestClock {
  constructor(start: Date | string = new Date(), timeZone = 'Asia/Shanghai') {
    super(timeZone);
    this.set(start);
  }
}

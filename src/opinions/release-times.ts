/** A fixed release time (统一整理时间): the instant, and its name in the organisation's time zone. */
export interface ReleaseSlot {
  at: Date;
  /** `YYYY-MM-DDTHH:00` in TIME_ZONE: the same for every process that reaches this slot. */
  key: string;
}

const QUARTER_HOUR = 15 * 60 * 1000;
/** Two days of quarter hours: enough to find any slot of a once-a-day schedule either way. */
const STEPS = 2 * 24 * 4 + 1;

/**
 * The fixed hours at which held anonymous opinions are released in batches. Nothing about the
 * writers decides them: they are the same every day, whoever wrote when, so a release says
 * nothing about when any one opinion arrived.
 */
export class ReleaseTimes {
  private readonly parts: Intl.DateTimeFormat;

  constructor(
    private readonly hours: readonly number[],
    timeZone: string,
  ) {
    if (hours.length === 0) throw new Error('at least one release hour');
    this.parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  /** The last release time at or before `now`. */
  latest(now: Date): ReleaseSlot {
    const start = Math.floor(now.getTime() / QUARTER_HOUR) * QUARTER_HOUR;
    for (let step = 0; step < STEPS; step++) {
      const slot = this.slotAt(new Date(start - step * QUARTER_HOUR));
      if (slot) return slot;
    }
    throw new Error('no release time within two days');
  }

  /** The first release time after `now`. */
  next(now: Date): ReleaseSlot {
    const start = Math.floor(now.getTime() / QUARTER_HOUR) * QUARTER_HOUR;
    for (let step = 1; step <= STEPS; step++) {
      const slot = this.slotAt(new Date(start + step * QUARTER_HOUR));
      if (slot) return slot;
    }
    throw new Error('no release time within two days');
  }

  /** `HH:00` of each release hour, for telling writers when (e.g. "07:00、13:00"). */
  describeHours(): string {
    return this.hours.map((hour) => `${String(hour).padStart(2, '0')}:00`).join('、');
  }

  /** The slot starting at this quarter hour, if it is one: a whole local hour among the release hours. */
  private slotAt(instant: Date): ReleaseSlot | null {
    const part = Object.fromEntries(this.parts.formatToParts(instant).map(({ type, value }) => [type, value]));
    if (part.minute !== '00' || !this.hours.includes(Number(part.hour))) return null;
    return { at: instant, key: `${part.year}-${part.month}-${part.day}T${part.hour}:00` };
  }
}

/**
 * What a writer is told about a held opinion, in words a party office can read aloud: when the
 * next release is, and why it waits. No number for the threshold: it is each box's or survey's own,
 * and this notice does not know which.
 */
export function heldNotice(times: ReleaseTimes, now: Date): string {
  const { key } = times.next(now);
  const [, month, day] = key.slice(0, 10).split('-').map(Number);
  return `已收到。为保护匿名，意见不逐条公开，而是每天 ${times.describeHours()} 统一整理：每个意见箱或匿名问卷凑满各自规定的条数才一并纳入意见清单，下一次整理在 ${month}月${day}日 ${key.slice(11)}。若意见箱关闭时新收的意见仍不足规定条数，这些意见将始终密封，不纳入意见清单。`;
}

import { heldNotice, ReleaseTimes } from '../../src/opinions/release-times';

describe('the fixed release times (统一整理)', () => {
  const daily = new ReleaseTimes([7], 'Asia/Shanghai');

  it('finds the latest 07:00 in Shanghai at or before now: the same day after it, the day before until then', () => {
    // 07:00 in Shanghai is 23:00 UTC the day before.
    expect(daily.latest(new Date('2026-12-07T01:30:00Z'))).toEqual({ at: new Date('2026-12-06T23:00:00Z'), key: '2026-12-07T07:00' });
    expect(daily.latest(new Date('2026-12-06T22:59:59Z'))).toEqual({ at: new Date('2026-12-05T23:00:00Z'), key: '2026-12-06T07:00' });
    expect(daily.latest(new Date('2026-12-06T23:00:00Z')).key).toBe('2026-12-07T07:00');
  });

  it('finds the next one strictly after now', () => {
    expect(daily.next(new Date('2026-12-07T01:30:00Z'))).toEqual({ at: new Date('2026-12-07T23:00:00Z'), key: '2026-12-08T07:00' });
    expect(daily.next(new Date('2026-12-06T23:00:00Z')).key).toBe('2026-12-08T07:00');
  });

  it('takes several hours a day, and a time zone with a half-hour offset', () => {
    const twice = new ReleaseTimes([7, 13], 'Asia/Shanghai');
    expect(twice.latest(new Date('2026-12-07T06:00:00Z')).key).toBe('2026-12-07T13:00');
    expect(twice.next(new Date('2026-12-07T06:00:00Z')).key).toBe('2026-12-08T07:00');
    const kolkata = new ReleaseTimes([9], 'Asia/Kolkata');
    expect(kolkata.latest(new Date('2026-12-07T04:00:00Z'))).toEqual({ at: new Date('2026-12-07T03:30:00Z'), key: '2026-12-07T09:00' });
  });

  it('tells a writer the next release in words, with no count of what the box holds', () => {
    const notice = heldNotice(daily, new Date('2026-12-07T01:30:00Z'));
    expect(notice).toContain('每天 07:00 统一整理');
    expect(notice).toContain('12月8日 07:00');
    // The threshold is each box's own (3, 5 …): no number that could be wrong for this one.
    expect(notice).toContain('凑满各自规定的条数');
    expect(notice).not.toMatch(/\d+ ?条/);
  });
});

import { dayInWords, dayTimeInWords } from '../../src/web/dates';

describe('dates in words', () => {
  it('words an ISO day as 年月日, without leading zeros', () => {
    expect(dayInWords('2026-12-21')).toBe('2026年12月21日');
    expect(dayInWords('2027-01-05')).toBe('2027年1月5日');
  });

  it('reads only the day of a longer ISO string', () => {
    expect(dayInWords('2026-12-05T09:41:00.000Z')).toBe('2026年12月5日');
  });

  it('leaves text that is not an ISO day as it is', () => {
    expect(dayInWords('未填写')).toBe('未填写');
    expect(dayInWords('')).toBe('');
  });

  it('adds the hour and minute of a date-time, and only those', () => {
    expect(dayTimeInWords('2026-12-21T14:30')).toBe('2026年12月21日 14:30');
    expect(dayTimeInWords('2026-12-21T08:05:59')).toBe('2026年12月21日 08:05');
    expect(dayTimeInWords('2026-12-21 14:30')).toBe('2026年12月21日 14:30');
    expect(dayTimeInWords('2026-12-21')).toBe('2026年12月21日');
  });
});

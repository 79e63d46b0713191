import { isBoxOpen } from '../../src/boxes/box-state';

describe('whether a box takes opinions', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const box = (closesAt: string | null, closedAt: string | null = null) => ({
    closesAt: closesAt ? new Date(closesAt) : null,
    closedAt: closedAt ? new Date(closedAt) : null,
  });

  it('is open without a closing time while the meeting collects', () => {
    expect(isBoxOpen(box(null), 'preparing', now)).toBe(true);
    expect(isBoxOpen(box(null), 'collecting', now)).toBe(true);
    expect(isBoxOpen(box(null), 'claiming', now)).toBe(true);
  });

  it('closes at its closing time, exactly', () => {
    expect(isBoxOpen(box('2026-11-23T10:00:01Z'), 'collecting', now)).toBe(true);
    expect(isBoxOpen(box('2026-11-23T10:00:00Z'), 'collecting', now)).toBe(false);
  });

  it('stays closed once an organiser closed it', () => {
    expect(isBoxOpen(box('2027-01-01T00:00:00Z', '2026-11-22T00:00:00Z'), 'collecting', now)).toBe(false);
  });

  it('closes once the meeting has been held', () => {
    for (const phase of ['held', 'rectifying', 'closed'] as const) expect(isBoxOpen(box(null), phase, now)).toBe(false);
  });
});

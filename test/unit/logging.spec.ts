import { maskPublicUrl } from '../../src/core/logging';
import { isPageFurniturePath, isPublicPath } from '../../src/core/public-routes';
import { isForwardMove } from '../../src/meetings/meeting-phase';
import { Clock } from '../../src/common/clock';

describe('public request logging', () => {
  it('recognises the routes used without an account', () => {
    expect(isPublicPath('/api/v1/public/boxes/abc/opinions')).toBe(true);
    expect(isPublicPath('/b/abc')).toBe(true);
    expect(isPublicPath('/r?code=1')).toBe(true);
    expect(isPublicPath('/s/token')).toBe(true);
    expect(isPublicPath('/api/v1/meetings')).toBe(false);
  });

  it('recognises what a browser fetches along with a page (script, icons), which the ordinary log leaves out', () => {
    expect(['/assets/tanxin.js', '/favicon.ico', '/apple-touch-icon-precomposed.png'].filter(isPageFurniturePath)).toEqual(['/assets/tanxin.js', '/favicon.ico', '/apple-touch-icon-precomposed.png']);
    expect(['/api/v1/meetings', '/favicon.ico.bak', '/me/items'].filter(isPageFurniturePath)).toEqual([]);
  });

  it('masks slugs, tokens and receipts in a public URL', () => {
    expect(maskPublicUrl('/api/v1/public/receipts/7KQ4-M2XD-9PLA-CW3T?x=1')).toBe('/api/v1/public/receipts/:param');
    expect(maskPublicUrl('/b/Zx81kQ')).toBe('/b/:param');
  });
});

describe('meeting phase', () => {
  it('moves only forward', () => {
    expect(isForwardMove('preparing', 'collecting')).toBe(true);
    expect(isForwardMove('preparing', 'closed')).toBe(true);
    expect(isForwardMove('claiming', 'collecting')).toBe(false);
    expect(isForwardMove('held', 'held')).toBe(false);
  });
});

describe('clock', () => {
  it('gives the day in Asia/Shanghai, not UTC', () => {
    const clock = new Clock('Asia/Shanghai');
    expect(clock.dayOf(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
  });
});

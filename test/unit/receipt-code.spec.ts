import { CROCKFORD_ALPHABET, randomBase32 } from '../../src/common/random-code';
import { newReceiptCode, normaliseReceiptCode } from '../../src/opinions/receipt-code';

describe('receipt codes (回执码)', () => {
  it('are four groups of four Crockford base32 characters: 80 random bits', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(code.replace(/-/g, '')).toHaveLength(16); // 16 × 5 bits
  });

  it('do not repeat, and use every symbol of the alphabet about evenly', () => {
    const codes = Array.from({ length: 5000 }, () => newReceiptCode());
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const char of codes.join('').replace(/-/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...CROCKFORD_ALPHABET].sort().join(''));
    const expected = (5000 * 16) / 32;
    for (const [char, count] of counts) {
      // 2500 expected per symbol; ±15 % is far outside chance for a fair generator.
      if (Math.abs(count - expected) > expected * 0.15) throw new Error(`symbol ${char} appeared ${count} times, expected about ${expected}: the generator is biased`);
    }
  });

  it('are read back whatever the case, spacing and dashes, and with O, I and L read as digits', () => {
    expect(normaliseReceiptCode('7kq4 m2xd 9paa cw3t')).toBe('7KQ4-M2XD-9PAA-CW3T');
    expect(normaliseReceiptCode('7KQ4M2XD9PAACW3T')).toBe('7KQ4-M2XD-9PAA-CW3T');
    expect(normaliseReceiptCode('OIL0-0000-0000-0000')).toBe('0110-0000-0000-0000');
    expect(normaliseReceiptCode(' 7KQ4－M2XD－9PAA－CW3T ')).toBe('7KQ4-M2XD-9PAA-CW3T');
  });

  it('refuse anything that cannot be a code', () => {
    for (const input of ['', '7KQ4-M2XD-9PAA', '7KQ4-M2XD-9PAA-CW3T-0000', '7KQ4-M2XD-9PAA-CW3U', '../../etc/passwd', '意见意见意见意见意见意见意见意见']) {
      expect({ input, code: normaliseReceiptCode(input) }).toEqual({ input, code: null });
    }
  });

  it('random base32 gives exactly the length asked for', () => {
    for (const length of [1, 7, 8, 16, 26]) expect(randomBase32(length)).toHaveLength(length);
  });
});

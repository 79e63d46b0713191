import { CROCKFORD_ALPHABET, randomBase32 } from '../common/random-code';

const GROUP = 4;
const LENGTH = 16; // 16 × 5 = 80 random bits

/** 回执码: 80 random bits, printed in groups of four (e.g. `7KQ4-M2XD-9PAA-CW3T`). */
export function newReceiptCode(): string {
  return formatReceiptCode(randomBase32(LENGTH));
}

function formatReceiptCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/**
 * What a person typed, as the canonical code: case, spaces and dashes do not matter, and the
 * letters Crockford's alphabet leaves out are read as the digits they look like. Null when it
 * cannot be a receipt code at all.
 */
export function normaliseReceiptCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s\-_－—]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== LENGTH || [...code].some((char) => !CROCKFORD_ALPHABET.includes(char))) return null;
  return formatReceiptCode(code);
}

/**
 * The site's icon, drawn here as 16×16 pixels and packed as an ICO (a BMP inside): no file to
 * ship, nothing fetched from elsewhere. A red square, the pages' colour, with a white speech
 * bubble: 谈心, a talk.
 */
const PIXELS = [
  '..RRRRRRRRRRRR..',
  '.RRRRRRRRRRRRRR.',
  'RRRRRRRRRRRRRRRR',
  'RRWWWWWWWWWWWWRR',
  'RRWWWWWWWWWWWWRR',
  'RRWWRRRRRRRRWWRR',
  'RRWWWWWWWWWWWWRR',
  'RRWWRRRRRRWWWWRR',
  'RRWWWWWWWWWWWWRR',
  'RRWWWWWWWWWWWWRR',
  'RRRRWWWRRRRRRRRR',
  'RRRRWWRRRRRRRRRR',
  'RRRRWRRRRRRRRRRR',
  'RRRRRRRRRRRRRRRR',
  '.RRRRRRRRRRRRRR.',
  '..RRRRRRRRRRRR..',
];

/** B, G, R, A by pixel letter. */
const COLOURS: Record<string, [number, number, number, number]> = {
  R: [0x1b, 0x1b, 0xa6, 0xff],
  W: [0xff, 0xff, 0xff, 0xff],
  '.': [0, 0, 0, 0],
};

export const FAVICON_ICO: Buffer = ico(PIXELS);

function ico(rows: readonly string[]): Buffer {
  const size = rows.length;
  const pixels = Buffer.alloc(size * size * 4);
  // A BMP is stored bottom row first.
  rows.forEach((row, y) => [...row].forEach((letter, x) => pixels.set(COLOURS[letter], ((size - 1 - y) * size + x) * 4)));
  // The AND mask: all zero, the alpha channel says what shows; each row padded to 4 bytes.
  const mask = Buffer.alloc(size * Math.ceil(size / 32) * 4);
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8); // the image and its mask, one above the other
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([info, pixels, mask]);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, image]);
}

import { inflateRawSync } from 'node:zlib';

/** A .docx's main part (word/document.xml) as XML, read from the ZIP by hand (no ZIP library in the project). */
export function docxXml(file: Buffer): string {
  let offset = 0;
  while (offset + 30 <= file.length && file.readUInt32LE(offset) === 0x04034b50) {
    const method = file.readUInt16LE(offset + 8);
    const size = file.readUInt32LE(offset + 18);
    const nameLength = file.readUInt16LE(offset + 26);
    const extraLength = file.readUInt16LE(offset + 28);
    const name = file.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    if (name === 'word/document.xml') {
      const data = file.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset = start + size;
  }
  throw new Error('no word/document.xml in the file (or a ZIP written with data descriptors)');
}

/** The text of a .docx's main part, tags dropped. */
export function docxText(file: Buffer): string {
  return docxXml(file).replace(/<[^>]+>/g, '');
}

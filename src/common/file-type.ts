export type MaterialFileType = 'pdf' | 'docx';

export const MATERIAL_CONTENT_TYPES: Record<MaterialFileType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * What a file is, read from its bytes rather than its name or declared type: a PDF starts with
 * `%PDF-`; a .docx is a ZIP package whose directory lists `[Content_Types].xml` and
 * `word/document.xml`, and no macros (`word/vbaProject.bin`: that is a .docm). Anything else is null.
 */
export function detectFileType(content: Buffer): MaterialFileType | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (!content.subarray(0, 4).equals(LOCAL_HEADER)) return null;
  const names = zipEntryNames(content);
  if (names && names.has('[Content_Types].xml') && names.has('word/document.xml') && !names.has('word/vbaProject.bin')) return 'docx';
  return null;
}

const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** The end-of-directory record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_RECORD = 22 + 0xffff;

/** The entry names in a ZIP's central directory, or null when there is no readable directory. */
function zipEntryNames(zip: Buffer): Set<string> | null {
  const searchFrom = Math.max(0, zip.length - MAX_END_RECORD);
  let end = -1;
  for (let offset = zip.length - 22; offset >= searchFrom; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names = new Set<string>();
  for (let entry = 0; entry < count; entry++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_HEADER) return null;
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > zip.length) return null;
    names.add(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

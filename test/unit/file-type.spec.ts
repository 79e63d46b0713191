import { detectFileType, MATERIAL_CONTENT_TYPES } from '../../src/common/file-type';
import { CONTENT_TYPES, zip } from '../factories/files';


/** The smallest .docx Word opens: content types, the package relationship, one paragraph. */
const DOCX = zip({
  '[Content_Types].xml': CONTENT_TYPES('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'),
  '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  'word/document.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>对照检查材料</w:t></w:r></w:p></w:body></w:document>',
});

/** An .xlsx: the same kind of package, but a workbook rather than a Word document. */
const XLSX = zip({
  '[Content_Types].xml': CONTENT_TYPES('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'),
  '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>',
});

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const ZIP_HEADER = '\x50\x4b\x03\x04';

type Case = { file: string; content: Buffer; type: 'pdf' | 'docx' | null };

/** Each case as `file: type`, so a failure names the file that was misread. */
const judge = (cases: Case[]) => ({
  actual: cases.map(({ file, content }) => `${file}: ${detectFileType(content) ?? 'refused'}`),
  expected: cases.map(({ file, type }) => `${file}: ${type ?? 'refused'}`),
});

describe('what an uploaded material file is, read from its bytes', () => {
  it('knows a PDF by its %PDF- header', () => {
    const { actual, expected } = judge([
      { file: 'PDF 1.4', content: latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'), type: 'pdf' },
      { file: 'PDF 1.7', content: latin1('%PDF-1.7\n'), type: 'pdf' },
      { file: 'PDF 2.0', content: latin1('%PDF-2.0\n'), type: 'pdf' },
      { file: 'the bare five header bytes', content: latin1('%PDF-'), type: 'pdf' },
    ]);
    expect(actual).toEqual(expected);
  });

  it('knows a .docx: a ZIP package holding [Content_Types].xml and word/document.xml', () => {
    const { actual, expected } = judge([
      { file: 'a real minimal .docx (deflated ZIP)', content: DOCX, type: 'docx' },
    ]);
    expect(actual).toEqual(expected);
  });

  it('reads the names from the ZIP directory, not from anywhere in the bytes', () => {
    const { actual, expected } = judge([
      { file: 'a ZIP local header followed by both part names, no directory', content: latin1(`${ZIP_HEADER}\x14\x00\x00\x00[Content_Types].xml ... word/document.xml ...`), type: null },
      { file: 'a macro-enabled .docm (word/vbaProject.bin)', content: zip({ '[Content_Types].xml': CONTENT_TYPES(''), 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'macros' }), type: null },
      { file: 'an archive holding the names one folder down', content: zip({ 'backup/[Content_Types].xml': CONTENT_TYPES(''), 'backup/word/document.xml': '<w:document/>' }), type: null },
      { file: 'entries whose names only begin with the part names', content: zip({ '[Content_Types].xml.txt': 'x', 'word/document.xml.txt': 'x' }), type: null },
    ]);
    expect(actual).toEqual(expected);
  });

  it('refuses other Office packages and ZIP archives', () => {
    const { actual, expected } = judge([
      { file: 'an .xlsx workbook (xl/workbook.xml)', content: XLSX, type: null },
      { file: 'a ZIP with word/document.xml but no [Content_Types].xml', content: zip({ 'word/document.xml': '<w:document/>' }), type: null },
      { file: 'a ZIP with [Content_Types].xml but no word/document.xml', content: zip({ '[Content_Types].xml': CONTENT_TYPES(''), 'ppt/presentation.xml': '<p:presentation/>' }), type: null },
      { file: 'an empty ZIP archive', content: zip({}), type: null },
    ]);
    expect(actual).toEqual(expected);
  });

  it('refuses images, text and everything else that is neither', () => {
    const { actual, expected } = judge([
      { file: 'PNG', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), type: null },
      { file: 'JPEG', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), type: null },
      { file: 'an empty file', content: Buffer.alloc(0), type: null },
      { file: 'plain text', content: Buffer.from('对照检查材料：一、存在的问题……', 'utf8'), type: null },
      { file: '%PDF without the dash', content: latin1('%PDF1.4\n'), type: null },
      { file: '%PDF alone, four bytes', content: latin1('%PDF'), type: null },
      { file: 'a lower-case %pdf- header', content: latin1('%pdf-1.4\n'), type: null },
      { file: 'a PDF header after a leading space', content: latin1(' %PDF-1.4\n'), type: null },
      { file: 'text that mentions both .docx part names without the ZIP header', content: latin1('see [Content_Types].xml and word/document.xml inside a .docx'), type: null },
      { file: 'a ZIP header alone', content: latin1(ZIP_HEADER), type: null },
      { file: 'an empty-archive ZIP signature (PK\\x05\\x06) with both part names', content: latin1('PK\x05\x06[Content_Types].xml word/document.xml'), type: null },
      { file: 'a .docx whose first bytes were cut off', content: DOCX.subarray(1), type: null },
    ]);
    expect(actual).toEqual(expected);
  });

  it('gives each type its declared content type', () => {
    expect(MATERIAL_CONTENT_TYPES).toEqual({ pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  });
});

import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { DraftSection } from './draft-assembly';

/** 三号 is 16 pt, 二号 22 pt; docx counts half-points. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
/** 2 characters of 三号 (16 pt = 320 twips each). */
const FIRST_LINE_INDENT = 640;
const BODY_FONT = { ascii: '仿宋_GB2312', hAnsi: '仿宋_GB2312', eastAsia: '仿宋_GB2312', cs: '仿宋' };
const HEADING_FONT = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体', cs: '黑体' };
/** 28.9 pt exact line spacing, as party documents are set (22 lines a page). */
const LINE = { line: 578, lineRule: 'exact' as const };

/**
 * The draft as a Word document in the layout of the source documents: the title centred in 黑体
 * 二号 bold, the section headings (一、…) in 黑体 三号, the body in 仿宋_GB2312 三号 with a first-line
 * indent of two characters. 仿宋_GB2312 falls back to 仿宋 where it is not installed.
 */
export async function draftAsDocx(title: string, sections: DraftSection[]): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 320 }, children: [new TextRun({ text: title, font: HEADING_FONT, size: TITLE_SIZE, bold: true })] }),
  ];
  for (const section of sections) {
    children.push(new Paragraph({ spacing: LINE, indent: { firstLine: FIRST_LINE_INDENT }, children: [new TextRun({ text: section.title, font: HEADING_FONT, size: BODY_SIZE })] }));
    for (const paragraph of section.paragraphs) {
      children.push(new Paragraph({ spacing: LINE, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE_INDENT }, children: [new TextRun({ text: paragraph, font: BODY_FONT, size: BODY_SIZE })] }));
    }
  }
  return Packer.toBuffer(
    new Document({
      creator: 'Tanxin',
      title,
      styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
      sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
    }),
  );
}

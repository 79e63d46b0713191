import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';

/** A table as both formats write it: a title, column headers, rows of text and numbers. */
export interface TableDocument {
  title: string;
  subtitle?: string;
  columns: Array<{ header: string; width: number }>;
  rows: Array<Array<string | number>>;
  /** Wide tables (the 整改台账) are printed across the page. */
  landscape?: boolean;
}

/** The width of an A4 page less 2.54 cm margins, in twips, as Word lays a table out. */
const TEXT_WIDTH = { portrait: 11906 - 2 * 1440, landscape: 16838 - 2 * 1440 };

/** The table as a workbook: a bold header row, wrapped text, columns as wide as asked. */
export async function tableAsXlsx(document: TableDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tanxin';
  const sheet = workbook.addWorksheet(document.title.slice(0, 31));
  sheet.columns = document.columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of document.rows) sheet.addRow(row).alignment = { vertical: 'top', wrapText: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The table as a Word document, with its title and an optional paragraph above it; a cell's lines stay lines. */
export async function tableAsDocx(document: TableDocument): Promise<Buffer> {
  const cell = (text: string | number, bold = false) =>
    new TableCell({ children: String(text).split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })) });
  // Columns as wide as asked, in proportion, across the page's text width.
  const totalWidth = document.columns.reduce((sum, column) => sum + column.width, 0);
  const textWidth = document.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: document.columns.map((column) => Math.round((column.width / totalWidth) * textWidth)),
    rows: [
      new TableRow({ tableHeader: true, children: document.columns.map((column) => cell(column.header, true)) }),
      ...document.rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) })),
    ],
  });
  return docxOf([heading(document.title), ...(document.subtitle ? [new Paragraph(document.subtitle)] : []), table], document.landscape);
}

/** A report: a title and paragraphs. */
export async function reportAsDocx(title: string, paragraphs: string[]): Promise<Buffer> {
  return docxOf([heading(title), ...paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 200 } }))]);
}

function heading(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER });
}

async function docxOf(children: Array<Paragraph | Table>, landscape = false): Promise<Buffer> {
  const properties = landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {};
  return Packer.toBuffer(new Document({ creator: 'Tanxin', sections: [{ properties, children }] }));
}

import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { html, SafeHtml } from '../web/html';
import { IssuedTokens } from './survey.views';

export interface TokenSheet extends IssuedTokens {
  surveyTitle: string;
  departmentName: string | null;
}

const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 1 } as const;

/**
 * The print view: one card per token with its QR code and link, twelve to an A4 page, to cut
 * apart and hand out. Opened in a browser and printed; nothing on it is loaded from elsewhere.
 */
export async function renderTokenSheetHtml(sheet: TokenSheet): Promise<string> {
  const cards = await Promise.all(
    sheet.urls.map(async (url) => {
      const svg = new SafeHtml(await QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' }));
      return html`<section class="card">
  <h2>${sheet.surveyTitle}</h2>
  ${sheet.departmentName ? html`<p class="dept">${sheet.departmentName}</p>` : ''}
  <div class="qr">${svg}</div>
  <p class="url">${url}</p>
  <p class="note">微信或手机相机扫码填写，每个二维码只能提交一次</p>
</section>`;
    }),
  );
  return `<!doctype html>${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<title>${sheet.surveyTitle} · 填写码（${sheet.tokens.length} 张）</title>
<style>${new SafeHtml(PRINT_STYLE)}</style>
</head>
<body>
<header class="screen-only"><h1>${sheet.surveyTitle} · 填写码 ${sheet.tokens.length} 张${sheet.departmentName ? `（${sheet.departmentName}）` : ''}</h1>
<p>填写码只在这一次显示，系统不保存它们本身：请现在打印或保存本页（浏览器菜单“打印”，可选“另存为 PDF”）。</p></header>
<div class="sheet">${cards}</div>
</body>
</html>`}`;
}

const PRINT_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:12px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#111}
header{padding:1rem 1.5rem;background:#fdf3f2;border-bottom:1px solid #e5c7c3}
header h1{font-size:1.2rem;margin:0 0 .25rem}
.sheet{display:grid;grid-template-columns:repeat(3,1fr);gap:0;padding:8mm}
.card{border:1px dashed #999;padding:5mm;text-align:center;break-inside:avoid;page-break-inside:avoid;height:66mm}
.card h2{font-size:11pt;margin:0 0 1mm;line-height:1.3}
.dept{margin:0;color:#555}
.qr svg{width:34mm;height:34mm}
.url{font:8pt ui-monospace,Menlo,Consolas,monospace;word-break:break-all;margin:1mm 0}
.note{font-size:8pt;color:#555;margin:0}
@page{size:A4;margin:0}
@media print{.screen-only{display:none}.sheet{padding:8mm}}
`;

/**
 * The same sheet as a workbook (xlsx, chosen over PDF: the organiser's office edits and merges
 * sheets, and a PDF would need a Chinese font shipped with the server): one row per token with
 * its number, department, link and QR code.
 */
export async function renderTokenSheetXlsx(sheet: TokenSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tanxin';
  const worksheet = workbook.addWorksheet('填写码');
  worksheet.columns = [
    { header: '序号', key: 'number', width: 8 },
    { header: '部门', key: 'department', width: 20 },
    { header: '填写链接', key: 'url', width: 60 },
    { header: '二维码', key: 'qr', width: 18 },
  ];
  worksheet.getRow(1).font = { bold: true };
  for (const [index, url] of sheet.urls.entries()) {
    const row = worksheet.addRow({ number: index + 1, department: sheet.departmentName ?? '', url });
    row.height = 96;
    row.alignment = { vertical: 'middle', wrapText: true };
    const png = await QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width: 240 });
    const image = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    worksheet.addImage(image, { tl: { col: 3, row: index + 1 }, ext: { width: 120, height: 120 }, editAs: 'oneCell' });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

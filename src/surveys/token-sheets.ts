import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { html, SafeHtml } from '../web/html';
import { IssuedTokens } from './survey.views';

export interface TokenSheet extends IssuedTokens {
  surveyTitle: string;
  departmentName: string | null;
}

const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 1 } as const;

/** What the workbench's copy of the sheet adds on screen (never printed). */
export interface TokenSheetScreen {
  /** The survey's page, to go back to. */
  back?: string;
  /** PUBLIC_BASE_URL is unset: the links printed point to this machine. */
  localAddress?: boolean;
}

/**
 * The print view: one card per token with its QR code and link, twelve to an A4 page, to cut
 * apart and hand out. Opened in a browser and printed; nothing on it is loaded from elsewhere.
 */
export async function renderTokenSheetHtml(sheet: TokenSheet, screen: TokenSheetScreen = {}): Promise<string> {
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
<p>填写码只在这一次显示，系统不保存它们本身：请现在打印或保存本页（浏览器菜单“打印”，可选“另存为 PDF”）。</p>
${screen.localAddress ? html`<p class="warning" role="alert">注意：卡片上的链接是本机地址（${sheet.urls[0] ?? ''}），别人的手机打不开。请系统管理员设置 PUBLIC_BASE_URL 后重新生成。</p>` : ''}
${screen.back ? html`<p><a href="${screen.back}">← 返回征求意见表</a></p>` : ''}</header>
<div class="sheet">${cards}</div>
</body>
</html>`}`;
}

// Four rows of three cards fill the A4 page inside the printer's 8 mm margin (4 × 70 mm of its
// 281 mm). Each card's height is fixed, so its contents are sized to fit it (at most two lines of
// title, link and note) and clipped as a last resort: nothing may run past the dashed cutting line.
const PRINT_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:12px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#111}
header{padding:1rem 1.5rem;background:#fdf3f2;border-bottom:1px solid #e5c7c3}
header h1{font-size:1.2rem;margin:0 0 .25rem}
header a{color:#a61b1b}
.warning{color:#b42318;font-weight:600;word-break:break-all}
.sheet{display:grid;grid-template-columns:repeat(3,1fr);gap:0;padding:8mm;max-width:210mm}
.card{border:1px dashed #999;padding:4mm 4mm 3mm;text-align:center;break-inside:avoid;page-break-inside:avoid;height:70mm;overflow:hidden;display:flex;flex-direction:column;align-items:center}
.card h2{font-size:10pt;margin:0 0 1mm;line-height:1.25;max-height:2.5em;overflow:hidden}
.dept{margin:0;color:#555;font-size:9pt;line-height:1.3;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:100%}
.qr{margin:1mm 0}
.qr svg{display:block;width:30mm;height:30mm}
.url{font:7.5pt/1.3 ui-monospace,Menlo,Consolas,monospace;word-break:break-all;margin:0 0 1mm;max-height:2.6em;overflow:hidden}
.note{font-size:7.5pt;line-height:1.3;color:#555;margin:auto 0 0}
@page{size:A4;margin:8mm}
@media print{.screen-only{display:none}.sheet{padding:0;max-width:none}}
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

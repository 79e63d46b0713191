import { html, SafeHtml } from '../../web/html';

export interface BoxPoster {
  boxId: string;
  meetingId: string;
  title: string;
  meetingTitle: string;
  /** The box page's address as printed (PUBLIC_BASE_URL + /b/slug). */
  url: string;
  /** The receipt look-up's address as printed. */
  receiptUrl: string;
  /** The box's QR code (SVG markup from the qrcode library, not from anyone's input). */
  qrSvg: string;
  accessCode: string | null;
  releaseThreshold: number;
  /** The release hours, e.g. "07:00、13:00". */
  releaseHours: string;
  open: boolean;
  /** Set when PUBLIC_BASE_URL is not: the address printed would be this localhost one. */
  localAddress: boolean;
}

/**
 * The A4 poster (`/boxes/:id/poster`): what a writer needs at the notice board — the QR code,
 * the short address in large type, the access code, what is and is not recorded, and when the
 * opinions are read. Its own document, not the workbench shell: printed, it is the poster alone;
 * on screen a bar above it (not printed) says how to print and warns of a localhost address.
 */
export function renderBoxPoster(poster: BoxPoster): string {
  return `<!doctype html>${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>海报 · ${poster.title}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="screen-only bar">
  <p><a href="/meetings/${poster.meetingId}/boxes">← 返回意见箱</a></p>
  <p>用浏览器的“打印”功能打印本页（A4 纵向；也可“另存为 PDF”）。这一栏不会打印出来。</p>
  ${poster.localAddress
    ? html`<p class="warning" id="localhost-warning" role="alert">注意：海报上印的地址是 ${poster.url}，这是本机地址，别人的手机打不开。请系统管理员把 PUBLIC_BASE_URL 设置为大家访问本系统所用的地址，重启后再打印。</p>`
    : ''}
  ${poster.open ? '' : html`<p class="warning" role="status">这个意见箱已经关闭，不再接收意见。</p>`}
</div>
<article class="poster">
  ${poster.title.includes(poster.meetingTitle) ? '' : html`<p class="meeting">${poster.meetingTitle}</p>`}
  <h1>${poster.title}</h1>
  <p class="invite">欢迎对领导班子和班子成员提出意见建议</p>
  <div class="qr" role="img" aria-label="意见箱二维码">${new SafeHtml(poster.qrSvg)}</div>
  <p class="scan">微信或手机相机扫码填写，也可在浏览器中输入：</p>
  <p class="url" id="poster-url">${poster.url}</p>
  ${poster.accessCode ? html`<p class="code">访问码：<strong id="poster-access-code">${poster.accessCode}</strong></p>` : ''}
  <section class="promise">
    <h2>匿名承诺</h2>
    <ul>
      <li>不记录姓名、账号、IP 地址、设备，只记录日期。</li>
      <li>组织者看不到是谁写的。</li>
      <li>您写的文字会原样转给班子成员阅读，请不要写入能认出您本人的细节。</li>
      <li>收到后给回执码，可凭回执码在 ${poster.receiptUrl} 查询办理情况。</li>
    </ul>
    <h2>何时整理</h2>
    <p id="poster-release">为保护匿名，意见不逐条公开：意见满 ${poster.releaseThreshold} 条后，在每天 ${poster.releaseHours} 统一整理，纳入意见清单。</p>
  </section>
</article>
</body>
</html>`}`;
}

const STYLE = new SafeHtml(`
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#e9ebee}
.bar{max-width:210mm;margin:0 auto;padding:.75rem 1rem;font-size:.95rem}
.bar p{margin:.25rem 0}
.bar a{color:#a61b1b}
.warning{background:#fdecea;color:#b42318;border-radius:.4rem;padding:.6rem .75rem;font-weight:600;word-break:break-all}
.poster{width:100%;max-width:210mm;min-height:297mm;margin:0 auto 1rem;padding:16mm 16mm 12mm;background:#fff;text-align:center;display:flex;flex-direction:column;align-items:center}
.meeting{font-size:15pt;color:#57606a;margin:0}
h1{font-size:28pt;line-height:1.25;color:#a61b1b;margin:3mm 0 2mm}
.invite{font-size:15pt;margin:0 0 6mm}
.qr{width:95mm;max-width:80vw}
.qr svg{display:block;width:100%;height:auto}
.scan{font-size:13pt;margin:4mm 0 1mm}
.url{font:700 20pt/1.3 ui-monospace,Menlo,Consolas,monospace;word-break:break-all;margin:0}
.code{font-size:18pt;margin:4mm 0 0}
.code strong{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.1em;border:2px solid #a61b1b;border-radius:2mm;padding:0 3mm}
.promise{margin-top:auto;padding-top:6mm;text-align:left;width:100%;border-top:1px solid #d0d5dc;font-size:12.5pt}
.promise h2{font-size:13pt;color:#a61b1b;margin:3mm 0 1mm}
.promise ul{margin:0;padding-left:6mm}
.promise p{margin:0}
@media (max-width:40rem){.poster{min-height:0;padding:1.25rem 1rem}h1{font-size:1.6rem}.url{font-size:1.15rem}.meeting,.invite{font-size:1rem}.promise{font-size:.95rem}}
@page{size:A4;margin:0}
@media print{
  body{background:#fff}
  .screen-only{display:none}
  .poster{max-width:none;width:210mm;height:297mm;min-height:0;margin:0;overflow:hidden;break-after:avoid}
}
`);

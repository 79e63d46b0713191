import { html, SafeHtml } from './html';

export const SCRIPT_PATH = '/assets/tanxin.js';
export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** What one page adds to the shell: its own scripts (from this origin) and styles. */
export interface PageOptions {
  scripts?: readonly string[];
  style?: SafeHtml;
  /** Above the page's main part: the signed-in pages' header (see workbench.ts). */
  header?: SafeHtml;
  /** A class on the body: `wb` for the signed-in pages, wide on a desktop. */
  bodyClass?: string;
}

/**
 * The shell of every public page: Chinese, readable on a 320 px phone, nothing loaded from
 * elsewhere (no CDN, font, analytics or cookie). The one script only adds conveniences (a live
 * character count, a copy button); every page works without it.
 */
export function page(title: string, body: SafeHtml, options: PageOptions = {}): string {
  return `<!doctype html>${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>${STYLE}</style>
${options.style ? html`<style>${options.style}</style>` : ''}
<script src="${SCRIPT_PATH}" defer></script>
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body${options.bodyClass ? html` class="${options.bodyClass}"` : ''}>
${options.header ?? ''}
<main>${body}</main>
</body>
</html>`}`;
}

/** A message box on a page: `error` in red, `notice` in grey. */
export function alert(kind: 'error' | 'notice', message: string | null | undefined): SafeHtml {
  return message ? html`<p class="alert ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${message}</p>` : html``;
}

const STYLE = new SafeHtml(`
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f6f7f9}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;line-height:1.4;margin:.5rem 0 1rem;color:#a61b1b}
p{margin:.5rem 0}
.lead{color:#57606a;font-size:.95rem}
form{background:#fff;border-radius:.5rem;padding:1rem;box-shadow:0 1px 2px rgba(0,0,0,.06)}
label{display:block;font-weight:600;margin:1rem 0 .35rem}
label:first-child{margin-top:0}
.hint{font-weight:400;color:#57606a;font-size:.85rem}
select,textarea,input{width:100%;font:inherit;padding:.6rem;border:1px solid #c9ced6;border-radius:.4rem;background:#fff}
label>input,label>select,label>textarea{font-weight:400}
:focus-visible{outline:3px solid #0969da;outline-offset:2px}
textarea{min-height:10rem;resize:vertical}
.count{display:block;text-align:right;color:#57606a;font-size:.85rem}
.count.over{color:#b42318}
button,.button{display:block;width:100%;margin-top:1rem;padding:.8rem;font:inherit;font-weight:600;color:#fff;background:#b42318;border:0;border-radius:.4rem;text-align:center;text-decoration:none}
button.secondary{background:#57606a}
.alert{padding:.75rem;border-radius:.4rem}
.alert.error{background:#fdecea;color:#b42318}
.alert.notice{background:#eef1f4;color:#1f2328}
.receipt{font:700 min(1.6rem,6.4vw)/1.3 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;letter-spacing:.05em;text-align:center;background:#fff;border:2px dashed #b42318;border-radius:.5rem;padding:1rem .5rem;margin:1rem 0;white-space:nowrap;overflow-x:auto;user-select:all}
.status{font-size:1.2rem;font-weight:700}
.answer{background:#fff;border-left:4px solid #b42318;padding:.75rem;white-space:pre-wrap}
.privacy{margin-top:1.5rem;font-size:.85rem;color:#57606a}
.question{border:0;border-top:1px solid #eef1f4;margin:0;padding:1rem 0 .5rem;min-width:0}
.question:first-of-type{border-top:0;padding-top:0}
.question legend{float:left;width:100%;font-weight:600;padding:0;margin-bottom:.5rem}
.question legend+*{clear:both}
.question.invalid textarea,.question.invalid .choice{border-color:#b42318}
.required{color:#b42318}
.field-error{color:#b42318;font-size:.9rem;margin:.25rem 0 .5rem}
.choice{display:flex;align-items:center;gap:.6rem;font-weight:400;margin:.35rem 0;padding:.6rem .75rem;border:1px solid #c9ced6;border-radius:.4rem;background:#fff}
.choice input{width:auto;margin:0;flex:none}
.rating .choice{display:inline-flex;margin-right:.35rem}
.item{background:#fff;border-radius:.5rem;padding:1rem;margin:.75rem 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.item .summary{font-weight:600;margin-top:0}
.item form{background:none;box-shadow:none;padding:0}
.item form.claim{display:flex;gap:.5rem}
.item form.claim button{margin-top:.5rem}
.sources{padding-left:1.2rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
form.error-logout{background:none;box-shadow:none;padding:0}
form.error-logout button{display:inline-block;width:auto;padding:.5rem 1.25rem;margin-top:.5rem}
h3.aspect{font-size:1rem;color:#a61b1b;margin:1.25rem 0 .25rem}
`);

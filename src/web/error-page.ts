import { html, SafeHtml } from './html';
import { alert, page } from './layout';
import { Viewer, workbenchPage } from './workbench';

/** What the error page is told: the answer's status and message, and whose page it was. */
export interface ErrorPageOf {
  status: number;
  message: string;
  /**
   * An anonymous page (the box, the receipt look-up, the survey): its writer has no account, so
   * the way on is the receipt look-up, not a sign-in.
   */
  anonymous: boolean;
  /** Quoted to an administrator after a server error; never shown on an anonymous page, where it is not logged. */
  requestId?: string;
}

/** The heading by status: what happened, in a word; the message says the rest. */
const HEADINGS: Partial<Record<number, string>> = {
  400: '提交的内容有误',
  401: '请先登录',
  403: '无权访问',
  404: '找不到该页面',
  413: '提交的内容过大',
  429: '操作太频繁',
  500: '服务器出错了',
  503: '服务暂时不可用',
  504: '暂时无法确认是否已保存',
};

export function errorHeading(status: number): string {
  return HEADINGS[status] ?? (status >= 500 ? '服务器出错了' : '无法完成');
}

/**
 * Any refusal or failure on a page (unknown box, a role the page is not for, too many requests …),
 * headed by its status. A writer on an anonymous page is pointed to the receipt look-up; anyone
 * else to the home page, the sign-in, and the sign-out (a 403 often means the wrong account).
 */
export function renderErrorPage(error: ErrorPageOf, viewer?: Viewer): string {
  const heading = errorHeading(error.status);
  // A signed-in page's refusal keeps the person's header and menu: the way on is one click away.
  if (viewer && !error.anonymous) {
    return workbenchPage(heading, viewer, html`<h1>${heading}</h1>
${alert('error', error.message)}
${error.status >= 500 && error.requestId ? html`<p class="hint">请求编号：<code>${error.requestId}</code></p>` : ''}
<p><a href="/">返回首页</a></p>
${error.status === 403 ? html`<p class="hint">如需换一个账号，请先退出登录。</p>` : ''}`);
  }
  return page(heading, html`
<h1>${heading}</h1>
${alert('error', error.message)}
${error.anonymous ? anonymousWaysOn() : signedInWaysOn(error)}`);
}

function anonymousWaysOn(): SafeHtml {
  return html`<p><a href="/r">查询意见办理情况</a>（凭回执码）</p>`;
}

function signedInWaysOn(error: ErrorPageOf): SafeHtml {
  return html`${error.status >= 500 && error.requestId ? html`<p class="hint">请求编号：<code>${error.requestId}</code></p>` : ''}
<p><a href="/">返回首页</a> · <a href="/login">登录</a></p>
<form method="post" action="/logout" class="error-logout">
  ${error.status === 401 || error.status === 403 ? html`<p class="hint">如需换一个账号，请先退出登录。</p>` : ''}
  <button type="submit" class="secondary">退出登录</button>
</form>`;
}

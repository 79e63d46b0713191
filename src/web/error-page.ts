import { html } from './html';
import { alert, page } from './layout';

/** Any refusal on a page (unknown box, too many requests …), in words; the status says the rest. */
export function renderErrorPage(message: string): string {
  return page('无法完成', html`
<h1>无法完成</h1>
${alert('error', message)}
<p><a href="/r">查询意见办理情况</a></p>`);
}

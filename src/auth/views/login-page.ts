import { html } from '../../web/html';
import { alert, page } from '../../web/layout';

/** 登录: for everyone with an account (organisers, team members, supervisors). Staff write without one. */
/** `next`: where to go once signed in; without it, the landing page of the account's role. */
export function renderLogin(options: { next?: string; username?: string; error?: string }): string {
  return page('登录', html`
<h1>登录</h1>
<p class="lead">组织者登录后设置民主生活会、整理和发布意见清单；班子成员登录后认领和答复意见、记录谈心谈话；督导组登录后查看筹备进度和意见清单。干部职工提意见不需要登录。</p>
${alert('error', options.error)}
<form id="login-form" method="post" action="/login">
  ${options.next ? html`<input type="hidden" name="next" value="${options.next}">` : ''}
  <label for="username">用户名</label>
  <input id="username" name="username" required autocomplete="username" value="${options.username ?? ''}">
  <label for="password">密码</label>
  <input id="password" name="password" type="password" required autocomplete="current-password">
  <button id="login" type="submit">登录</button>
</form>`);
}

import { html } from '../../web/html';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';

/** 修改密码: the current password, the new one twice. Nothing typed comes back on a refusal: they are passwords. */
export function renderPasswordPage(viewer: Viewer, view: { notice?: string; error?: string }): string {
  return workbenchPage('修改密码', viewer, html`
<h1>修改密码</h1>
${alert('notice', view.notice)}
${alert('error', view.error)}
<form method="post" action="/me/password" class="card narrow" id="password-form">
  <label for="currentPassword">当前密码</label>
  <input id="currentPassword" name="currentPassword" type="password" required autocomplete="current-password">
  <label for="newPassword">新密码 <span class="hint">（至少 8 位）</span></label>
  <input id="newPassword" name="newPassword" type="password" required minlength="8" maxlength="200" autocomplete="new-password">
  <label for="confirmPassword">再次输入新密码</label>
  <input id="confirmPassword" name="confirmPassword" type="password" required minlength="8" maxlength="200" autocomplete="new-password">
  <button type="submit" id="change-password">修改密码</button>
</form>
<p class="hint">修改后，您在其他设备和浏览器上的登录会全部退出。</p>`, { current: '/me/password', style: html`.wb form.narrow{max-width:28rem}` });
}

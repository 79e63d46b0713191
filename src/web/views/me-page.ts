import { Role } from '../../common/roles';
import { html, SafeHtml } from '../html';
import { menuOf, Viewer, workbenchPage } from '../workbench';

export const ME_PATH = '/me';

/** What each of the other menu entries is for, in a line. */
const WHAT_IT_IS: Record<string, string> = {
  '/meetings': '民主生活会的筹备：设置、征求意见、意见清单、进度',
  '/people': '部门、账号和班子成员',
  '/me/items': '认领并答复与您有关的意见',
  '/me/talks': '记录、确认谈心谈话',
  '/me/material': '对照检查材料的撰写与审核',
  '/me/rectifications': '报告由您负责的整改事项；主要负责同志销号',
};

/**
 * 我的首页 (`/me`): where an account lands that has no page of its own (a staff account, 干部职工),
 * and what any account may open to see what it can do here. Above all it says how staff write:
 * without signing in, through the links the party office hands out, which is what keeps them
 * anonymous; and that their own account is for none of it.
 */
export function renderMePage(viewer: Viewer): string {
  const others = menuOf(viewer).filter((link) => link.href !== ME_PATH);
  return workbenchPage('我的首页', viewer, html`
<h1>您好，${viewer.name}</h1>
<section class="card" id="write">
  <h2>提意见建议</h2>
  <p>向<strong>意见箱</strong>提意见，或填写<strong>征求意见表</strong>，请使用党办发放、张贴的链接或二维码（征求意见表另附填写码）。<strong>不需要登录</strong>。</p>
  <p>提意见时请不要使用本账号，也不必先登录：意见与任何账号都不关联，系统不记录是谁、在哪里、几点提交的，谁也无法知道意见是谁提的。这正是匿名的保障。</p>
  <p>提交后会得到一个<strong>回执码</strong>，请自行保存。凭回执码可以查询意见是否已列入意见清单、由哪位班子成员认领、如何答复。</p>
  <p><a class="button small" href="/r" id="receipt-link">查询意见办理情况</a></p>
</section>
${viewer.roles.includes(Role.Staff) ? talksCard() : ''}
${others.length ? html`<section class="card" id="other-pages">
  <h2>您的账号还可以使用</h2>
  <ul>${others.map((link) => html`<li><a href="${link.href}">${link.label}</a>${WHAT_IT_IS[link.href] ? html`<span class="muted">：${WHAT_IT_IS[link.href]}</span>` : ''}</li>`)}</ul>
</section>` : ''}`, { current: ME_PATH });
}

/** A department head or branch member talks with their overseeing team member, and confirms the record. */
function talksCard(): SafeHtml {
  return html`<section class="card" id="talks">
  <h2>谈心谈话</h2>
  <p>班子成员与您谈心谈话后，会在系统中登记；请到 <a href="/me/talks">谈心谈话</a> 页面确认记录，或提出更正。</p>
</section>`;
}

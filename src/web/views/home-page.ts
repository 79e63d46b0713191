import { html } from '../html';
import { page } from '../layout';

/** 首页: where a browser that opens the bare address is told where to go, by who they are. */
export function renderHome(): string {
  return page('谈心 · 民主生活会筹备', html`
<h1>谈心</h1>
<p class="lead">民主生活会会前准备：征求意见、谈心谈话、意见清单的认领与答复。</p>
<h2>提意见的同志</h2>
<p>请打开单位张贴或发送的意见箱二维码、链接，或征求意见表上的填写码链接，不需要登录，也不会记录您是谁。</p>
<p><a href="/r">查询回执码</a>：看看您提的意见办到了哪一步。</p>
<h2>班子成员、组织者、督导组</h2>
<p><a href="/login">登录</a> 后查看、认领和答复意见清单中的意见，或查看筹备进度看板。</p>
<h2>接入其他系统</h2>
<p><a href="/api/docs">接口文档</a>（OpenAPI）。</p>`);
}

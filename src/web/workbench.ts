import { Actor } from '../common/actor';
import { Role } from '../common/roles';
import { html, SafeHtml } from './html';
import { page, PageOptions } from './layout';

/** The signed-in person a page is drawn for: what they may do, and the name its header shows. */
export interface Viewer {
  actor: Actor;
  userId: string;
  name: string;
  roles: Role[];
}

/** The meeting a page belongs to, for its tabs. */
export interface MeetingTabsOf {
  id: string;
  title: string;
}

export interface WorkbenchOptions extends Omit<PageOptions, 'header' | 'bodyClass'> {
  /** The meeting the page is about: the meeting's tabs under the header. */
  meeting?: MeetingTabsOf;
  /** The address of this page's tab or menu entry, marked as current (e.g. `/meetings/:id/items`). */
  current?: string;
}

interface Link {
  href: string;
  label: string;
}

/**
 * The shell of every signed-in page (组织者工作台, 班子成员, 督导组): the person's name and
 * sign-out on every page, a menu of what their roles may open, and, on a meeting's pages, the
 * meeting's tabs. Wide on a desktop, one column on a phone; nothing loaded from elsewhere.
 */
export function workbenchPage(title: string, viewer: Viewer, body: SafeHtml, options: WorkbenchOptions = {}): string {
  const current = options.current;
  const header = html`<header class="top">
  <a class="brand" href="/">谈心</a>
  <nav class="menu" aria-label="功能">${menuOf(viewer).map((link) => navLink(link, current))}</nav>
  <span class="who"><a class="name" href="/me/password" title="修改密码">${viewer.name}</a><form method="post" action="/logout" class="logout"><button type="submit" id="logout" class="link">退出登录</button></form></span>
</header>
${options.meeting ? meetingTabs(options.meeting, viewer, current) : ''}`;
  return page(title, body, { ...options, header, bodyClass: 'wb', style: options.style ? html`${WORKBENCH_STYLE}${options.style}` : WORKBENCH_STYLE });
}

function navLink(link: Link, current: string | undefined): SafeHtml {
  const here = current !== undefined && (current === link.href || current.startsWith(`${link.href}/`));
  return html`<a href="${link.href}"${here ? html` aria-current="page"` : ''}>${link.label}</a>`;
}

/** What each role opens: the union for someone holding several. */
export function menuOf(viewer: Pick<Viewer, 'roles'>): Link[] {
  const has = (role: Role) => viewer.roles.includes(role);
  const links: Link[] = [];
  if (has(Role.Organiser) || has(Role.Supervisor)) links.push({ href: '/meetings', label: '民主生活会' });
  if (has(Role.Organiser) || has(Role.Admin)) links.push({ href: '/people', label: '人员与账号' });
  // A parent body's structure: its units and which 督导组 watches which.
  if (has(Role.Admin)) links.push({ href: '/supervision/groups', label: '下属单位与督导组' });
  if (has(Role.Supervisor)) links.push({ href: '/supervision', label: '督导单位' });
  if (has(Role.Leader)) {
    links.push({ href: '/me/items', label: '我的意见清单' }, { href: '/me/talks', label: '谈心谈话' }, { href: '/me/material', label: '对照检查材料' }, { href: '/me/rectifications', label: '我的整改' });
  }
  if (links.length === 0) links.push({ href: '/me', label: '首页' });
  return links;
}

/** A meeting's tabs: the organiser's steps in order; a supervisor's read-only two. */
export function meetingTabsFor(meeting: MeetingTabsOf, viewer: Pick<Viewer, 'roles'>): Link[] {
  const base = `/meetings/${meeting.id}`;
  if (!viewer.roles.includes(Role.Organiser)) {
    return [
      { href: `${base}/board`, label: '筹备进度' },
      { href: `${base}/list`, label: '意见清单' },
      { href: `${base}/materials`, label: '对照检查材料' },
      { href: `${base}/rectifications`, label: '整改台账' },
    ];
  }
  return [
    { href: base, label: '概况' },
    { href: `${base}/team`, label: '班子' },
    { href: `${base}/boxes`, label: '意见箱' },
    { href: `${base}/surveys`, label: '征求意见表' },
    { href: `${base}/records`, label: '座谈会与书面征询' },
    { href: `${base}/items`, label: '意见清单' },
    { href: `${base}/claims`, label: '认领与答复' },
    { href: `${base}/materials`, label: '对照检查材料' },
    { href: `${base}/rectifications`, label: '整改台账' },
    { href: `${base}/board`, label: '筹备进度' },
  ];
}

function meetingTabs(meeting: MeetingTabsOf, viewer: Viewer, current: string | undefined): SafeHtml {
  return html`<nav class="tabs" aria-label="${meeting.title}">
  <span class="meeting-title">${meeting.title}</span>
  ${meetingTabsFor(meeting, viewer).map((link) => html`<a href="${link.href}"${link.href === current ? html` aria-current="page"` : ''}>${link.label}</a>`)}
</nav>`;
}

/** The workbench's styles, on top of the public pages' (layout.ts): wider, denser, buttons inline. */
const WORKBENCH_STYLE = new SafeHtml(`
body.wb main{max-width:76rem;padding:1rem 1.25rem 3rem}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;padding:.5rem 1.25rem;background:#a61b1b;color:#fff}
.top a{color:#fff;text-decoration:none}
.top .brand{font-weight:700;font-size:1.1rem;letter-spacing:.1em}
.top .menu{display:flex;flex-wrap:wrap;gap:.25rem 1rem;flex:1 1 auto}
.top .menu a{padding:.25rem 0;border-bottom:2px solid transparent}
.top .menu a[aria-current]{border-bottom-color:#fff;font-weight:600}
.top .who{display:flex;align-items:center;gap:.75rem;font-size:.9rem}
.top form.logout{background:none;box-shadow:none;padding:0;margin:0}
button.link,.wb button.link{display:inline;width:auto;margin:0;padding:0;background:none;border:0;color:inherit;text-decoration:underline;font-weight:400;font-size:inherit;cursor:pointer}
.tabs{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;padding:.5rem 1.25rem;background:#fff;border-bottom:1px solid #e1e4e8;font-size:.95rem}
.tabs .meeting-title{font-weight:700;color:#a61b1b;margin-right:.5rem;flex-basis:100%}
.tabs a{color:#1f2328;text-decoration:none;padding:.2rem 0;border-bottom:2px solid transparent;white-space:nowrap}
.tabs a[aria-current]{border-bottom-color:#b42318;color:#b42318;font-weight:600}
.wb h1{margin-top:.75rem}
.wb button,.wb .button{display:inline-block;width:auto;margin:.5rem .5rem 0 0;padding:.5rem 1rem;cursor:pointer}
.wb button.small,.wb .button.small{padding:.25rem .6rem;font-size:.85rem;margin-top:.25rem}
.wb button.quiet,.wb .button.quiet{background:#eef1f4;color:#1f2328;border:1px solid #c9ced6;font-weight:400}
.wb form.inline{display:inline;background:none;box-shadow:none;padding:0}
.wb .card{background:#fff;border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.wb .card h2:first-child{margin-top:0}
.wb .card form{box-shadow:none;padding:0}
.wb .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.wb .row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
.wb .row>label,.wb .row>div{flex:1 1 12rem;margin-top:.5rem;margin-bottom:0}
.wb table{width:100%;border-collapse:collapse;background:#fff;font-size:.95rem}
.wb th,.wb td{text-align:left;padding:.5rem;border-bottom:1px solid #eef1f4;vertical-align:top}
.wb th{font-weight:600;color:#57606a;font-size:.85rem;white-space:nowrap}
.wb .table-wrap{overflow-x:auto;background:#fff;border-radius:.5rem;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.wb .table-wrap td:first-child{min-width:7rem}
.wb .card .table-wrap{box-shadow:none}
.badge{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.8rem;background:#eef1f4;color:#1f2328;white-space:nowrap}
.badge.ok{background:#e6f4ea;color:#1a7f37}
.badge.warn{background:#fff4e5;color:#9a6700}
.badge.bad{background:#fdecea;color:#b42318}
.todo{list-style:none;padding:0}
.todo li{padding:.35rem 0 .35rem 1.5rem;position:relative}
.todo li::before{content:"○";position:absolute;left:0;color:#9a6700}
.todo li.done::before{content:"●";color:#1a7f37}
.figure{font-size:1.6rem;font-weight:700;color:#a61b1b}
.muted{color:#57606a}
:where(.wb main) a:not(.button){color:#0969da}
.top :focus-visible,.top button.link:focus-visible{outline-color:#fff}
@media (max-width:40rem){body.wb main{padding:.75rem}.wb th,.wb td{padding:.4rem .3rem}.top .who{width:100%;justify-content:space-between}}
@media print{.top,.tabs{display:none}}
`);

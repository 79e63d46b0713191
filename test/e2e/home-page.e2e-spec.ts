import { Role } from '../../src/common/roles';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg } from '../factories/organizations';
import { signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';

/** The page's text without its markup, for asserting what a person reads. */
function words(pageHtml: string): string {
  return pageHtml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe(`the home page (${driverName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leads a browser opening the bare address to writing, the receipt look-up, sign-in and the API, not to a JSON 404', async () => {
    const home = await t.http.get('/');
    expect({ status: home.status, type: home.headers['content-type'] }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    for (const link of ['href="/r"', 'href="/login"', 'href="/api/docs"']) expect(home.text).toContain(link);
    expect(home.text).toContain('不需要登录');
  });

  it('answers /favicon.ico with a small icon, cached for long, not a 404', async () => {
    const icon = await t.http.get('/favicon.ico').buffer(true).parse(binaryBody);
    const body = icon.body as Buffer;
    expect({ status: icon.status, type: icon.headers['content-type'], cache: icon.headers['cache-control'] }).toEqual({
      status: 200,
      type: 'image/x-icon',
      cache: expect.stringMatching(/^public, max-age=\d{6,}/),
    });
    // An ICO: reserved 0, type 1 (icon), one 16×16 image.
    expect({ header: [body.readUInt16LE(0), body.readUInt16LE(2), body.readUInt16LE(4), body[6], body[7]], small: body.length < 2_000 }).toEqual({ header: [0, 1, 1, 16, 16], small: true });
  });
});

describe(`我的首页 /me (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
  });
  afterAll(() => t.close());

  it('sends someone signed out to the sign-in page', async () => {
    const response = await t.http.get('/me');
    expect({ status: response.status, location: response.headers.location }).toEqual({ status: 303, location: '/login?next=%2Fme' });
  });

  it('tells a staff account what it can do here: write without signing in, through the office\'s links, and check with the receipt code', async () => {
    const staff = await org.user([Role.Staff], { displayName: '赵小兵' });
    const cookie = await signInToPages(t, staff.username);
    const page = await t.http.get('/me').set('cookie', cookie);
    expect({ status: page.status, type: page.headers['content-type'], cache: page.headers['cache-control'] }).toEqual({ status: 200, type: 'text/html; charset=utf-8', cache: 'no-store' });
    const text = words(page.text);
    expect(text).toContain('您好，赵小兵');
    for (const phrase of ['党办发放、张贴的链接或二维码', '不需要登录', '提意见时请不要使用本账号', '这正是匿名的保障', '回执码']) {
      expect({ phrase, onThePage: text.includes(phrase) }).toEqual({ phrase, onThePage: true });
    }
    expect(page.text).toContain('<a class="button small" href="/r" id="receipt-link">查询意见办理情况</a>');
    // A department head confirms the talks a team member logged with them.
    expect(page.text).toContain('<a href="/me/talks">谈心谈话</a>');
    // The shell: their name, the sign-out, and no pages of other roles.
    expect({ name: page.text.includes('title="修改密码">赵小兵</a>'), signOut: page.text.includes('action="/logout"'), otherPages: page.text.includes('id="other-pages"') }).toEqual({ name: true, signOut: true, otherPages: false });
  });

  it('lists the other pages of an account that holds more roles', async () => {
    const leader = await org.user([Role.Leader, Role.Staff]);
    const page = await t.http.get('/me').set('cookie', await signInToPages(t, leader.username)).expect(200);
    const others = /<section class="card" id="other-pages">[\s\S]*?<\/section>/.exec(page.text)?.[0] ?? '';
    expect([...others.matchAll(/<a href="([^"]+)">/g)].map((match) => match[1])).toEqual(['/me/items', '/me/talks', '/me/material', '/me/rectifications']);
  });
});

describe(`error pages (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
  });
  afterAll(() => t.close());

  /** The error page's heading, whether it points to the receipt look-up, and whether it offers the home page and the sign-out. */
  function read(pageHtml: string) {
    return {
      heading: /<h1>([^<]*)<\/h1>/.exec(pageHtml)?.[1],
      receiptLookUp: pageHtml.includes('href="/r"'),
      home: pageHtml.includes('<a href="/">返回首页</a>'),
      signOut: pageHtml.includes('action="/logout"'),
    };
  }

  it('heads a signed-in page\'s 404 "找不到该页面", with the way home and the sign-in/out, not the receipt look-up', async () => {
    const cookie = await signInToPages(t, (await org.user([Role.Organiser])).username);
    const response = await t.http.get('/no-such-page').set('cookie', cookie);
    expect({ status: response.status, ...read(response.text) }).toEqual({ status: 404, heading: '找不到该页面', receiptLookUp: false, home: true, signOut: true });
    expect(response.text).toContain('<a href="/login">登录</a>');
  });

  it('heads a refusal by role "无权访问", with its reason, and offers to sign out and in as someone else', async () => {
    const cookie = await signInToPages(t, (await org.user([Role.Staff])).username);
    const response = await t.http.get('/me/items').set('cookie', cookie);
    expect({ status: response.status, ...read(response.text) }).toEqual({ status: 403, heading: '无权访问', receiptLookUp: false, home: true, signOut: true });
    expect(response.text).toContain('意见清单页面供班子成员使用');
    expect(response.text).toContain('如需换一个账号，请先退出登录。');
    // In the person's own workbench: their name in the header, their menu.
    expect(response.text).toContain('title="修改密码">');
  });

  it('draws a signed-in page\'s refusal of a record (another organisation\'s meeting) in the person\'s workbench', async () => {
    const organiser = await org.user([Role.Organiser]);
    const cookie = await signInToPages(t, organiser.username);
    const other = await createOrg(t);
    const theirs = await createMeeting(t, other.admin);
    const response = await t.http.get(`/meetings/${theirs.id}/items`).set('cookie', cookie);
    expect({ status: response.status, ...read(response.text), name: response.text.includes(`title="修改密码">${organiser.displayName}</a>`) }).toEqual({
      status: 404, heading: '找不到该页面', receiptLookUp: false, home: true, signOut: true, name: true,
    });
  });

  it('points a writer on an anonymous page (a mistyped box link) to the receipt look-up, offering no sign-in', async () => {
    const response = await t.http.get('/b/no-such-box');
    expect({ status: response.status, ...read(response.text) }).toEqual({ status: 404, heading: '找不到该页面', receiptLookUp: true, home: false, signOut: false });
    expect(response.text).not.toContain('href="/login"');
  });

  it('keeps the API\'s errors as JSON with their codes', async () => {
    const response = await t.http.get('/api/v1/no-such-route');
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'ROUTE_NOT_FOUND' });
  });
});

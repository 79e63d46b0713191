import { Role } from '../../src/common/roles';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, DEADLINES, TestTeam } from '../factories/meetings';
import { createOrg, PASSWORD, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { dayInWords } from '../../src/web/dates';

/** An aspect an organiser typed with markup characters in it: the page must show it as text. */
const ODD_ASPECT = '作风<建设>&"效能"';
const ODD_ASPECT_ESCAPED = '作风&lt;建设&gt;&amp;&quot;效能&quot;';

describe(`the progress board /meetings/:id/board (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meetingId: string;
  let board: string;

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    meetingId = (await createMeeting(t, organiser, { title: '2026年度<专题>民主生活会', aspectPreset: undefined, aspects: ['理论学习', ODD_ASPECT] })).id;
    board = `/meetings/${meetingId}/board`;
    team = await createTeam(t, org, meetingId, 3);
    // k = 3: the box's three opinions are released together (by t.release() below).
    const box = await openBox(t, organiser, meetingId, { releaseThreshold: 3 });
    for (const text of ['理论学习走过场，联系实际不够。', '学习研讨流于形式，缺少深入交流。', '读原著学原文的时间偏少。']) await submitOpinion(t, box.slug, { text, aspect: '理论学习' });
    await t.http
      .post(`/api/v1/meetings/${meetingId}/symposiums`)
      .set(organiser.auth)
      .send({ heldOn: t.clock.today(), audience: '中层干部', attendeeCount: 8, opinions: [{ text: '督查检查频次偏高，基层负担重。', aspect: ODD_ASPECT }, { text: '文件材料偏多，会议时间偏长。', aspect: ODD_ASPECT }] })
      .expect(201);
    await t.http.post(`/api/v1/meetings/${meetingId}/talks`).set(team.secretary.auth).send({ counterpartUserId: team.members[0].id, heldOn: t.clock.today(), summary: '交流思想。' }).expect(201);
    await t.release();
  });
  afterAll(() => t.close());

  /** Signs in through the page, asking to come back to the board, and returns the session cookie. */
  async function signIn(user: TestUser): Promise<string> {
    const response = await t.http.post('/login').type('form').send({ username: user.username, password: PASSWORD, next: board });
    expect({ signIn: 'redirects back to the board', status: response.status, location: response.headers.location }).toEqual({ signIn: 'redirects back to the board', status: 303, location: board });
    return ([response.headers['set-cookie']].flat()[0] as string).split(';')[0];
  }

  async function boardAs(user: TestUser, query = ''): Promise<{ status: number; type: string; text: string }> {
    const response = await t.http.get(`${board}${query}`).set('cookie', await signIn(user));
    return { status: response.status, type: String(response.headers['content-type']), text: response.text };
  }

  it('sends someone signed out to the sign-in page, which brings them back to the board', async () => {
    const response = await t.http.get(board);
    expect({ status: response.status, location: response.headers.location }).toEqual({ status: 303, location: `/login?next=${encodeURIComponent(board)}` });
    const login = await t.http.get(response.headers.location).expect(200);
    expect(login.text).toContain(`name="next" value="${board}"`);
  });

  it('shows an organiser the meeting in Chinese: total, channels, items, talks, members and deadlines', async () => {
    const page = await boardAs(organiser);
    expect({ status: page.status, type: page.type }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    const text = page.text;
    expect(text).toContain('2026年度&lt;专题&gt;民主生活会');
    expect(text).toContain('当前阶段：<strong id="phase">筹备</strong>');
    expect(text).toContain('共收集 <strong id="opinions-total">5</strong> 条');
    expect(text).toMatch(/<dt>意见箱<\/dt><dd id="channel-box">3<\/dd>/);
    expect(text).toMatch(/<dt>座谈会<\/dt><dd id="channel-symposium">2<\/dd>/);
    expect(text).toContain('应谈 <strong id="talks-required">3</strong> 人次');
    expect(text).toMatch(/<dt>已谈<\/dt><dd id="talks-done">1<\/dd>/);
    expect(text).toMatch(/<dt>未谈<\/dt><dd id="talks-pending">2<\/dd>/);
    expect(text).toMatch(/<dt>草稿<\/dt><dd>[1-9]\d*<\/dd>/);
    expect(text).toContain(`<th scope="row">${team.secretary.displayName}</th><td>主要负责同志</td>`);
    expect(text).toContain('<td>未开始</td>');
    expect(text).toContain('<th scope="row">征求意见截止</th><td>2026年12月10日</td>');
  });

  it('draws the aspects as an SVG bar chart and the days as an SVG line, their text escaped', async () => {
    const { text } = await boardAs(organiser);
    expect(text).toMatch(/<svg class="chart" id="chart-aspects" role="img" aria-labelledby="chart-aspects-title chart-aspects-desc"[^>]*><title id="chart-aspects-title">意见建议按方面分布<\/title>/);
    expect(text).toContain('<title>理论学习：3 条</title>');
    expect(text).toContain(`<title>${ODD_ASPECT_ESCAPED}：2 条</title>`);
    expect({ 'raw markup from an aspect': text.includes('作风<建设>') }).toEqual({ 'raw markup from an aspect': false });
    expect(text).toMatch(/<svg class="chart" id="chart-days" role="img"[^>]*><title id="chart-days-title">每日收到的意见建议数<\/title>/);
    expect(text).toContain(`<title>${dayInWords(t.clock.today())}：5 条</title>`);
  });

  it('draws the talk grid with each required talk\'s status in words', async () => {
    const { text } = await boardAs(organiser);
    const grid = /<table class="talk-grid" id="talk-grid">[\s\S]*?<\/table>/.exec(text)?.[0] ?? '';
    expect({ gridFound: grid.length > 0 }).toEqual({ gridFound: true });
    const cells = (name: string) => (new RegExp(`<tr><th scope="row">${name}(?:<span class="hint">[^<]*</span>)?</th>(.*?)</tr>`).exec(grid)?.[1] ?? '').match(/<td class="talk-[^"]*"[^>]*>[^<]*<\/td>/g);
    // Columns: the secretary, then the two members, in team order. A pair is required once, so the member's row reads it back.
    expect({ secretaryRow: cells(team.secretary.displayName), firstMemberRow: cells(team.members[0].displayName) }).toEqual({
      secretaryRow: ['<td class="talk-self" aria-label="本人">·</td>', '<td class="talk-held">已谈</td>', '<td class="talk-pending">未谈</td>'],
      firstMemberRow: ['<td class="talk-held">已谈</td>', '<td class="talk-self" aria-label="本人">·</td>', '<td class="talk-pending">未谈</td>'],
    });
  });

  it('marks each deadline 未到, 今日, 已过 or 逾期 by the date and what is still undone', async () => {
    const shift = Date.parse(`${DEADLINES.talksUntil}T04:00:00Z`) - t.clock.now().getTime();
    t.clock.advance(shift);
    try {
      const { text } = await boardAs(organiser);
      const state = (label: string) => new RegExp(`<th scope="row">${label}</th><td>\\d{4}年\\d{1,2}月\\d{1,2}日</td><td><span class="state state-[a-z]+">([^<]+)</span>`).exec(text)?.[1];
      expect({ 征求意见截止: state('征求意见截止'), 谈心谈话截止: state('谈心谈话截止'), 会议召开: state('会议召开') }).toEqual({ 征求意见截止: '逾期', 谈心谈话截止: '今日', 会议召开: '未到' });

      // Its work done (every box closed), a passed deadline is only 已过.
      const boxes = (await t.http.get(`/api/v1/meetings/${meetingId}/boxes`).set(organiser.auth).expect(200)).body as Array<{ id: string }>;
      for (const box of boxes) await t.http.post(`/api/v1/boxes/${box.id}/close`).set(organiser.auth).expect(200);
      const after = (await boardAs(organiser)).text;
      expect(new RegExp(`<th scope="row">征求意见截止</th><td>\\d{4}年\\d{1,2}月\\d{1,2}日</td><td><span class="state state-passed">已过</span>`).test(after)).toBe(true);
    } finally {
      t.clock.advance(-shift);
    }
  });

  it('shows a supervisor the same figures, read-only: no form posts anywhere but the shell\'s sign-out', async () => {
    const supervisor = await org.user([Role.Supervisor]);
    for (const [who, page] of [['supervisor', await boardAs(supervisor)], ['organiser', await boardAs(organiser)]] as const) {
      expect({ who, status: page.status, totalShown: page.text.includes('<strong id="opinions-total">5</strong>') }).toEqual({ who, status: 200, totalShown: true });
      const main = /<main>[\s\S]*<\/main>/.exec(page.text)?.[0] ?? '';
      expect({ who, mainFound: main.length > 0, forms: main.match(/<form\b[^>]*>/gi) ?? [], posts: main.match(/method="post"/gi) ?? [] }).toEqual({ who, mainFound: true, forms: [], posts: [] });
      expect({ who, formsOutsideMain: page.text.match(/<form\b[^>]*>/gi) ?? [] }).toEqual({ who, formsOutsideMain: ['<form method="post" action="/logout" class="logout">'] });
    }
  });

  it('is on the workbench: the viewer\'s name and sign-out, the meeting\'s tabs with the board current, and the way to the list', async () => {
    const supervisor = await org.user([Role.Supervisor]);
    const asSupervisor = (await boardAs(supervisor)).text;
    expect({ name: asSupervisor.includes(`title="修改密码">${supervisor.displayName}</a>`), current: asSupervisor.includes(`<a href="${board}" aria-current="page">筹备进度</a>`) }).toEqual({ name: true, current: true });
    // The 督导组 reads the published list, from the tab and from the items' card.
    expect(asSupervisor).toContain(`<a href="/meetings/${meetingId}/list" id="list-link">`);
    // An organiser goes from the items' figures to the review page instead.
    const asOrganiser = (await boardAs(organiser)).text;
    expect({ review: asOrganiser.includes(`<a href="/meetings/${meetingId}/items" id="items-link">`), publishedList: asOrganiser.includes('id="list-link"') }).toEqual({ review: true, publishedList: false });
  });

  it('refuses a team member with a 403 page in Chinese', async () => {
    const page = await boardAs(team.members[0]);
    expect({ status: page.status, type: page.type, says: page.text.includes('进度看板供组织者和督导组使用') }).toEqual({ status: 403, type: 'text/html; charset=utf-8', says: true });
  });

  it('answers 404 pages for another organisation\'s organiser, an unknown meeting and a malformed id', async () => {
    const stranger = (await createOrg(t)).admin;
    const cookie = await signIn(stranger);
    for (const path of [board, '/meetings/00000000-0000-4000-8000-000000000000/board', '/meetings/not-a-meeting/board']) {
      const response = await t.http.get(path).set('cookie', cookie);
      expect({ path, status: response.status, html: String(response.headers['content-type']).startsWith('text/html'), leaks: response.text.includes('opinions-total') }).toEqual({ path, status: 404, html: true, leaks: false });
    }
  });

  it('answers ?fragment=1 with the figures only, and with 401 (not a redirect) once signed out', async () => {
    const fragment = await boardAs(organiser, '?fragment=1');
    expect({ status: fragment.status, startsWithHeading: fragment.text.startsWith('<h1>') }).toEqual({ status: 200, startsWithHeading: true });
    expect({ shell: ['<!doctype', '<html', '<head', '<script', 'id="board"'].filter((part) => fragment.text.includes(part)) }).toEqual({ shell: [] });
    expect(fragment.text).toContain('<strong id="opinions-total">5</strong>');
    const signedOut = await t.http.get(`${board}?fragment=1`);
    expect({ status: signedOut.status, location: signedOut.headers.location }).toEqual({ status: 401, location: undefined });
  });

  it('loads its refresh script from this site only, under the pages\' CSP', async () => {
    const cookie = await signIn(organiser);
    const page = await t.http.get(board).set('cookie', cookie).expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<script src="/assets/board.js" defer></script>');
    expect(page.text).toContain(`data-refresh-url="${board}?fragment=1" data-refresh-seconds="60"`);
    expect({ foreign: page.text.match(/(?:src|href)="(?:https?:)?\/\/[^"]*"/g) ?? [], inlineScripts: page.text.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [] }).toEqual({ foreign: [], inlineScripts: [] });
    const script = await t.http.get('/assets/board.js').expect(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.text).toContain('Math.max(60,');
  });
});

import { Role } from '../../src/common/roles';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

// Two written opinions in the same words make one item with two sources (to split); the others
// resemble nothing else, but MEETINGS and MEETINGS_REWORDED (可能重复).
const TWICE = '食堂饭菜品种单一，价格偏高';
const LATE = '职工反映的问题回应不够快，往往石沉大海';
const MEETINGS = '会议太多，一周有大半时间在开会';
const MEETINGS_REWORDED = '开会过多过频，挤占了干事的时间';
const CARS = '公务用车管理不严，节假日有私用情况';
const SUPERVISION = '督导组指出：对分管领域的风险排查不够深入';

describe(`the organiser's review of the opinion list, /meetings/:id/items (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meeting: { id: string; aspects: string[] };
  let cookie: string;
  const ids: Record<string, string> = {};
  let page: string;

  const base = () => `/meetings/${meeting.id}/items`;
  const load = async (query = '') => {
    const response = await t.http.get(`${base()}${query}`).set('cookie', cookie);
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    return response.text;
  };
  const post = (path: string, form: Record<string, unknown> = {}) => t.http.post(`${base()}${path}`).set('cookie', cookie).type('form').send(form);
  /** The item's section as the page shows it (empty when it is not shown). */
  const section = (html: string, id: string) => new RegExp(`<section class="review-item[^"]*" id="item-${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  const apiItems = async () => (await t.http.get(`/api/v1/meetings/${meeting.id}/items`).set(organiser.auth).expect(200)).body as Array<{ id: string; summary: string; status: string; sourceCount: number; target: { id: string | null }; aspect: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
    organiser = org.admin;
    meeting = await createMeeting(t, organiser);
    team = await createTeam(t, org, meeting.id, 3);
    await t.http
      .post(`/api/v1/meetings/${meeting.id}/written-opinions`)
      .set(organiser.auth)
      .send({ fromBody: '派驻纪检监察组', opinions: [{ text: TWICE, aspect: meeting.aspects[4] }, { text: TWICE, aspect: meeting.aspects[4] }, { text: LATE, aspect: meeting.aspects[4] }] })
      .expect(201);
    await t.drain();
    const add = async (summary: string, targetMemberId?: string) =>
      (await t.http.post(`/api/v1/meetings/${meeting.id}/items`).set(organiser.auth).send({ summary, aspect: meeting.aspects[4], ...(targetMemberId ? { targetMemberId } : {}) }).expect(201)).body.id as string;
    ids.meetings = await add(MEETINGS);
    t.clock.advance(60_000);
    ids.meetingsReworded = await add(MEETINGS_REWORDED);
    ids.cars = await add(CARS, team.members[0].id);
    ids.supervision = await add(SUPERVISION);
    const items = await apiItems();
    ids.twice = items.find((item) => item.summary === TWICE)!.id;
    ids.late = items.find((item) => item.summary === LATE)!.id;
    cookie = await signInToPages(t, organiser.username);
    page = await load();
  });
  afterAll(() => t.close());

  it('shows the items by aspect and target, with state, source count, channels and the words as written', () => {
    expect(page).toContain('<h1>意见清单</h1>');
    expect(page).toContain(`<h2 id="aspect-${encodeURIComponent(meeting.aspects[4]).replace(/%/g, '')}">${meeting.aspects[4]}`);
    expect(page).toMatch(/<h3>班子<span class="tally">5 条<\/span><\/h3>/);
    expect(page).toContain(`<h3>${team.members[0].displayName}<span class="tally">1 条</span></h3>`);
    const twice = section(page, ids.twice);
    expect(twice).toContain('草稿');
    expect(twice).toContain('来源 2 条');
    expect(twice).toContain('书面征询');
    expect(twice).toContain('<summary>原样 2 条</summary>');
    expect(twice).toContain(`编号 <code>${ids.twice.slice(0, 8)}</code>`);
    // The summary line comes from the report's figures.
    expect(page).toContain('共收集意见建议3条，归纳为1个方面6条。');
    expect(page).toContain('<script src="/assets/review.js" defer></script>');
  });

  it('marks the items the upper level or the 督导组 named as such', () => {
    expect(section(page, ids.supervision)).toContain('<span class="badge supervision">上级或督导组指出</span>');
    expect(section(page, ids.twice)).not.toContain('上级或督导组指出');
  });

  it('puts the 可能重复 pairs beside the list, each with a merge button and 不是重复', () => {
    const pairs = /<aside class="review-pairs"[\s\S]*?<\/aside>/.exec(page)?.[0] ?? '';
    expect(pairs).toContain('可能重复');
    expect(pairs).toContain(MEETINGS);
    expect(pairs).toContain(MEETINGS_REWORDED);
    expect(pairs).toContain(`action="${base()}/${ids.meetingsReworded}/merge"`);
    expect(pairs).toContain(`name="intoItemId" value="${ids.meetings}"`);
    expect(pairs).toContain('合并这两条');
    expect(pairs).toContain('不是重复');
  });

  it('filters by target, state and words, and keeps the filters in every form', async () => {
    const member = await load(`?target=${team.members[0].id}`);
    expect(member).toContain(CARS);
    expect(member).not.toContain(`id="item-${ids.twice}"`);
    expect(member).toContain('符合条件的 1 条（共 6 条）');
    expect(member).toContain(`action="${base()}/${ids.cars}/set-aside?target=${team.members[0].id}"`);
    const words = await load(`?q=${encodeURIComponent('石沉大海')}`);
    expect(words).toContain(`id="item-${ids.late}"`);
    expect(words).toContain('符合条件的 1 条');
    expect(await load('?state=published')).toContain('没有符合条件的意见。');
    const named = await load('?state=supervision');
    // Every item added through the API is one the upper level or the 督导组 named.
    expect(named).toContain(`id="item-${ids.supervision}"`);
    expect(named).not.toContain(`id="item-${ids.twice}"`);
    expect(named).toContain('符合条件的 4 条');
  });

  it('rewords and re-targets an item, and refuses an empty summary beside the item with what was typed', async () => {
    // One edit form at a time: the item's link opens it.
    expect(section(page, ids.late)).toContain(`href="${base()}?edit=${ids.late}#item-${ids.late}" data-review-link>修改文字、方面或针对对象</a>`);
    expect(section(page, ids.late)).not.toContain('name="summary"');
    const editing = section(await load(`?edit=${ids.late}`), ids.late);
    expect(editing).toContain(`<form method="post" action="${base()}/${ids.late}/edit" data-review class="edit">`);
    expect(editing).toContain('保存修改');

    const empty = await post(`/${ids.late}/edit?state=draft`, { summary: '  ', aspect: meeting.aspects[4], target: 'team' });
    expect(empty.status).toBe(400);
    expect(section(empty.text, ids.late)).toContain('意见表述不能为空');
    expect(empty.text).toContain('<select name="state"><option value="">全部</option><option value="draft" selected>');

    const edited = await post(`/${ids.late}/edit?state=draft`, { summary: '对职工反映的问题回应不及时', aspect: meeting.aspects[0], target: team.members[1].id });
    expect(redirectedTo(edited)).toBe(`${base()}?state=draft&done=edit#item-${ids.late}`);
    const item = (await apiItems()).find((each) => each.id === ids.late)!;
    expect({ summary: item.summary, aspect: item.aspect, target: item.target.id }).toEqual({ summary: '对职工反映的问题回应不及时', aspect: meeting.aspects[0], target: team.members[1].id });
    const after = await load('?done=edit');
    expect(after).toContain('已保存修改。');
    expect(after).toContain(`<h3>${team.members[1].displayName}<span class="tally">1 条</span></h3>`);
  });

  it('merges an item into another by its number, offers 撤销合并, and undoes it', async () => {
    const unknown = await post(`/${ids.cars}/merge`, { intoItemId: 'ffffffff' });
    expect(unknown.status).toBe(400);
    expect(section(unknown.text, ids.cars)).toContain('清单中没有编号为“ffffffff”的意见');
    expect(section(unknown.text, ids.cars)).toContain('value="ffffffff"');

    const merged = await post(`/${ids.supervision}/merge`, { intoItemId: ids.twice.slice(0, 8) });
    const location = redirectedTo(merged);
    const mergeId = /[?&]merge=([0-9a-f-]{36})/.exec(location)?.[1];
    expect(location).toBe(`${base()}?done=merge&merge=${mergeId}#item-${ids.twice}`);
    const after = await load(location.split('#')[0].slice(base().length));
    expect(after).toContain('已合并。');
    expect(after).toContain(`action="${base()}/merges/${mergeId}/undo"`);
    expect(after).toContain('撤销合并');
    expect(section(after, ids.supervision)).toBe('');
    expect(section(after, ids.twice)).toContain('来源 2 条');

    const undone = await post(`/merges/${mergeId}/undo`);
    expect(redirectedTo(undone)).toBe(`${base()}?done=undo#item-${ids.supervision}`);
    const back = await load('?done=undo');
    expect(back).toContain('已撤销合并。');
    expect(section(back, ids.supervision)).toContain(SUPERVISION);
    const again = await post(`/merges/${mergeId}/undo`);
    expect(again.status).toBe(409);
    expect(again.text).toContain('这次合并已经撤销');
  });

  it('splits ticked sources off into a new draft item, and asks for a tick first', async () => {
    const none = await post(`/${ids.twice}/split`, {});
    expect(none.status).toBe(400);
    expect(section(none.text, ids.twice)).toContain('请先勾选要拆分出去的原样意见');

    const detail = (await t.http.get(`/api/v1/items/${ids.twice}`).set(organiser.auth).expect(200)).body as { sources: Array<{ id: string }> };
    expect(section(page, ids.twice)).toContain(`name="sourceIds" value="${detail.sources[1].id}"`);
    const split = await post(`/${ids.twice}/split`, { sourceIds: [detail.sources[1].id] });
    const location = redirectedTo(split);
    const newId = /#item-([0-9a-f-]{36})$/.exec(location)?.[1];
    expect(location).toBe(`${base()}?done=split#item-${newId}`);
    const after = await load('?done=split');
    expect(after).toContain('已拆分为一条新的草稿。');
    expect(section(after, ids.twice)).toContain('来源 1 条');
    expect(section(after, newId!)).toContain('来源 1 条');
  });

  it('sets an item aside with a reason, and restores it', async () => {
    const noReason = await post(`/${ids.cars}/set-aside`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(section(noReason.text, ids.cars)).toContain('请写明搁置的理由');

    expect(redirectedTo(await post(`/${ids.cars}/set-aside`, { reason: '与本单位无关' }))).toBe(`${base()}?done=set-aside#item-${ids.cars}`);
    const aside = section(await load(), ids.cars);
    expect(aside).toContain('已搁置');
    expect(aside).toContain('搁置理由：与本单位无关');
    expect(aside).toContain('恢复到清单');

    expect(redirectedTo(await post(`/${ids.cars}/restore`))).toBe(`${base()}?done=restore#item-${ids.cars}`);
    expect(section(await load(), ids.cars)).toContain('草稿');
  });

  it('takes a 可能重复 pair off with 不是重复, and merges a pair with one button', async () => {
    const distinct = await post(`/${ids.meetingsReworded}/distinct`, { otherItemId: ids.meetings });
    expect(redirectedTo(distinct)).toBe(`${base()}?done=distinct`);
    const after = await load('?done=distinct');
    expect(after).toContain('已标记为不是重复，这一对不再提示。');
    // The split above made another pair (the same words twice); this one is gone.
    expect(/<aside class="review-pairs"[\s\S]*?<\/aside>/.exec(after)?.[0]).not.toContain(`${ids.meetingsReworded}/merge`);

    await t.http.delete(`/api/v1/items/${ids.meetingsReworded}/distinct/${ids.meetings}`).set(organiser.auth).expect(204);
    const merged = await post(`/${ids.meetingsReworded}/merge`, { intoItemId: ids.meetings });
    expect(redirectedTo(merged)).toMatch(new RegExp(`^${base()}\\?done=merge&merge=[0-9a-f-]{36}#item-${ids.meetings}$`));
    expect((await apiItems()).some((item) => item.id === ids.meetingsReworded)).toBe(false);
  });

  it('answers the page script with #review only', async () => {
    const fragment = await t.http.get(base()).set('cookie', cookie).set('x-review-fragment', '1').expect(200);
    expect(fragment.text.startsWith('<div id="review">')).toBe(true);
    expect(fragment.text).not.toContain('<html');
    const script = await t.http.get('/assets/review.js').expect(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toContain('data-review');
  });

  it('publishes the drafts with their count, and says so', async () => {
    const before = await load();
    const drafts = (await apiItems()).filter((item) => item.status === 'draft').length;
    expect(before).toContain(`发布 ${drafts} 条草稿`);
    expect(redirectedTo(await post('/publish'))).toBe(`${base()}?done=publish&count=${drafts}`);
    const after = await load(`?done=publish&count=${drafts}`);
    expect(after).toContain(`已发布 ${drafts} 条意见：班子成员现在可以认领。`);
    expect(after).toContain('没有待发布的草稿。');
    expect((await apiItems()).filter((item) => item.status === 'draft')).toEqual([]);
  });

  it('is for organisers: a leader gets a 403 in words, someone signed out the sign-in page, another organisation a 404', async () => {
    const leader = await signInToPages(t, team.members[0].username);
    const refused = await t.http.get(base()).set('cookie', leader);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('意见清单的整理供组织者使用');
    expect((await t.http.post(`${base()}/publish`).set('cookie', leader).type('form').send({})).status).toBe(403);

    const signedOut = await t.http.get(base());
    expect({ status: signedOut.status, location: signedOut.headers.location }).toEqual({ status: 303, location: `/login?next=${encodeURIComponent(base())}` });
    expect((await t.http.get(base()).set('x-review-fragment', '1')).status).toBe(401);

    const other = await createOrg(t);
    const otherOrganiser = await other.user([Role.Organiser]);
    const otherCookie = await signInToPages(t, otherOrganiser.username);
    expect((await t.http.get(base()).set('cookie', otherCookie)).status).toBe(404);
    const merge = await t.http.post(`${base()}/${ids.cars}/merge`).set('cookie', otherCookie).type('form').send({ intoItemId: ids.twice });
    expect(merge.status).toBe(404);
    expect((await apiItems()).find((item) => item.id === ids.cars)?.status).toBe('published');
  });
});

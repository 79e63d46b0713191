import { Role } from '../../src/common/roles';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';
import { PDF } from '../factories/files';

const RESEARCH = '调查研究不够深入，下基层次数偏少。';
const MEETINGS = '会议偏多，文件偏长。';
const UNANSWERED = '年轻干部培养力度不够。';
const BY_HAND = '督导组指出：落实意识形态工作责任制不够到位。';

interface Entry {
  id: string;
  problem: string;
  ownerUserId: string;
  status: string;
  history: Array<{ id: string; kind: string; evidenceFile: { name: string } | null }>;
}

/** What a page says, without its tags: what a person reads. */
const words = (page: string) => page.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** One entry's card on a page, by its id. */
const card = (page: string, id: string) => /<article class="entry[^"]*" id="entry-[^"]+">[\s\S]*?<\/article>/.exec(page.slice(page.indexOf(`id="entry-${id}"`) - 60))?.[0] ?? '';

describe(`the rectification pages: 整改台账 and 我的整改 (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let supervisor: TestUser;
  let team: TestTeam;
  let meetingId: string;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const ledgerPath = () => `/meetings/${meetingId}/rectifications`;
  const get = async (path: string, who: string, status = 200) => (await t.http.get(path).set('cookie', cookies[who]).expect(status)).text;
  const post = (path: string, who: string, fields: Record<string, string>) => t.http.post(path).set('cookie', cookies[who]).type('form').send(fields);
  const entries = async (): Promise<Entry[]> => (await t.http.get(`/api/v1/meetings/${meetingId}/rectifications`).set(organiser.auth).expect(200)).body;
  const entry = async (id: string): Promise<Entry> => (await entries()).find((candidate) => candidate.id === id)!;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-12-20T02:00:00Z');
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    supervisor = await org.user([Role.Supervisor]);
    const meeting = await createMeeting(t, organiser);
    meetingId = meeting.id;
    team = await createTeam(t, org, meetingId, 3);
    const itemIds: string[] = [];
    for (const summary of [RESEARCH, MEETINGS, UNANSWERED]) {
      itemIds.push((await t.http.post(`/api/v1/meetings/${meetingId}/items`).set(organiser.auth).send({ summary, aspect: meeting.aspects[0] }).expect(201)).body.id);
    }
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(organiser.auth).expect(200);
    // The secretary and a member answer their claims; another member claims without answering.
    await t.http.post(`/api/v1/items/${itemIds[0]}/claims`).set(team.secretary.auth).send({ kind: 'lead' }).expect(201);
    await t.http.put(`/api/v1/items/${itemIds[0]}/claims/mine`).set(team.secretary.auth).send({ reflection: '调查研究不够深入。', measures: '1. 每季度到基层蹲点调研一次。\n2. 建立班子成员联系点制度。', dueDate: '2027-06-30' }).expect(200);
    await t.http.post(`/api/v1/items/${itemIds[1]}/claims`).set(team.members[0].auth).send({ kind: 'lead' }).expect(201);
    await t.http.put(`/api/v1/items/${itemIds[1]}/claims/mine`).set(team.members[0].auth).send({ reflection: '文风会风有待改进。', measures: '精简会议文件，压缩会议数量。' }).expect(200);
    await t.http.post(`/api/v1/items/${itemIds[2]}/claims`).set(team.members[1].auth).send({ kind: 'lead' }).expect(201);
    for (const [who, user] of Object.entries({ organiser, supervisor, secretary: team.secretary, owner: team.members[0], other: team.members[1] })) cookies[who] = await signInToPages(t, user.username);
  });
  afterAll(() => t.close());

  it('shows the organiser an empty ledger under the meeting tab 整改台账, with the button to generate and the exports', async () => {
    const page = await get(ledgerPath(), 'organiser');
    expect(page).toContain(`<a href="${ledgerPath()}" aria-current="page">整改台账</a>`);
    // The tab comes after 认领与答复.
    expect(page.indexOf('>认领与答复</a>')).toBeLessThan(page.indexOf('>整改台账</a>'));
    expect(words(page)).toContain('共 0 条：已销号 0、待销号 0、未完成 0、已逾期 0；上年度转入 0。');
    expect(page).toContain(`<form method="post" action="${ledgerPath()}/from-claims" class="inline"><button type="submit" id="from-claims">从已答复的认领生成</button></form>`);
    expect(page).toContain('<input type="hidden" name="what" value="rectification-ledger"><input type="hidden" name="format" value="xlsx">');
    expect(page).toContain('<input type="hidden" name="what" value="rectification-ledger"><input type="hidden" name="format" value="docx">');
    // The export goes through the meeting's export flow, followed on its own page.
    const asked = await post(`/meetings/${meetingId}/exports`, 'organiser', { what: 'rectification-ledger', format: 'xlsx' });
    expect(redirectedTo(asked)).toMatch(/^\/exports\/[0-9a-f-]{36}$/);
    // No previous meeting named: no carry-over section.
    expect(page).not.toContain('id="carry-over"');
  });

  it('turns the answered claims into entries in one step, says how many, and a second run adds none', async () => {
    const first = await post(`${ledgerPath()}/from-claims`, 'organiser', {});
    expect(redirectedTo(first)).toBe(`${ledgerPath()}?done=generated&created=2`);
    const page = await get(`${ledgerPath()}?done=generated&created=2`, 'organiser');
    expect(words(page)).toContain('新增 2 条');
    expect(words(page)).toContain('共 2 条：已销号 0、待销号 0、未完成 2、已逾期 0；上年度转入 0。');
    const [research, meetings] = [(await entries()).find((e) => e.problem === RESEARCH)!, (await entries()).find((e) => e.problem === MEETINGS)!];
    ids.research = research.id;
    ids.meetings = meetings.id;
    const researchCard = words(card(page, ids.research));
    expect(researchCard).toContain(RESEARCH);
    expect(researchCard).toContain('每季度到基层蹲点调研一次。');
    expect(researchCard).toContain('建立班子成员联系点制度。');
    expect(researchCard).toContain(team.secretary.displayName);
    expect(researchCard).toContain('2027年6月30日');
    expect(researchCard).toContain('未完成');
    expect(researchCard).toContain('办理记录（1）');
    expect(words(card(page, ids.meetings))).toContain('2027年12月31日');
    expect(page).not.toContain(UNANSWERED);

    const again = await post(`${ledgerPath()}/from-claims`, 'organiser', {});
    expect(redirectedTo(again)).toBe(`${ledgerPath()}?done=generated&created=0`);
    expect(words(await get(`${ledgerPath()}?done=generated&created=0`, 'organiser'))).toContain('新增 0 条');
    expect(await entries()).toHaveLength(2);
  });

  it('adds an entry by hand, one measure a line; a refused one comes back with what was typed', async () => {
    const refused = await post(ledgerPath(), 'organiser', { problem: BY_HAND, measures: '每半年专题研究一次', ownerUserId: '', dueDate: '2027-03-31' });
    expect(refused.status).toBe(400);
    expect(words(refused.text)).toContain('请选择责任人');
    expect(refused.text).toContain(`>${BY_HAND}</textarea>`);

    const added = await post(ledgerPath(), 'organiser', { problem: BY_HAND, measures: '1. 每半年专题研究一次意识形态工作\r\n2. 开展一次专项检查\r\n', ownerUserId: team.members[1].id, dueDate: '2027-03-31' });
    ids.byHand = (await entries()).find((e) => e.problem === BY_HAND)!.id;
    expect(redirectedTo(added)).toBe(`${ledgerPath()}?done=added#entry-${ids.byHand}`);
    const page = words(card(await get(ledgerPath(), 'organiser'), ids.byHand));
    expect(page).toContain('每半年专题研究一次意识形态工作');
    expect(page).toContain('开展一次专项检查');
    expect(page).toContain(team.members[1].displayName);
  });

  it('lets the organiser edit an entry: its problem, measures, owner and deadline; the step is in its history', async () => {
    const edited = await post(`${ledgerPath()}/${ids.byHand}/edit`, 'organiser', { problem: BY_HAND, measures: '每半年专题研究一次意识形态工作\n开展一次专项检查\n建立意识形态工作责任清单', ownerUserId: team.members[1].id, dueDate: '2027-04-30' });
    expect(redirectedTo(edited)).toBe(`${ledgerPath()}?done=edited#entry-${ids.byHand}`);
    const page = words(card(await get(ledgerPath(), 'organiser'), ids.byHand));
    expect(page).toContain('建立意识形态工作责任清单');
    expect(page).toContain('2027年4月30日');
    expect(page).toMatch(/修改 ：?修改了/);
  });

  it("shows the owner their entry on 我的整改 (in the leader's menu) and takes the report with a file", async () => {
    const mine = await get('/me/rectifications', 'owner');
    expect(mine).toContain('<a href="/me/rectifications" aria-current="page">我的整改</a>');
    const own = card(mine, ids.meetings);
    expect(words(own)).toContain(MEETINGS);
    expect(own).toContain(`<form method="post" action="/me/rectifications/${ids.meetings}/report" enctype="multipart/form-data" class="report-form">`);
    // Someone else's entry is not on their list, and nothing here closes anything.
    expect(mine).not.toContain(RESEARCH);
    expect(mine).not.toContain('/close"');

    // A report without a note comes back with the message and the evidence typed.
    const refused = await t.http.post(`/me/rectifications/${ids.meetings}/report`).set('cookie', cookies.owner).field('note', ' ').field('evidence', '会议计划表');
    expect(refused.status).toBe(400);
    expect(card(refused.text, ids.meetings)).toContain('class="alert error"');
    expect(card(refused.text, ids.meetings)).toContain('>会议计划表</textarea>');

    // A file that is not a document or a photo is refused, beside the entry, with the note kept.
    const text = await t.http
      .post(`/me/rectifications/${ids.meetings}/report`)
      .set('cookie', cookies.owner)
      .field('note', '已精简会议文件。')
      .attach('file', Buffer.from('not a document'), { filename: '说明.txt', contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(words(card(text.text, ids.meetings))).toContain('佐证材料只能是 PDF');
    expect(card(text.text, ids.meetings)).toContain('>已精简会议文件。</textarea>');
    expect((await entry(ids.meetings)).status).toBe('open');

    const reported = await t.http
      .post(`/me/rectifications/${ids.meetings}/report`)
      .set('cookie', cookies.owner)
      .field('note', '已精简会议文件，全年会议减少三成。')
      .field('evidence', '局办〔2027〕3号文件')
      .attach('file', PDF, { filename: '会议精简情况.pdf', contentType: 'application/pdf' });
    expect(redirectedTo(reported)).toBe(`/me/rectifications?done=reported#entry-${ids.meetings}`);
    const after = await get('/me/rectifications?done=reported', 'owner');
    const reportedCard = card(after, ids.meetings);
    expect(words(reportedCard)).toContain('待销号');
    expect(words(reportedCard)).toContain('局办〔2027〕3号文件');
    expect(reportedCard).not.toContain('report-form');
    const event = (await entry(ids.meetings)).history.find((step) => step.kind === 'reported')!;
    expect(event.evidenceFile?.name).toBe('会议精简情况.pdf');
    expect(reportedCard).toContain(`<a href="/me/rectifications/${ids.meetings}/evidence/${event.id}">会议精简情况.pdf</a>`);

    // The file comes back, for its owner and for the organiser.
    for (const who of ['owner', 'organiser']) {
      const file = await t.http.get(`/me/rectifications/${ids.meetings}/evidence/${event.id}`).set('cookie', cookies[who]).buffer(true).parse(binaryBody);
      expect({ status: file.status, type: file.headers['content-type'], same: Buffer.compare(file.body as Buffer, PDF) === 0 }).toEqual({ status: 200, type: 'application/pdf', same: true });
    }
    // The organiser's ledger links the same file.
    expect(card(await get(ledgerPath(), 'organiser'), ids.meetings)).toContain(`href="/me/rectifications/${ids.meetings}/evidence/${event.id}"`);
  });

  it('never offers the owner 销号 of their own entry, and refuses a forged one with the message on the page', async () => {
    await t.http.post(`/me/rectifications/${ids.research}/report`).set('cookie', cookies.secretary).field('note', '已到基层蹲点调研四次。').expect(303);
    const page = await get('/me/rectifications', 'secretary');
    // Their own reported entry: on their list, with no 销号 form; the member's report waits for them.
    expect(card(page, ids.research)).not.toContain('/close"');
    expect(page).toContain(`action="/me/rectifications/${ids.meetings}/close"`);
    expect(page).not.toContain(`action="/me/rectifications/${ids.research}/close"`);
    expect(words(page)).toContain('待我销号（1 条）');
    // … nor on the ledger, which the secretary may open.
    expect(await get(ledgerPath(), 'secretary')).not.toContain(`action="${ledgerPath()}/${ids.research}/close"`);

    const forged = await post(`/me/rectifications/${ids.research}/close`, 'secretary', { note: '已落实' });
    expect(forged.status).toBe(403);
    expect(forged.headers['content-type']).toMatch(/^text\/html/);
    expect(words(card(forged.text, ids.research))).toContain('责任人不能给自己的整改事项销号或退回');
    expect((await entry(ids.research)).status).toBe('reported');
  });

  it('lets the secretary close a member\'s entry from 待我销号', async () => {
    const closed = await post(`/me/rectifications/${ids.meetings}/close`, 'secretary', { note: '经核实，会议文件明显精简。' });
    expect(redirectedTo(closed)).toBe('/me/rectifications?done=closed#to-close');
    const page = await get('/me/rectifications?done=closed', 'secretary');
    expect(words(page)).toContain('已销号。');
    expect(words(page)).toContain('待我销号（0 条）');
    expect((await entry(ids.meetings)).status).toBe('closed');
    // The owner sees it closed, with who closed it and why.
    const owner = words(card(await get('/me/rectifications', 'owner'), ids.meetings));
    expect(owner).toContain('已销号');
    expect(owner).toContain(`${team.secretary.displayName} 销号 ：经核实，会议文件明显精简。`);
  });

  it('lets the organiser return a reported entry with a reason, which its owner then reads', async () => {
    const empty = await post(`${ledgerPath()}/${ids.research}/return`, 'organiser', { reason: ' ' });
    expect(empty.status).toBe(400);
    expect(card(empty.text, ids.research)).toContain('class="alert error"');

    const returned = await post(`${ledgerPath()}/${ids.research}/return`, 'organiser', { reason: '请补充调研报告。' });
    expect(redirectedTo(returned)).toBe(`${ledgerPath()}?done=returned#entry-${ids.research}`);
    expect((await entry(ids.research)).status).toBe('open');
    const ledger = await get(ledgerPath(), 'organiser');
    expect(words(ledger)).toContain('共 3 条：已销号 1、待销号 0、未完成 2、已逾期 0；上年度转入 0。');
    const owner = card(await get('/me/rectifications', 'secretary'), ids.research);
    expect(words(owner)).toContain('退回：请补充调研报告。');
    expect(owner).toContain('report-form');

    // Closing what is not reported is refused on the ledger, the message beside the entry.
    const early = await post(`${ledgerPath()}/${ids.research}/close`, 'organiser', { note: '销号' });
    expect(early.status).toBe(409);
    expect(words(card(early.text, ids.research))).toContain('只有已报告完成的整改可以销号');
  });

  it('filters the ledger by status and by owner', async () => {
    const closed = await get(`${ledgerPath()}?status=closed`, 'organiser');
    expect(closed).toContain(`id="entry-${ids.meetings}"`);
    expect(closed).not.toContain(`id="entry-${ids.research}"`);
    const byOwner = await get(`${ledgerPath()}?owner=${team.members[1].id}`, 'organiser');
    expect(byOwner).toContain(`id="entry-${ids.byHand}"`);
    expect(byOwner).not.toContain(`id="entry-${ids.meetings}"`);
    expect(byOwner).toContain(`<option value="${team.members[1].id}" selected>`);
  });

  it('marks an entry past its deadline 已逾期, in red, on the ledger and on its owner\'s list', async () => {
    t.clock.set('2027-05-02T02:00:00Z');
    try {
      const ledger = await get(ledgerPath(), 'organiser');
      expect(words(ledger)).toContain('已逾期 1');
      expect(card(ledger, ids.byHand)).toContain('<span class="badge bad">已逾期</span>');
      const mine = await get('/me/rectifications', 'other');
      expect(card(mine, ids.byHand)).toContain('<span class="overdue">2027年4月30日</span>');
    } finally {
      t.clock.set('2026-12-20T02:00:00Z');
    }
  });

  it('shows the 督导组 the ledger read-only under their tabs, and refuses a member who is not the secretary', async () => {
    const page = await get(ledgerPath(), 'supervisor');
    expect(page).toContain(`<a href="${ledgerPath()}" aria-current="page">整改台账</a>`);
    expect(words(page)).toContain(RESEARCH);
    expect(page).toContain('<form method="post" action="/logout"');
    expect(page.match(/<form method="post"/g)).toHaveLength(1);
    const member = await t.http.get(ledgerPath()).set('cookie', cookies.other);
    expect(member.status).toBe(403);
    // A form from another site is refused before anything is read (see page-origins.e2e-spec.ts).
    const foreign = await post(`${ledgerPath()}/from-claims`, 'organiser', {}).set('origin', 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.text).toContain('请从本站的页面提交');
    // A supervisor may not post the organiser's forms.
    expect((await post(`${ledgerPath()}/from-claims`, 'supervisor', {})).status).toBe(403);
  });

  it("opens the next year's ledger with the entries carried over and the paragraph 上一年度整改落实情况", async () => {
    const next = await createMeeting(t, organiser, { title: '2027年度专题民主生活会', year: 2027, previousMeetingId: meetingId });
    const page = await get(`/meetings/${next.id}/rectifications`, 'organiser');
    expect(words(page)).toContain('共 2 条：已销号 0、待销号 0、未完成 2、已逾期 0；上年度转入 2。');
    expect(words(page)).toContain('2026年度转入');
    const section = /<section class="card" id="carry-over">[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(words(section)).toContain('上一年度整改落实情况');
    expect(words(section)).toContain('共 3 条，已销号 1 条，未完成 2 条');
    const { paragraph } = (await t.http.get(`/api/v1/meetings/${next.id}/carry-over`).set(organiser.auth).expect(200)).body;
    expect(paragraph.length).toBeGreaterThan(0);
    expect(section).toContain(paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'));
    // The earlier ledger says where they went, and offers nothing more on them.
    const earlier = card(await get(ledgerPath(), 'organiser'), ids.research);
    expect(words(earlier)).toContain('已转入下一次会议的整改台账');
    expect(earlier).not.toContain('<details class="edit"');
  });
});

import { DEMO_PASSWORD, DemoService } from '../../src/demo/demo.service';
import { login } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/** The demo data `npm start` seeds on first start: every channel filled through the same services as real use. */
describe(`demo data (${driverName})`, () => {
  let t: TestApp;
  let auth: { authorization: string };
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    // Seeds once per database; a database that already has it (a re-run on MySQL) keeps it.
    await t.app.get(DemoService).seedDemo();
    auth = { authorization: `Bearer ${await login(t, 'organiser', DEMO_PASSWORD)}` };
    const meetings = await t.http.get('/api/v1/meetings').set(auth).expect(200);
    meetingId = meetings.body[0].id;
  });
  afterAll(() => t.close());

  it('seeds only once', async () => {
    expect(await t.app.get(DemoService).seedDemo()).toBe(false);
  });

  it('has a meeting collecting opinions, with a team of five', async () => {
    const meeting = await t.http.get(`/api/v1/meetings/${meetingId}`).set(auth).expect(200);
    expect(meeting.body.phase).toBe('collecting');
    const team = await t.http.get(`/api/v1/meetings/${meetingId}/team`).set(auth).expect(200);
    expect(team.body).toHaveLength(5);
  });

  it('has a box past its threshold, two symposiums and a written answer', async () => {
    const [box] = (await t.http.get(`/api/v1/meetings/${meetingId}/boxes`).set(auth).expect(200)).body;
    const opinions = await t.http.get(`/api/v1/boxes/${box.id}/opinions`).set(auth).expect(200);
    expect(opinions.body).toHaveLength(8);
    const symposiums = (await t.http.get(`/api/v1/meetings/${meetingId}/symposiums`).set(auth).expect(200)).body as Array<{ audience: string }>;
    expect(symposiums.map((symposium) => symposium.audience).sort()).toEqual(['中层干部', '普通职工代表']);
    expect((await t.http.get(`/api/v1/meetings/${meetingId}/written-opinions`).set(auth).expect(200)).body).toHaveLength(1);
  });

  it('has a survey from the template, answered by one department enough to be shown, the other not yet', async () => {
    const [survey] = (await t.http.get(`/api/v1/meetings/${meetingId}/surveys`).set(auth).expect(200)).body;
    expect(survey).toMatchObject({ anonymous: true, open: true, tokensIssued: 17, responses: 8 });
    const results = await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(auth).expect(200);
    const shown = results.body.departments.filter((department: { responses: number | null }) => department.responses !== null);
    expect(shown.map((department: { tokensIssued: number; responses: number }) => [department.tokensIssued, department.responses])).toEqual([[10, 8]]);
    expect(results.body.withheld.responses).toBe(0);
  });

  it('has talks under way (one confirmed, one waiting) and check materials in progress', async () => {
    const pairs = (await t.http.get(`/api/v1/meetings/${meetingId}/talks/required`).set(auth).expect(200)).body as Array<{ rule: string; status: string }>;
    // 4 secretary–member + 6 among members + 5 department heads (信息中心 has no overseer).
    expect(pairs).toHaveLength(15);
    expect(pairs.filter((pair) => pair.status !== 'pending').map((pair) => `${pair.rule} ${pair.status}`).sort()).toEqual(['department-head held', 'member-member held', 'secretary-member confirmed']);
    const materials = (await t.http.get(`/api/v1/meetings/${meetingId}/materials`).set(auth).expect(200)).body as Array<{ status: string }>;
    expect(materials.map((material) => material.status)).toEqual(['not-started', 'submitted', 'drafting', 'not-started', 'not-started']);
  });

  it('has its opinions in a published list, two team items led and answered', async () => {
    const items = (await t.http.get(`/api/v1/meetings/${meetingId}/items`).set(auth).expect(200)).body as Array<{ status: string; claims: Array<{ kind: string; answer: unknown }> }>;
    expect(items.filter((item) => item.status === 'published').length).toBeGreaterThan(5);
    expect(items.filter((item) => item.claims.some((claim) => claim.kind === 'lead' && claim.answer))).toHaveLength(2);
    const summary = (await t.http.get(`/api/v1/meetings/${meetingId}/items/summary`).set(auth).expect(200)).body;
    expect(summary.sentence).toMatch(/^共收集意见建议\d+条，归纳为\d+个方面\d+条$/);
  });

  it("gives leader1 (the secretary) a readable draft of their 对照检查材料 from the point they answered", async () => {
    const token = await login(t, 'leader1', DEMO_PASSWORD);
    const me = (await t.http.get('/api/v1/me').set({ authorization: `Bearer ${token}` }).expect(200)).body as { id: string };
    const draft = (await t.http.get(`/api/v1/meetings/${meetingId}/materials/${me.id}/draft`).set({ authorization: `Bearer ${token}` }).expect(200)).body as { sections: Array<{ key: string; paragraphs: string[] }>; coverage: { claimed: number; answered: number } };
    const of = (key: string) => draft.sections.find((section) => section.key === key)!.paragraphs.join('\n');
    expect(of('problems')).toContain('中心组学习要求不严');
    expect(of('measures')).toContain('每次中心组学习确定一个研讨主题');
    expect(of('carry-over')).toContain('已完成整改并销号');
    expect(draft.coverage).toMatchObject({ claimed: 1, answered: 1 });
  });

  it('shows leader3 a 追问 on a box opinion about them, with the writer\'s answer passed on', async () => {
    const token = await login(t, 'leader3', DEMO_PASSWORD);
    const items = (await t.http.get('/api/v1/me/items').set({ authorization: `Bearer ${token}` }).expect(200)).body as Array<{ sources: Array<{ text: string; questions?: Array<{ text: string; reply: { text: string; releasedOn: string } | null }> }> }>;
    const asked = items.flatMap((item) => item.sources).filter((source) => source.questions?.length);
    expect(asked.map((source) => ({ text: source.text, question: source.questions![0].text, replied: Boolean(source.questions![0].reply?.releasedOn) }))).toEqual([
      { text: expect.stringContaining('层层上报'), question: expect.stringContaining('哪一类事情'), replied: true },
    ]);
  });

  it('leaves work on the review page: the late symposium’s opinions as drafts, some of them in 可能重复 pairs', async () => {
    const items = (await t.http.get(`/api/v1/meetings/${meetingId}/items`).set(auth).expect(200)).body as Array<{ id: string; status: string; summary: string }>;
    const drafts = items.filter((item) => item.status === 'draft');
    expect(drafts.map((item) => item.summary).sort()).toEqual(
      [
        '节假日经常临时通知到岗值班，职工难以安排家里的事。',
        '有的部门周末加班成了常态，希望合理安排工作任务。',
        '干部考核评价标准不够细，干好干坏差别不大。',
        '年度考核的区分度不高，不能很好地激励干事创业的同志。',
        '内部审批签字环节偏多，一件事要跑好几个部门。',
        '业务培训针对性不强，讲理论多、讲实操少。',
      ].sort(),
    );
    const pairs = (await t.http.get(`/api/v1/meetings/${meetingId}/items/similar`).set(auth).expect(200)).body as Array<{ items: Array<{ id: string; summary: string; status: string }> }>;
    const betweenDrafts = pairs
      .filter((pair) => pair.items.every((item) => item.status === 'draft'))
      .map((pair) => pair.items.map((item) => item.summary.slice(0, 6)).sort().join(' ~ '));
    // Kept apart by the clustering (two drafts each), put to the organiser as 可能重复.
    expect(betweenDrafts.sort()).toEqual(['干部考核评价 ~ 年度考核的区', '有的部门周末 ~ 节假日经常临'].sort());
    expect(pairs.filter((pair) => pair.items.some((item) => item.status === 'draft')).length).toBeGreaterThanOrEqual(3);
  });

  it('has last year\'s meeting with its 整改台账, and this year\'s carrying what was left unfinished', async () => {
    const meetings = (await t.http.get('/api/v1/meetings').set(auth).expect(200)).body as Array<{ id: string; year: number; phase: string; previousMeetingId: string | null }>;
    const [thisYear, lastYear] = meetings;
    expect({ lastYear: lastYear.year, phase: lastYear.phase, follows: thisYear.previousMeetingId }).toEqual({ lastYear: thisYear.year - 1, phase: 'closed', follows: lastYear.id });
    const ledger = (await t.http.get(`/api/v1/meetings/${lastYear.id}/rectifications`).set(auth).expect(200)).body as Array<{ status: string; carriedOn: boolean }>;
    expect(ledger.map((entry) => `${entry.status}${entry.carriedOn ? ' carried' : ''}`)).toEqual(['closed', 'overdue carried', 'closed', 'reported carried', 'closed']);
    const carried = (await t.http.get(`/api/v1/meetings/${thisYear.id}/rectifications`).set(auth).expect(200)).body as Array<{ problem: string; carriedFrom: { year: number } | null }>;
    expect(carried.map((entry) => [entry.problem.slice(0, 6), entry.carriedFrom?.year])).toEqual([['调研多集中在', lastYear.year], ['年轻干部培养', lastYear.year]]);
    const summary = (await t.http.get(`/api/v1/meetings/${thisYear.id}/carry-over`).set(auth).expect(200)).body;
    expect(summary).toMatchObject({ total: 5, closed: 3 });
    expect(summary.paragraph).toContain('共列入整改台账5条，已完成整改并销号3条，整改完成率60%');
    // This year's list says some of last year's problems again, one of them closed (销号) last year.
    const items = (await t.http.get(`/api/v1/meetings/${thisYear.id}/items`).set(auth).expect(200)).body as Array<{ repeatOf: { year: number; closed: boolean; summary: string } | null }>;
    const repeats = items.filter((item) => item.repeatOf);
    expect(repeats.length).toBeGreaterThanOrEqual(2);
    expect(repeats.every((item) => item.repeatOf!.year === lastYear.year)).toBe(true);
    expect(repeats.some((item) => item.repeatOf!.closed)).toBe(true);
  });
});

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

  it('has a box past its threshold, a symposium and a written answer', async () => {
    const [box] = (await t.http.get(`/api/v1/meetings/${meetingId}/boxes`).set(auth).expect(200)).body;
    const opinions = await t.http.get(`/api/v1/boxes/${box.id}/opinions`).set(auth).expect(200);
    expect(opinions.body).toHaveLength(8);
    expect((await t.http.get(`/api/v1/meetings/${meetingId}/symposiums`).set(auth).expect(200)).body).toHaveLength(1);
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

  it('has its opinions in a published list, one team item led and answered', async () => {
    const items = (await t.http.get(`/api/v1/meetings/${meetingId}/items`).set(auth).expect(200)).body as Array<{ status: string; claims: Array<{ kind: string; answer: unknown }> }>;
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((item) => item.status === 'published')).toBe(true);
    expect(items.filter((item) => item.claims.some((claim) => claim.kind === 'lead' && claim.answer))).toHaveLength(1);
    const summary = (await t.http.get(`/api/v1/meetings/${meetingId}/items/summary`).set(auth).expect(200)).body;
    expect(summary.sentence).toMatch(/^共收集意见建议\d+条，归纳为\d+个方面\d+条$/);
  });
});

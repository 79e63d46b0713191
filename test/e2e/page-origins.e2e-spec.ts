import { Role } from '../../src/common/roles';
import { countStoredOpinions, createBoxScene, TestBox } from '../factories/boxes';
import { createOrg, PASSWORD, TestOrg } from '../factories/organizations';
import { createSurvey, issueTokens, surveyBody } from '../factories/surveys';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/**
 * Page forms must come from this site's pages: `Origin: null` and another site's origin are the
 * 403 page, on the anonymous pages (box, survey, receipt) as on the signed-in ones and the
 * sign-in form. The site's own origin (as a browser sends it) goes through; so does a client
 * that sends neither Origin nor Referer (not a browser's form).
 */
describe(`page forms and their origin (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let box: TestBox;
  let surveyToken: string;
  let own: string;

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000' });
    own = t.config.publicBaseUrl;
    org = await createOrg(t);
    const scene = await createBoxScene(t, org);
    box = scene.box;
    const survey = await createSurvey(t, scene.organiser, scene.meeting.id, surveyBody(scene.meeting.aspects[0]));
    [surveyToken] = await issueTokens(t, scene.organiser, survey.id, 1);
  });
  afterAll(() => t.close());

  const foreign: Array<[string, Record<string, string>]> = [
    ['Origin: null', { origin: 'null' }],
    ['another site', { origin: 'https://evil.example' }],
    ['another site by Referer alone', { referer: 'https://evil.example/form.html' }],
  ];

  it.each(foreign)('refuses a box form with %s: the 403 page, nothing stored', async (_what, headers) => {
    const before = await countStoredOpinions(t, box.id);
    const response = await t.http.post(`/b/${box.slug}/opinions`).set(headers).type('form').send({ text: '从别的页面提交的意见。', aspect: '', targetMemberId: '' });
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('请从本站的页面提交');
    expect(await countStoredOpinions(t, box.id)).toBe(before);
  });

  it.each(foreign)('refuses a survey form and a receipt look-up with %s', async (_what, headers) => {
    const survey = await t.http.post(`/s/${surveyToken}`).set(headers).type('form').send({ q0: '4' });
    expect(survey.status).toBe(403);
    expect(survey.headers['content-type']).toMatch(/^text\/html/);
    const receipt = await t.http.post('/r').set(headers).type('form').send({ receipt: '0000-0000-0000-0000' });
    expect(receipt.status).toBe(403);
  });

  it('takes a box form posted from its own page (Origin of this site, or only its Referer)', async () => {
    const before = await countStoredOpinions(t, box.id);
    const byOrigin = await t.http.post(`/b/${box.slug}/opinions`).set('origin', own).type('form').send({ text: '本站页面提交的意见一。', aspect: '', targetMemberId: '' });
    expect(byOrigin.status).toBe(200);
    const byReferer = await t.http.post(`/b/${box.slug}/opinions`).set('referer', `${own}/b/${box.slug}`).type('form').send({ text: '本站页面提交的意见二。', aspect: '', targetMemberId: '' });
    expect(byReferer.status).toBe(200);
    expect(await countStoredOpinions(t, box.id)).toBe(before + 2);
  });

  it('refuses the sign-in form and a signed-in page form with Origin: null', async () => {
    const leader = await org.user([Role.Leader]);
    const signIn = await t.http.post('/login').set('origin', 'null').type('form').send({ username: leader.username, password: PASSWORD });
    expect(signIn.status).toBe(403);
    expect(signIn.headers['set-cookie']).toBeUndefined();

    const session = await t.http.post('/login').set('origin', own).type('form').send({ username: leader.username, password: PASSWORD, next: '/me/items' }).expect(303);
    const cookie = ([session.headers['set-cookie']].flat()[0] as string).split(';')[0];
    const claim = await t.http.post('/me/items/00000000-0000-4000-8000-000000000000/claim').set('cookie', cookie).set('origin', 'null').type('form').send({ kind: 'joint' });
    expect(claim.status).toBe(403);
    expect(claim.text).toContain('请从本站的页面提交');
    const logout = await t.http.post('/logout').set('cookie', cookie).set('origin', 'null');
    expect(logout.status).toBe(403);
  });

  it('asks the pages to name their origin on their forms (referrer policy same-origin, not no-referrer)', async () => {
    const page = await t.http.get(`/b/${box.slug}`).expect(200);
    expect(page.text).toContain('<meta name="referrer" content="same-origin">');
  });
});

describe(`links into the pages (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
  });
  afterAll(() => t.close());

  it("links a team member's notification to their items page, which a signed-in leader reaches through /login?next=", async () => {
    const scene = await createBoxScene(t, org);
    const leader = scene.team.secretary;
    const inbox = await t.http.get('/api/v1/me/notifications').set(leader.auth).expect(200);
    expect(inbox.body.items).toEqual([expect.objectContaining({ kind: 'team.assigned', link: '/me/items' })]);

    // Signed out, the link asks for the sign-in first …
    const signedOut = await t.http.get('/me/items').expect(303);
    expect(signedOut.headers.location).toBe('/login?next=%2Fme%2Fitems');
    expect((await t.http.get('/login?next=/me/items').expect(200)).text).toContain('name="password"');

    // … signed in, /login?next= goes straight on to the page.
    const session = await t.http.post('/login').type('form').send({ username: leader.username, password: PASSWORD }).expect(303);
    const cookie = ([session.headers['set-cookie']].flat()[0] as string).split(';')[0];
    const straight = await t.http.get('/login?next=/me/items').set('cookie', cookie).expect(303);
    expect(straight.headers.location).toBe('/me/items');
    await t.http.get(straight.headers.location).set('cookie', cookie).expect(200);
    // Without a next, to their landing page; never elsewhere.
    expect((await t.http.get('/login').set('cookie', cookie).expect(303)).headers.location).toBe('/me/items');
    expect((await t.http.get('/login?next=//evil.example/').set('cookie', cookie).expect(303)).headers.location).toBe('/me/items');
  });

  it('shows the sign-in form to a session that has ended', async () => {
    await t.http.get('/login?next=/me/items').set('cookie', 'tanxin_session=not-a-token').expect(200);
  });
});

import { Role } from '../../src/common/roles';
import { BoxScene, createBoxScene } from '../factories/boxes';
import { createOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

type Method = 'get' | 'post' | 'head';

/**
 * The routes people use without an account are never in the ordinary request log, whatever the
 * answer (errors, 404s, rate limits included): a timestamped line there would date a visit. They
 * are counted by the day instead (PublicRequestTally), and the counts are written when the day ends.
 */
describe(`the log of the public routes (${driverName})`, () => {
  let t: TestApp;
  let scene: BoxScene;
  let staff: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '2' });
    const org = await createOrg(t);
    scene = await createBoxScene(t, org);
    staff = await org.user([Role.Staff]);
    // What the set-up did through the public routes is written now, so each test sees its own counts.
    t.flushPublicLog();
  });
  afterAll(() => t?.close());

  const opinions = () => `/api/v1/public/boxes/${scene.box.slug}/opinions`;

  /** Public requests with every kind of answer, each with the masked path and the status it is counted under. */
  const visits: Array<{ label: string; method: Method; path: () => string; send?: (request: ReturnType<TestApp['http']['post']>) => ReturnType<TestApp['http']['post']>; counted: string; status: number }> = [
    { label: 'the box page', method: 'get', path: () => `/b/${scene.box.slug}`, counted: 'GET /b/:param', status: 200 },
    { label: 'the box page, HEAD', method: 'head', path: () => `/b/${scene.box.slug}`, counted: 'HEAD /b/:param', status: 200 },
    { label: 'an unknown box page', method: 'get', path: () => '/b/unknown-slug', counted: 'GET /b/:param', status: 404 },
    { label: 'a path under /b that no route serves', method: 'get', path: () => `/b/${scene.box.slug}/extra`, counted: 'GET /b/:param/:param', status: 404 },
    { label: 'an unknown box through the API', method: 'get', path: () => '/api/v1/public/boxes/unknown-slug', counted: 'GET /api/v1/public/boxes/:param', status: 404 },
    { label: 'a path under /api/v1/public that no route serves', method: 'get', path: () => '/api/v1/public/nothing-here?x=1', counted: 'GET /api/v1/public/:param', status: 404 },
    { label: 'an invalid submission', method: 'post', path: opinions, send: (request) => request.send({}), counted: 'POST /api/v1/public/boxes/:param/opinions', status: 400 },
    { label: 'malformed JSON', method: 'post', path: opinions, send: (request) => request.set('content-type', 'application/json').send('{"text": '), counted: 'POST /api/v1/public/boxes/:param/opinions', status: 400 },
    { label: 'a text/plain body', method: 'post', path: opinions, send: (request) => request.set('content-type', 'text/plain').send('意见'), counted: 'POST /api/v1/public/boxes/:param/opinions', status: 415 },
    { label: 'a body over the limit', method: 'post', path: opinions, send: (request) => request.send({ text: '长'.repeat(200_000) }), counted: 'POST /api/v1/public/boxes/:param/opinions', status: 413 },
    { label: 'an unknown receipt', method: 'get', path: () => '/api/v1/public/receipts/0000-0000-0000-0000', counted: 'GET /api/v1/public/receipts/:param', status: 404 },
    { label: 'the receipt page with a query', method: 'get', path: () => '/r?code=0000-0000-0000-0000', counted: 'GET /r', status: 200 },
    { label: 'a path under /r that no route serves', method: 'get', path: () => '/r/0000-0000-0000-0000', counted: 'GET /r/:param', status: 404 },
    { label: 'an unknown survey page', method: 'get', path: () => '/s/unknown-token', counted: 'GET /s/:param', status: 404 },
    { label: 'an unknown survey through the API', method: 'post', path: () => '/api/v1/public/surveys/unknown-token/responses', send: (request) => request.send({ answers: [] }), counted: 'POST /api/v1/public/surveys/:param/responses', status: 404 },
  ];

  it('writes no ordinary request line for any of them, errors, 404s and 429s included, and counts each by masked path and status', async () => {
    const logsBefore = t.logs.length;
    const statuses: string[] = [];
    for (const visit of visits) {
      // As identifying as a request can be: a logged-in user's token and a user agent.
      const request = t.http[visit.method](visit.path()).set(staff.auth).set('user-agent', 'TanxinLogProbe/1.0');
      const response = await (visit.send ? visit.send(request as ReturnType<TestApp['http']['post']>) : request);
      statuses.push(`${visit.label}: ${response.status}`);
    }
    expect(statuses).toEqual(visits.map((visit) => `${visit.label}: ${visit.status}`));
    // Good submissions until the rate limit refuses one (however the limit counts what came before).
    const submissions: number[] = [];
    while (submissions.length < 10 && !submissions.includes(429)) {
      submissions.push((await t.http.post(opinions()).set(staff.auth).send({ text: `第${submissions.length + 1}条意见：会议偏多，文件偏长。` })).status);
    }
    expect({ submissionsUntilRefused: submissions }).toEqual({ submissionsUntilRefused: expect.arrayContaining([201, 429]) });
    expect({ linesWrittenDuringThePublicRequests: t.logs.slice(logsBefore) }).toEqual({ linesWrittenDuringThePublicRequests: [] });

    t.flushPublicLog();
    const lines = t.logs.slice(logsBefore).map((line) => JSON.parse(line) as { scope?: string; day?: string; time?: unknown; req?: { method: string; url: string }; res?: { statusCode: number }; count?: number });
    const expected = new Map<string, number>();
    const answered = [...visits.map((visit) => `${visit.counted} ${visit.status}`), ...submissions.map((status) => `POST /api/v1/public/boxes/:param/opinions ${status}`)];
    for (const key of answered) expected.set(key, (expected.get(key) ?? 0) + 1);
    expect(Object.fromEntries(lines.map((line) => [`${line.req?.method} ${line.req?.url} ${line.res?.statusCode}`, line.count]))).toEqual(Object.fromEntries(expected));
    expect(lines.filter((line) => line.scope !== 'public' || line.day !== t.clock.today() || 'time' in line)).toEqual([]);
    expect(t.logs.slice(logsBefore).join('\n')).not.toMatch(new RegExp(`${scene.box.slug}|unknown-|0000-0000|TanxinLogProbe|${staff.id}|nothing-here`));
  });

  it('writes no ordinary line for the pages\' scripts or the browser\'s icon request either: they come with every visit', async () => {
    const logsBefore = t.logs.length;
    await t.http.get('/assets/tanxin.js').expect(200);
    await t.http.get('/favicon.ico');
    await t.http.get('/apple-touch-icon.png');
    expect({ linesWrittenForThePagesFurniture: t.logs.slice(logsBefore) }).toEqual({ linesWrittenForThePagesFurniture: [] });
  });

  it('still logs the other routes as they happen, with their time (so the empty logs above are not an empty capture)', async () => {
    const logsBefore = t.logs.length;
    await t.http.get('/api/v1/meetings').expect(401);
    await t.http.get('/no-such-page').expect(404);
    const lines = t.logs.slice(logsBefore).map((line) => JSON.parse(line) as { time?: number; req?: { url: string }; res?: { statusCode: number } });
    expect(lines.filter((line) => line.req).map((line) => [line.req!.url, line.res?.statusCode, typeof line.time])).toEqual([
      ['/api/v1/meetings', 401, 'number'],
      ['/no-such-page', 404, 'number'],
    ]);
  });
});

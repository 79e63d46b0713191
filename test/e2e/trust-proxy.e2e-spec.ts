import { createBoxScene, TestBox } from '../factories/boxes';
import { createOrg } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/**
 * Who the limiter counts as one client, behind proxies. The test client connects from the
 * loopback address, which stands for the last proxy; each test sends 4 opinions with a limit of 3,
 * so "one client" shows as [201, 201, 201, 429] and "four clients" as four 201s.
 */
const ONE_CLIENT = { counts: 'as one client', statuses: [201, 201, 201, 429] };
const FOUR_CLIENTS = { counts: 'as four clients', statuses: [201, 201, 201, 201] };

describe.each([
  {
    setting: 'true (read as one proxy)',
    env: 'true',
    cases: [
      { what: 'a rotated left-most address before the address nginx appended (192.0.2.N, 198.51.100.1)', forwardedFor: (n: number) => `192.0.2.${n}, 198.51.100.1`, ...ONE_CLIENT },
      { what: 'rotated addresses written by the clients themselves, one each (the proxy appends the real one)', forwardedFor: (n: number) => `203.0.113.${n}`, ...FOUR_CLIENTS },
    ],
  },
  {
    setting: '1',
    env: '1',
    cases: [{ what: 'a rotated left-most address before the address nginx appended', forwardedFor: (n: number) => `192.0.2.${n}, 198.51.100.2`, ...ONE_CLIENT }],
  },
  {
    setting: '2 (a CDN and then nginx)',
    env: '2',
    cases: [{ what: 'rotated addresses left of the two the proxies appended', forwardedFor: (n: number) => `192.0.2.${n}, 198.51.100.3, 10.0.0.7`, ...ONE_CLIENT }],
  },
  {
    setting: 'a CIDR list naming the proxies (127.0.0.0/8, ::1, ::ffff:127.0.0.1, 10.0.0.0/8)',
    env: '127.0.0.0/8,::1,::ffff:127.0.0.1,10.0.0.0/8',
    cases: [
      { what: 'a rotated left-most address before the client address and an inner proxy of 10.0.0.0/8', forwardedFor: (n: number) => `192.0.2.${n}, 198.51.100.4, 10.1.2.3`, ...ONE_CLIENT },
      { what: 'distinct client addresses appended by the proxies', forwardedFor: (n: number) => `198.51.100.${40 + n}, 10.1.2.3`, ...FOUR_CLIENTS },
    ],
  },
  {
    setting: 'a list that does not name the loopback peer (10.0.0.0/8)',
    env: '10.0.0.0/8',
    cases: [{ what: 'any X-Forwarded-For from a peer that is not a named proxy', forwardedFor: (n: number) => `198.51.100.${60 + n}`, ...ONE_CLIENT }],
  },
  {
    setting: 'false',
    env: 'false',
    cases: [{ what: 'any X-Forwarded-For at all', forwardedFor: (n: number) => `198.51.100.${80 + n}`, ...ONE_CLIENT }],
  },
])(`TRUST_PROXY=$setting (${driverName})`, ({ env, cases }) => {
  let t: TestApp;
  let scene: Awaited<ReturnType<typeof createBoxScene>>;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: env, BOX_SUBMIT_RATE_LIMIT: '3' });
    scene = await createBoxScene(t, await createOrg(t));
  });
  afterAll(() => t?.close());

  it.each(cases)('counts $what $counts', async (example) => {
    // A box of its own: the ceiling and earlier cases must not mix in.
    const box: TestBox = (await t.http.post(`/api/v1/meetings/${scene.meeting.id}/boxes`).set(scene.organiser.auth).send({ title: '代理测试意见箱' }).expect(201)).body;
    // Every case starts in a window of its own, so a counter of an earlier case cannot mix in.
    t.clock.advance(3600 * 1000);
    const statuses: Array<{ forwardedFor: string; status: number }> = [];
    for (let n = 1; n <= 4; n += 1) {
      const forwardedFor = example.forwardedFor(n);
      const response = await t.http.post(`/api/v1/public/boxes/${box.slug}/opinions`).set({ 'x-forwarded-for': forwardedFor }).send({ text: `代理后面的第${n}条意见。` });
      statuses.push({ forwardedFor, status: response.status });
    }
    expect(statuses).toEqual(statuses.map((entry, index) => ({ ...entry, status: example.statuses[index] })));
  });
});

import { Role } from '../../src/common/roles';
import { createOrg, PASSWORD, TestOrg } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/**
 * Failed sign-ins are limited per account (3 here) and per address (6 here); successful ones
 * count nothing. The app trusts one proxy, so X-Forwarded-For names the client.
 */
describe(`sign-in limits per account and per address (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let clientNumber = 0;
  const newAddress = () => ({ 'x-forwarded-for': `198.51.100.${(clientNumber += 1)}` });
  const signIn = (username: string, password: string, from: Record<string, string>) => t.http.post('/api/v1/auth/login').set(from).send({ username, password });

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1', LOGIN_ACCOUNT_RATE_LIMIT: '3', LOGIN_RATE_LIMIT: '6', LOGIN_RATE_WINDOW_SECONDS: '900' });
    // A minute into a 15-minute window, held there: the waits asked for below are then in minutes,
    // however close to a window's end the suite happens to run.
    t.clock.set(new Date(Math.floor(Date.now() / 900_000) * 900_000 + 60_000));
    org = await createOrg(t);
  });
  afterAll(() => t?.close());

  it('counts no successful sign-in: a whole office signs in from one address as often as it likes', async () => {
    const office = newAddress();
    const colleagues = await Promise.all([1, 2, 3].map(() => org.user([Role.Staff])));
    const statuses: number[] = [];
    for (let round = 0; round < 4; round += 1) for (const colleague of colleagues) statuses.push((await signIn(colleague.username, PASSWORD, office)).status);
    expect(statuses).toEqual(Array(12).fill(200));
  });

  it('locks an account after 3 wrong passwords from any addresses, even for the right one, and says how long', async () => {
    const target = await org.user([Role.Organiser]);
    const guesses: number[] = [];
    for (const guess of ['123456', 'password', 'tanxin2026']) guesses.push((await signIn(target.username, guess, newAddress())).status);
    expect(guesses).toEqual([401, 401, 401]);

    const right = await signIn(target.username, PASSWORD, newAddress());
    expect({ status: right.status, code: right.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(right.body.message).toMatch(/这个账号密码输错的次数太多，请 \d+ 分钟后再试/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(900);
    // Another spelling of the name buys no more guesses.
    expect((await signIn(` ${target.username.toUpperCase()} `, 'another-guess', newAddress())).status).toBe(429);
  });

  it('does not lock the other accounts of an address when one of them is locked', async () => {
    const office = newAddress();
    const forgetful = await org.user([Role.Staff]);
    const colleague = await org.user([Role.Leader]);
    for (let attempt = 0; attempt < 3; attempt += 1) await signIn(forgetful.username, 'forgotten', office).expect(401);
    expect((await signIn(forgetful.username, PASSWORD, office)).status).toBe(429);
    expect((await signIn(colleague.username, PASSWORD, office)).status).toBe(200);
  });

  it('refuses an address after 6 failures across accounts, while the same accounts still sign in from elsewhere', async () => {
    const sprayer = newAddress();
    const accounts = await Promise.all([1, 2, 3].map(() => org.user([Role.Staff])));
    const failures: number[] = [];
    for (const account of accounts) for (const guess of ['guess-1', 'guess-2']) failures.push((await signIn(account.username, guess, sprayer)).status);
    expect(failures).toEqual(Array(6).fill(401));

    const refused = await signIn(accounts[0].username, PASSWORD, sprayer);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(refused.body.message).toContain('登录失败的次数太多');
    expect((await signIn(accounts[0].username, PASSWORD, newAddress())).status).toBe(200);
  });

  it('shows the sign-in page again on 429, with the name kept, the wait in words and Retry-After', async () => {
    const locked = await org.user([Role.Leader]);
    for (let attempt = 0; attempt < 3; attempt += 1) await signIn(locked.username, 'wrong', newAddress()).expect(401);
    const page = await t.http
      .post('/login')
      .set(newAddress())
      .type('form')
      .send({ username: locked.username, password: PASSWORD });
    expect({ status: page.status, html: page.headers['content-type'] }).toEqual({ status: 429, html: expect.stringMatching(/^text\/html/) });
    expect(page.text).toMatch(/这个账号密码输错的次数太多，请 \d+ 分钟后再试/);
    expect(page.text).toContain(`value="${locked.username}"`);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
  });
});

import { Role } from '../../src/common/roles';
import { createOrg, login, PASSWORD, TestOrg } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const NEW_PASSWORD = 'a-new-password-42';

/** Everyone changes their own password (the initial one was handed out on paper): on the page and through the API. */
describe(`changing one's own password (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
  });
  afterAll(() => t.close());

  it('on the page: refuses a wrong current password and a mistyped repeat, then changes it and keeps this session only', async () => {
    const staff = await org.user([Role.Staff]);
    const cookie = await signInToPages(t, staff.username);
    const otherDevice = await signInToPages(t, staff.username);
    const form = await t.http.get('/me/password').set('cookie', cookie).expect(200);
    expect(form.text).toContain('修改密码');
    expect(form.text).toContain(staff.displayName);

    const wrong = await t.http.post('/me/password').set('cookie', cookie).type('form').send({ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect({ status: wrong.status, says: wrong.text.includes('当前密码不正确') }).toEqual({ status: 400, says: true });
    const mistyped = await t.http.post('/me/password').set('cookie', cookie).type('form').send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}x` });
    expect({ status: mistyped.status, says: mistyped.text.includes('两次输入的新密码不一致') }).toEqual({ status: 400, says: true });
    const short = await t.http.post('/me/password').set('cookie', cookie).type('form').send({ currentPassword: PASSWORD, newPassword: 'short', confirmPassword: 'short' });
    expect(short.status).toBe(400);
    // Nothing changed by the refusals: the old password still signs in.
    await login(t, staff.username, PASSWORD);

    const changed = await t.http.post('/me/password').set('cookie', cookie).type('form').send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(redirectedTo(changed)).toBe('/me/password?done=1');
    const renewed = ([changed.headers['set-cookie']].flat()[0] as string).split(';')[0];
    expect((await t.http.get('/me/password?done=1').set('cookie', renewed).expect(200)).text).toContain('密码已修改');
    // The other device's session has ended; the old password no longer signs in; the new one does.
    expect((await t.http.get('/me/password').set('cookie', otherDevice)).status).toBe(303);
    expect((await t.http.post('/api/v1/auth/login').send({ username: staff.username, password: PASSWORD })).status).toBe(401);
    await login(t, staff.username, NEW_PASSWORD);
  });

  it('through the API: 400 WRONG_PASSWORD, then a new token while the old ones end', async () => {
    const leader = await org.user([Role.Leader]);
    const wrong = await t.http.post('/api/v1/me/password').set(leader.auth).send({ currentPassword: 'nope', newPassword: NEW_PASSWORD });
    expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 400, code: 'WRONG_PASSWORD' });
    const same = await t.http.post('/api/v1/me/password').set(leader.auth).send({ currentPassword: PASSWORD, newPassword: PASSWORD });
    expect({ status: same.status, code: same.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });

    const changed = await t.http.post('/api/v1/me/password').set(leader.auth).send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
    expect(changed.body).toEqual({ accessToken: expect.any(String) });
    expect((await t.http.get('/api/v1/me').set(leader.auth)).status).toBe(401);
    expect((await t.http.get('/api/v1/me').set({ authorization: `Bearer ${changed.body.accessToken}` })).body.username).toBe(leader.username);
  });

  it('limits wrong guesses of the current password like sign-ins', async () => {
    const member = await org.user([Role.Leader]);
    const statuses: number[] = [];
    for (let guess = 0; guess < 12; guess += 1) {
      statuses.push((await t.http.post('/api/v1/me/password').set(member.auth).send({ currentPassword: `guess-${guess}`, newPassword: NEW_PASSWORD })).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status !== 400 && status !== 429)).toEqual([]);
  });
});

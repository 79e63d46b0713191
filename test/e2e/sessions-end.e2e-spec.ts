import { Role } from '../../src/common/roles';
import { createOrg, login, PASSWORD, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const NEW_PASSWORD = 'battery-staple-7';

/**
 * A new password or a deactivation ends the account's sessions at once: the bearer tokens handed
 * out before, and the page session (the same token in a cookie). A token issued afterwards works.
 */
describe(`ending sessions (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
  });
  afterAll(() => t.close());

  /** Signs in on the page; returns the session cookie. */
  async function pageSession(user: TestUser, password = PASSWORD): Promise<string> {
    const response = await t.http.post('/login').type('form').send({ username: user.username, password, next: '/me/items' }).expect(303);
    return ([response.headers['set-cookie']].flat()[0] as string).split(';')[0];
  }

  it('refuses the tokens and page sessions issued before a password change; a new sign-in works', async () => {
    const leader = await org.user([Role.Leader]);
    const cookie = await pageSession(leader);
    await t.http.get('/api/v1/me').set(leader.auth).expect(200);
    await t.http.get('/me/items').set('cookie', cookie).expect(200);

    await t.http.patch(`/api/v1/users/${leader.id}`).set(org.admin.auth).send({ password: NEW_PASSWORD }).expect(200);

    expect((await t.http.get('/api/v1/me').set(leader.auth).expect(401)).body.code).toBe('UNAUTHENTICATED');
    const page = await t.http.get('/me/items').set('cookie', cookie).expect(303);
    expect(page.headers.location).toBe('/login?next=%2Fme%2Fitems');

    await t.http.post('/api/v1/auth/login').send({ username: leader.username, password: PASSWORD }).expect(401);
    const fresh = await login(t, leader.username, NEW_PASSWORD);
    await t.http.get('/api/v1/me').set('authorization', `Bearer ${fresh}`).expect(200);
    await t.http.get('/me/items').set('cookie', await pageSession(leader, NEW_PASSWORD)).expect(200);
  });

  it('refuses them after a deactivation, and still after the account is active again', async () => {
    const leader = await org.user([Role.Leader]);
    const cookie = await pageSession(leader);
    await t.http.patch(`/api/v1/users/${leader.id}`).set(org.admin.auth).send({ active: false }).expect(200);
    await t.http.get('/api/v1/me').set(leader.auth).expect(401);
    await t.http.get('/me/items').set('cookie', cookie).expect(303);

    await t.http.patch(`/api/v1/users/${leader.id}`).set(org.admin.auth).send({ active: true }).expect(200);
    await t.http.get('/api/v1/me').set(leader.auth).expect(401);
    expect((await t.http.get('/me/items').set('cookie', cookie).expect(303)).headers.location).toBe('/login?next=%2Fme%2Fitems');
    const fresh = await login(t, leader.username);
    await t.http.get('/api/v1/me').set('authorization', `Bearer ${fresh}`).expect(200);
  });

  it('keeps sessions through changes that are not about signing in (a new display name)', async () => {
    const leader = await org.user([Role.Leader]);
    await t.http.patch(`/api/v1/users/${leader.id}`).set(org.admin.auth).send({ displayName: '改名后' }).expect(200);
    await t.http.get('/api/v1/me').set(leader.auth).expect(200);
  });

  it('ends the other sessions of an admin who changes their own password too', async () => {
    const admin = await org.user([Role.Admin, Role.Organiser]);
    const other = await login(t, admin.username);
    await t.http.patch(`/api/v1/users/${admin.id}`).set(admin.auth).send({ password: NEW_PASSWORD }).expect(200);
    await t.http.get('/api/v1/me').set('authorization', `Bearer ${other}`).expect(401);
    await t.http.get('/api/v1/me').set(admin.auth).expect(401);
  });
});

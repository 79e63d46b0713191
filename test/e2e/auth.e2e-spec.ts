import { Role } from '../../src/common/roles';
import { createOrg, PASSWORD, TestOrg } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

describe(`accounts and login (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
  });
  afterAll(() => t.close());

  it('logs in with the right password and returns a token with the user and roles', async () => {
    const staff = await org.user([Role.Staff]);
    const response = await t.http.post('/api/v1/auth/login').send({ username: staff.username, password: PASSWORD }).expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      user: { id: staff.id, username: staff.username, displayName: staff.displayName, roles: [Role.Staff] },
    });
    const me = await t.http.get('/api/v1/me').set({ authorization: `Bearer ${response.body.accessToken}` }).expect(200);
    expect(me.body.username).toBe(staff.username);
  });

  it('answers a wrong password and an unknown user alike: 401 INVALID_CREDENTIALS', async () => {
    const wrong = await t.http.post('/api/v1/auth/login').send({ username: org.admin.username, password: 'not-the-password' }).expect(401);
    const unknown = await t.http.post('/api/v1/auth/login').send({ username: 'nobody-here-at-all', password: PASSWORD }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('refuses /api/v1 routes without a token, with a forged token and with a token of a deactivated account', async () => {
    expect((await t.http.get('/api/v1/meetings').expect(401)).body.code).toBe('UNAUTHENTICATED');
    await t.http.get('/api/v1/meetings').set({ authorization: 'Bearer not.a.jwt' }).expect(401);
    const staff = await org.user([Role.Staff]);
    await t.http.get('/api/v1/me').set(staff.auth).expect(200);
    await t.http.patch(`/api/v1/users/${staff.id}`).set(org.admin.auth).send({ active: false }).expect(200);
    await t.http.get('/api/v1/me').set(staff.auth).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: staff.username, password: PASSWORD }).expect(401);
  });

  it('creates accounts with unique usernames and never returns the password hash', async () => {
    const response = await t.http
      .post('/api/v1/users')
      .set(org.admin.auth)
      .send({ username: 'dup-check-user', displayName: '甲', password: PASSWORD, roles: [Role.Staff] });
    expect([201, 409]).toContain(response.status);
    const again = await t.http
      .post('/api/v1/users')
      .set(org.admin.auth)
      .send({ username: 'dup-check-user', displayName: '乙', password: PASSWORD, roles: [Role.Staff] })
      .expect(409);
    expect(again.body.code).toBe('USERNAME_TAKEN');
    const list = await t.http.get('/api/v1/users').set(org.admin.auth).expect(200);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|argon2/);
  });

  it('lets only an admin grant the admin role', async () => {
    const organiser = await org.user([Role.Organiser]);
    const response = await t.http
      .post('/api/v1/users')
      .set(organiser.auth)
      .send({ username: `x${Date.now()}`, displayName: '丙', password: PASSWORD, roles: [Role.Admin] })
      .expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
    // Nor take it away; saving an admin's account with the role kept is fine.
    const admin = await org.user([Role.Admin, Role.Organiser]);
    const stripped = await t.http.patch(`/api/v1/users/${admin.id}`).set(organiser.auth).send({ roles: [Role.Organiser] });
    expect({ status: stripped.status, code: stripped.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const kept = await t.http.patch(`/api/v1/users/${admin.id}`).set(organiser.auth).send({ roles: [Role.Admin, Role.Organiser, Role.Leader] }).expect(200);
    expect([...kept.body.roles].sort()).toEqual([Role.Admin, Role.Leader, Role.Organiser].sort());
  });

  it('creates departments and branches, refusing a duplicate name', async () => {
    const created = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '办公室', kind: 'department' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), name: '办公室', kind: 'department', headUserId: null, headName: null });
    expect((await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '办公室', kind: 'branch' }).expect(409)).body.code).toBe('DEPARTMENT_EXISTS');
    expect((await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '支部', kind: 'club' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('names a department\'s head (主要负责同志): an account, shown by its name, or a name alone', async () => {
    const head = await org.user([Role.Staff], { displayName: '周建国' });
    const department = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '财务处', kind: 'department', headUserId: head.id }).expect(201);
    expect(department.body).toMatchObject({ headUserId: head.id, headName: '周建国' });
    const renamed = await t.http.patch(`/api/v1/departments/${department.body.id}`).set(org.admin.auth).send({ headUserId: null, headName: '  吴 敏 ' }).expect(200);
    expect(renamed.body).toMatchObject({ headUserId: null, headName: '吴 敏' });
    const stranger = await (await createOrg(t)).user([Role.Staff]);
    const foreign = await t.http.patch(`/api/v1/departments/${department.body.id}`).set(org.admin.auth).send({ headUserId: stranger.id });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 400, code: 'UNKNOWN_USER' });
    const list = await t.http.get('/api/v1/departments').set(org.admin.auth).expect(200);
    expect(list.body.find((entry: { id: string }) => entry.id === department.body.id)).toMatchObject({ headName: '吴 敏' });
  });

  it('puts a person in a party branch, refusing a department that is not a branch', async () => {
    const branch = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '机关第一党支部', kind: 'branch' }).expect(201);
    const office = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '人事处', kind: 'department' }).expect(201);
    const person = await org.user([Role.Staff]);
    const moved = await t.http.patch(`/api/v1/users/${person.id}`).set(org.admin.auth).send({ branchId: branch.body.id }).expect(200);
    expect(moved.body.branchId).toBe(branch.body.id);
    const refused = await t.http.patch(`/api/v1/users/${person.id}`).set(org.admin.auth).send({ branchId: office.body.id });
    expect({ status: refused.status, code: refused.body.code, field: refused.body.details?.[0]?.field }).toEqual({ status: 400, code: 'UNKNOWN_DEPARTMENT', field: 'branchId' });
  });
});

describe(`login rate limit (${driverName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '120' });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After once a client has tried too often', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await t.http.post('/api/v1/auth/login').send({ username: 'someone', password: 'guess' }).expect(401);
    }
    const limited = await t.http.post('/api/v1/auth/login').send({ username: 'someone', password: 'guess' }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(120);
  });

  it('keeps no client address in the request logs', async () => {
    expect(t.logs.join('\n')).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
  });
});


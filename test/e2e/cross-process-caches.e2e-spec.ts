import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/roles';
import { createBoxScene } from '../factories/boxes';
import { createOrg } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName, onBullmq } from '../setup/test-env';

/**
 * Two api processes on one database and one Redis: what one changes, the other's caches forget
 * at once (the change bus). Only meaningful with Redis: alone, a process has nobody to tell.
 */
describe(`caches across api processes (${driverName})`, () => {
  const withRedis = onBullmq ? it : it.skip;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    if (!onBullmq) return;
    // One key space for both, as two processes of one deployment share REDIS_PREFIX.
    const shared = { REDIS_PREFIX: `tt-${randomUUID().slice(0, 8)}` };
    a = await createTestApp(shared);
    b = await createTestApp(shared);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  withRedis('refuses at once in process B the token of an account deactivated through process A', async () => {
    const org = await createOrg(a);
    const staff = await org.user([Role.Staff]);
    await b.http.get('/api/v1/me').set(staff.auth).expect(200);

    await a.http.patch(`/api/v1/users/${staff.id}`).set(org.admin.auth).send({ active: false }).expect(200);

    const refused = await b.http.get('/api/v1/me').set(staff.auth);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  withRedis("shows at once on process B's box page a meeting renamed and a box closed through process A", async () => {
    const org = await createOrg(a);
    const scene = await createBoxScene(a, org);
    const before = await b.http.get(`/api/v1/public/boxes/${scene.box.slug}`).expect(200);
    expect(before.body).toMatchObject({ meetingTitle: scene.meeting.title, open: true });

    await a.http.patch(`/api/v1/meetings/${scene.meeting.id}`).set(scene.organiser.auth).send({ title: '改过的会议名' }).expect(200);
    const renamed = await b.http.get(`/api/v1/public/boxes/${scene.box.slug}`).expect(200);
    expect(renamed.body.meetingTitle).toBe('改过的会议名');

    await a.http.post(`/api/v1/boxes/${scene.box.id}/close`).set(scene.organiser.auth).expect(200);
    const closed = await b.http.get(`/api/v1/public/boxes/${scene.box.slug}`).expect(200);
    expect(closed.body.open).toBe(false);
  });
});

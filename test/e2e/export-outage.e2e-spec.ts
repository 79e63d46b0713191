import { ChildProcess } from 'node:child_process';
import { ExportsService } from '../../src/exports/exports.service';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg } from '../factories/organizations';
import { eventually, freePort, isListening, startRedis, waitForRedis } from '../setup/private-redis';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName, onBullmq, onMysql } from '../setup/test-env';

/**
 * MariaDB/MySQL + Redis only: an export asked for while Redis is down is a saved request (its row
 * is the outbox), so it is accepted, not answered "没有保存"; the sweeper builds it once the queue
 * is back.
 */
const describeWithRedis = onMysql && onBullmq ? describe : describe.skip;

describeWithRedis(`an export requested while Redis is down (MariaDB/MySQL + Redis only; ${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = startRedis(port);
    await waitForRedis(port);
    t = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });
    org = await createOrg(t);
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    redis?.kill('SIGKILL');
  });

  it('is accepted as queued, and built by the sweeper once Redis is back', async () => {
    const meeting = await createMeeting(t, org.admin);
    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
    await eventually(async () => !(await isListening(port)));

    const requested = await t.http.post(`/api/v1/meetings/${meeting.id}/exports`).set(org.admin.auth).send({ what: 'opinion-list', format: 'xlsx' });
    expect({ status: requested.status, state: requested.body.status }).toEqual({ status: 202, state: 'queued' });

    redis = startRedis(port);
    await waitForRedis(port);
    t.clock.advance(61_000);
    await eventually(async () => {
      await t.app.get(ExportsService).sweep().catch(() => 0);
      const state = await t.http.get(`/api/v1/exports/${requested.body.id}`).set(org.admin.auth);
      return state.body.status === 'done';
    }, 30_000);
  });
});

import { ChildProcess } from 'node:child_process';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { createBoxScene, formNonceOn, TestBox } from '../factories/boxes';
import { createOrg, TestUser } from '../factories/organizations';
import { MARIADB_PROGRAMS, missingPrograms, PrivateMariadb } from '../setup/private-mariadb';
import { eventually, freePort, isListening, startRedis, waitForRedis } from '../setup/private-redis';
import { createTestApp, TestApp } from '../setup/test-app';

/**
 * Outages answered as such: a private MariaDB and a private Redis (never the machine's own) are
 * stopped and frozen under a running app. A 503 SERVICE_UNAVAILABLE with Retry-After must mean
 * "not stored"; pages keep what was typed; a frozen database is answered within seconds.
 *
 * Runs wherever MariaDB and Redis can be started privately (this machine and CI have them, on
 * either driver of the suite); elsewhere the suite is reported skipped, naming what is missing.
 */
const missing = missingPrograms([...MARIADB_PROGRAMS, 'redis-server']);
const describeWhereRunnable = missing.length === 0 ? describe : describe.skip;
/** The default DB_QUERY_TIMEOUT_MS (5 s) and some slack: what "within seconds" means here. */
const FROZEN_ANSWER_WITHIN_MS = 8000;

describeWhereRunnable(`answers while the database or Redis is down (private MariaDB + Redis${missing.length ? `; skipped: ${missing.join(', ')} not found` : ''})`, () => {
  let mariadb: PrivateMariadb;
  let redis: ChildProcess;
  let redisPort: number;
  let t: TestApp;
  let box: TestBox;
  let organiser: TestUser;
  let clientNumber = 0;
  /** The app trusts X-Forwarded-For: each request its own client, so no rate limit gets in the way. */
  const newClient = () => ({ 'x-forwarded-for': `203.0.113.${(clientNumber += 1) % 250}` });

  const submit = (text: string, extra: Record<string, string> = {}) =>
    t.http.post(`/api/v1/public/boxes/${box.slug}/opinions`).set(newClient()).send({ text, ...extra });
  const nonce = async () => formNonceOn((await t.http.get(`/b/${box.slug}`).set(newClient()).expect(200)).text)!;
  const stored = (text: string) => t.dataSource.getRepository(RawOpinion).count({ where: { text } });
  const ready = async () => (await t.http.get('/health/ready')).status === 200;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = startRedis(redisPort);
    await waitForRedis(redisPort);
    mariadb = await PrivateMariadb.create();
    const url = await mariadb.createDatabase('outages');
    t = await createTestApp({ DB_TYPE: 'mariadb', DATABASE_URL: url, DB_MIGRATE_ON_START: 'true', REDIS_URL: `redis://127.0.0.1:${redisPort}`, TRUST_PROXY: 'true' });
    const scene = await createBoxScene(t, await createOrg(t));
    box = scene.box;
    organiser = scene.organiser;
  }, 120_000);

  afterAll(async () => {
    // Everything back up first, so the app and its worker close cleanly.
    try {
      if (mariadb) {
        try {
          mariadb.thaw();
        } catch {
          // not running
        }
        if (!(await isListening(mariadb.port))) await mariadb.start();
      }
      if (redisPort && !(await isListening(redisPort))) {
        redis = startRedis(redisPort);
        await waitForRedis(redisPort);
      }
      // The worker closes only once its connections are back (as box-outage.e2e-spec.ts waits too).
      await eventually(ready, 30_000);
      await t?.close();
    } finally {
      redis?.kill('SIGKILL');
      await mariadb?.destroy();
    }
  }, 60_000);

  it('stores a submission while everything is up', async () => {
    const response = await submit('一切正常时提交的意见。');
    expect(response.status).toBe(201);
  });

  describe('with the database stopped', () => {
    let pageNonce: string;

    beforeAll(async () => {
      pageNonce = await nonce();
      await mariadb.stop();
    }, 60_000);

    afterAll(async () => {
      if (!(await isListening(mariadb.port))) await mariadb.start();
      await eventually(ready, 20_000);
    }, 60_000);

    it('answers an API submission 503 SERVICE_UNAVAILABLE with Retry-After, saying it was not saved', async () => {
      const response = await submit('数据库停止时通过接口提交的意见。');
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.body.message).toContain('没有保存');
    });

    it('answers an organiser route 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
      const response = await t.http.get('/api/v1/meetings').set(organiser.auth);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('answers the box page with the form again, the text kept, its nonce kept, and "not saved"', async () => {
      const text = '数据库停止时在页面上写的意见 <b>&</b> 要保留。';
      const response = await t.http.post(`/b/${box.slug}/opinions`).set(newClient()).type('form').send({ text, aspect: '', targetMemberId: '', nonce: pageNonce });
      expect(response.status).toBe(503);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.text).toContain('数据库停止时在页面上写的意见 &lt;b&gt;&amp;&lt;/b&gt; 要保留。');
      expect(response.text).toContain('您的意见没有保存');
      expect(formNonceOn(response.text)).toBe(pageNonce);
    });

    it('tells anonymous callers of /health/ready only that the database is down: no host, port or library message', async () => {
      const response = await t.http.get('/health/ready');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: '服务未就绪：database 不可用',
        details: [{ field: 'database', message: 'database 不可用', status: 'down' }],
        requestId: expect.any(String),
      });
      expect(JSON.stringify(response.body)).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${mariadb.port}|ECONNREFUSED|connect`));
    });

    it('stored none of what it answered 503, once the database is back', async () => {
      await mariadb.start();
      await eventually(ready, 20_000);
      expect(await stored('数据库停止时通过接口提交的意见。')).toBe(0);
      expect(await stored('数据库停止时在页面上写的意见 <b>&</b> 要保留。')).toBe(0);
      // And the page's nonce was not spent: the same form stores now.
      const resent = await t.http.post(`/b/${box.slug}/opinions`).set(newClient()).type('form').send({ text: '数据库恢复后用同一表单重新提交。', aspect: '', targetMemberId: '', nonce: pageNonce });
      expect(resent.status).toBe(200);
      expect(await stored('数据库恢复后用同一表单重新提交。')).toBe(1);
    }, 60_000);
  });

  describe('with the database frozen (SIGSTOP)', () => {
    it('answers within seconds, 503 meaning not stored (or 504 OUTCOME_UNKNOWN when a sent write may have been), then recovers on SIGCONT', async () => {
      const apiNonce = await nonce();
      mariadb.freeze();
      let thawed = false;
      try {
        const started = Date.now();
        const timed = async <T>(request: PromiseLike<T>) => {
          const response = await request;
          return { response, ms: Date.now() - started };
        };
        const [withNonce, withoutNonce, organiserRoute] = await Promise.all([
          timed(submit('数据库冻结时带表单编号提交的意见。', { nonce: apiNonce })),
          timed(submit('数据库冻结时不带表单编号提交的意见。')),
          timed(t.http.get('/api/v1/meetings').set(organiser.auth)),
        ]);
        // Sent in a transaction whose COMMIT never went out, or read: not stored, and said so.
        for (const { response, ms } of [withNonce, organiserRoute]) {
          expect({ status: response.status, code: response.body.code, retryAfter: Number(response.headers['retry-after']) > 0 }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: true });
          expect(ms).toBeLessThan(FROZEN_ANSWER_WITHIN_MS);
        }
        // A lone INSERT already sent to the frozen server may yet run when it wakes: never a 503 then.
        expect([503, 504]).toContain(withoutNonce.response.status);
        expect(withoutNonce.response.body.code).toBe(withoutNonce.response.status === 503 ? 'SERVICE_UNAVAILABLE' : 'OUTCOME_UNKNOWN');
        expect(withoutNonce.ms).toBeLessThan(FROZEN_ANSWER_WITHIN_MS);

        mariadb.thaw();
        thawed = true;
        await eventually(ready, 20_000);
        expect(await stored('数据库冻结时带表单编号提交的意见。')).toBe(0);
        if (withoutNonce.response.status === 503) expect(await stored('数据库冻结时不带表单编号提交的意见。')).toBe(0);
        // The same nonce again: it was not spent, so this stores.
        expect((await submit('数据库解冻后用同一表单编号重新提交。', { nonce: apiNonce })).status).toBe(201);
        expect((await t.http.get('/api/v1/meetings').set(organiser.auth)).status).toBe(200);
      } finally {
        if (!thawed) mariadb.thaw();
      }
    }, 60_000);
  });

  describe('with Redis stopped', () => {
    beforeAll(async () => {
      redis.kill('SIGKILL');
      await new Promise((resolve) => redis.once('exit', resolve));
      await eventually(async () => !(await isListening(redisPort)));
    });

    it('still takes box submissions (rate limits fall back to memory)', async () => {
      const response = await submit('Redis 停止时提交的意见。');
      expect(response.status).toBe(201);
      expect(await stored('Redis 停止时提交的意见。')).toBe(1);
    });

    it('tells anonymous callers of /health/ready only that redis is down', async () => {
      const response = await t.http.get('/health/ready');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: '服务未就绪：redis 不可用', details: [{ field: 'redis', message: 'redis 不可用', status: 'down' }] });
      expect(JSON.stringify(response.body)).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${redisPort}|ECONNREFUSED|connect`));
    });
  });
});

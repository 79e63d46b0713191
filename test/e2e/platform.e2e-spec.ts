import { DataSource } from 'typeorm';
import { ConfigError } from '../../src/config/environment';
import { buildOpenApiDocument } from '../../src/core/http';
import { startApi } from '../../src/main';
import { createOrg, PASSWORD, TestOrg } from '../factories/organizations';
import { eventually, freePort, startRedis, waitForRedis } from '../setup/private-redis';
import { createTestApp, TestApp } from '../setup/test-app';
import { baseTestEnv, driverName, onBullmq } from '../setup/test-env';

describe(`HTTP platform (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT: '4096' });
    org = await createOrg(t);
  });
  afterAll(() => t.close());

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: 'x'.repeat(5000), kind: 'department' }).expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and a non-JSON body with 415', async () => {
    const malformed = await t.http.post('/api/v1/auth/login').set('content-type', 'application/json').send('{"username": ').expect(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const text = await t.http.post('/api/v1/auth/login').set('content-type', 'text/plain').send('hello').expect(415);
    expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers unknown fields with 400 VALIDATION_FAILED naming the field', async () => {
    const response = await t.http.post('/api/v1/departments').set(org.admin.auth).send({ name: '审计部', kind: 'department', budget: 1 }).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'budget' })] });
  });

  it('answers an unknown route with 404 in the error shape, with the request id echoed', async () => {
    const response = await t.http.get('/api/v1/no-such-thing').set('x-request-id', 'trace-42').expect(404);
    expect(response.body).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: expect.any(String), requestId: 'trace-42' });
  });

  it('answers a malformed record id like a missing record (404), not with a validation error', async () => {
    expect((await t.http.get('/api/v1/meetings/not-an-id').set(org.admin.auth).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('sends security headers (helmet) and a same-origin-only content security policy', async () => {
    const response = await t.http.get('/health/live').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('never writes bodies, passwords or authorization headers to the request log', async () => {
    await t.http.post('/api/v1/auth/login').send({ username: org.admin.username, password: PASSWORD }).expect(200);
    await t.http.get('/api/v1/me').set(org.admin.auth).expect(200);
    const logs = t.logs.join('\n');
    expect(logs).toContain('"url":"/api/v1/auth/login"');
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain(org.admin.token);
    expect(logs).not.toMatch(/authorization|user-agent|remoteAddress/i);
  });

  it('answers /health/live and /health/ready with 200 while everything is up', async () => {
    await t.http.get('/health/live').expect(200);
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
    if (onBullmq) expect(ready.body.info.redis.status).toBe('up');
  });

  it('keeps entities and migrations in agreement: the migrated schema needs no change', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    expect(t.dataSource.options.synchronize).toBe(false);
  });
});

// Named without the driver: one snapshot for both runs.
describe('the HTTP contract', () => {
  let c: TestApp;
  beforeAll(async () => {
    c = await createTestApp();
  });
  afterAll(() => c.close());

  it('serves the OpenAPI document at /api/docs, matching the reviewed snapshot', async () => {
    await c.http.get('/api/docs').expect(200);
    const spec = (await c.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/meetings/{id}/team']));
    // A changed contract shows up here: review the diff, then run `npx jest -u` to accept it.
    expect(await buildOpenApiDocument(c.app)).toMatchSnapshot();
  });

});

describe('the content security policy and the public address', () => {
  // Over plain http (a LAN address, compose without TLS) upgrade-insecure-requests would send the
  // page's form and script to https and the box page could not send anything.
  it.each([
    ['http://192.0.2.10:3000', false],
    ['https://tanxin.example.org', true],
  ])('with PUBLIC_BASE_URL %s asks browsers to upgrade to https: %s', async (publicBaseUrl, upgrades) => {
    const app = await createTestApp({ PUBLIC_BASE_URL: publicBaseUrl });
    try {
      const policy = String((await app.http.get('/health/live')).headers['content-security-policy']);
      expect({ publicBaseUrl, policy, upgrades: policy.includes('upgrade-insecure-requests') }).toEqual({ publicBaseUrl, policy, upgrades });
    } finally {
      await app.close();
    }
  });
});

describe('start-up', () => {
  it('refuses to start in production with the default JWT secret, naming the variable to set', async () => {
    await expect(startApi({ NODE_ENV: 'production', DATA_DIR: '/tmp/never' })).rejects.toThrow(ConfigError);
    await expect(startApi({ NODE_ENV: 'production', DATA_DIR: '/tmp/never' })).rejects.toThrow(/JWT_SECRET/);
    await expect(startApi({ NODE_ENV: 'production', JWT_SECRET: 'short' })).rejects.toThrow(/at least 32 characters/);
  });

  it('refuses to start in production without its own anonymity key (receipts, rate-limit keys)', async () => {
    const jwt = { NODE_ENV: 'production', DATA_DIR: '/tmp/never', JWT_SECRET: 'j'.repeat(40) };
    await expect(startApi(jwt)).rejects.toThrow(/ANONYMITY_SECRET must be set/);
    await expect(startApi({ ...jwt, ANONYMITY_SECRET: 'j'.repeat(40) })).rejects.toThrow(/ANONYMITY_SECRET must differ from JWT_SECRET/);
  });

  it('refuses bad values with a message naming each one', async () => {
    const attempt = startApi({ PORT: 'eighty', DB_TYPE: 'oracle', REDIS_URL: 'localhost:6379' });
    await expect(attempt).rejects.toThrow(/PORT[\s\S]*DB_TYPE[\s\S]*REDIS_URL/);
  });
});

describe(`readiness when a dependency is down (${driverName})`, () => {
  it('answers /health/ready with 503 naming the database when it is unreachable', async () => {
    const t = await createTestApp();
    try {
      await t.dataSource.destroy();
      const response = await t.http.get('/health/ready').expect(503);
      expect(response.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('database') });
      await t.http.get('/health/live').expect(200);
    } finally {
      await (t.app.get(DataSource).isInitialized ? t.close() : t.close().catch(() => undefined));
    }
  });

  if (onBullmq) {
    it('answers /health/ready with 503 naming redis when Redis stops, and 200 again when it is back', async () => {
      const port = await freePort();
      let redis = startRedis(port);
      await waitForRedis(port);
      const t = await createTestApp({ ...baseTestEnv(), REDIS_URL: `redis://127.0.0.1:${port}` });
      try {
        await t.http.get('/health/ready').expect(200);
        redis.kill('SIGKILL');
        await new Promise((resolve) => redis.once('exit', resolve));
        const down = await t.http.get('/health/ready').expect(503);
        expect(down.body.message).toContain('redis');
        expect(down.body.message).not.toContain('database');
        redis = startRedis(port);
        await waitForRedis(port);
        await eventually(async () => (await t.http.get('/health/ready')).status === 200);
      } finally {
        await t.close().catch(() => undefined);
        redis.kill('SIGKILL');
      }
    });
  }
});

import { ChildProcess } from 'node:child_process';
import { countStoredOpinions, createBoxScene, TestBox } from '../factories/boxes';
import { createOrg } from '../factories/organizations';
import { eventually, freePort, isListening, startRedis, waitForRedis } from '../setup/private-redis';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName, onBullmq, onMysql } from '../setup/test-env';

/**
 * MariaDB/MySQL + Redis only: in embedded mode there is no Redis to lose. The suite stops a
 * private redis-server under a running app and checks that writers notice nothing: the
 * opinion goes to the database (Redis only ever holds the rate-limit counters), and the
 * limiter goes on counting in memory.
 */
const describeWithRedis = onMysql && onBullmq ? describe : describe.skip;

describeWithRedis(`box submissions while Redis is down (MariaDB/MySQL + Redis only; ${driverName})`, () => {
  let t: TestApp;
  let box: TestBox;
  let redis: ChildProcess;
  let port: number;
  let clientNumber = 0;
  /** The app trusts X-Forwarded-For, so each client has its own counter. */
  const newClient = () => ({ 'x-forwarded-for': `192.0.2.${(clientNumber += 1)}` });
  let accepted = 0;

  const submit = (text: string, client: Record<string, string>) =>
    t.http.post(`/api/v1/public/boxes/${box.slug}/opinions`).set(client).send({ text });

  beforeAll(async () => {
    port = await freePort();
    redis = startRedis(port);
    await waitForRedis(port);
    t = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, BOX_SUBMIT_RATE_LIMIT: '3', TRUST_PROXY: 'true' });
    const org = await createOrg(t);
    box = (await createBoxScene(t, org)).box;
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    redis?.kill('SIGKILL');
  });

  it('takes submissions while Redis is up', async () => {
    const response = await submit('Redis 正常时提交的意见。', newClient());
    expect({ status: response.status, body: response.body }).toEqual({ status: 201, body: { receipt: expect.any(String) } });
    accepted += 1;
    expect(await countStoredOpinions(t, box.id)).toBe(accepted);
  });

  it('goes on taking and storing every submission once Redis has stopped: none lost', async () => {
    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
    await eventually(async () => !(await isListening(port)));

    const statuses: Array<{ index: number; status: number; body: unknown }> = [];
    for (let index = 1; index <= 8; index += 1) {
      const response = await submit(`Redis 停止后提交的第${index}条意见。`, newClient());
      statuses.push({ index, status: response.status, body: response.status === 201 ? 'receipt' : response.body });
    }
    // A burst at once too, as when a poster goes up in a canteen.
    const burst = await Promise.all([1, 2, 3, 4, 5, 6].map((index) => submit(`Redis 停止后同时提交的第${index}条意见。`, newClient())));
    burst.forEach((response, index) => statuses.push({ index: 100 + index, status: response.status, body: response.status === 201 ? 'receipt' : response.body }));

    expect(statuses.filter((entry) => entry.status !== 201)).toEqual([]);
    accepted += statuses.length;
    expect(await countStoredOpinions(t, box.id)).toBe(accepted);
  });

  it('keeps limiting from memory while Redis is down: the 4th submission of a client is 429 with Retry-After, not 500', async () => {
    const client = newClient();
    const answers: number[] = [];
    for (let index = 1; index <= 4; index += 1) answers.push((await submit(`限流时提交的第${index}条意见。`, client)).status);
    expect(answers).toEqual([201, 201, 201, 429]);
    accepted += 3;
    const limited = await submit('限流时提交的第5条意见。', client);
    expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await countStoredOpinions(t, box.id)).toBe(accepted);
  });

  it('takes submissions again once Redis is back, still storing each', async () => {
    redis = startRedis(port);
    await waitForRedis(port);
    await eventually(async () => (await t.http.get('/health/ready')).status === 200);
    for (let index = 1; index <= 3; index += 1) {
      const response = await submit(`Redis 恢复后提交的第${index}条意见。`, newClient());
      expect({ index, status: response.status }).toEqual({ index, status: 201 });
      accepted += 1;
    }
    expect(await countStoredOpinions(t, box.id)).toBe(accepted);
    // The limiter counts in Redis again: a client's 4th submission is refused as before.
    const client = newClient();
    const answers: number[] = [];
    for (let index = 1; index <= 4; index += 1) answers.push((await submit(`恢复后限流的第${index}条意见。`, client)).status);
    expect(answers).toEqual([201, 201, 201, 429]);
  });
});

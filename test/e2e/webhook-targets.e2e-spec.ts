import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '../../src/common/roles';
import { WebhookDelivery } from '../../src/notifications/webhook-delivery.entity';
import { Webhook } from '../../src/notifications/webhook.entity';
import { WebhookTargetRefused, WebhookTargets } from '../../src/notifications/webhook-targets';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/** A receiver on loopback that counts what reaches it. */
async function startReceiver(): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, hits };
}

async function notifyTeam(t: TestApp, org: TestOrg, organiser: TestUser): Promise<void> {
  const leader = await org.user([Role.Leader]);
  const meeting = await createMeeting(t, organiser);
  await t.http
    .put(`/api/v1/meetings/${meeting.id}/team`)
    .set(organiser.auth)
    .send({ members: [{ userId: leader.id, role: 'secretary', oversees: [] }] })
    .expect(200);
  await t.drain();
}

/** What each describe works in: a test app with these settings, its organisation, an organiser and a receiver. */
interface Scene {
  t: TestApp;
  org: TestOrg;
  organiser: TestUser;
  receiver: Awaited<ReturnType<typeof startReceiver>>;
}

/** Builds the scene before the describe's tests and takes it down after; its fields are set once beforeAll has run. */
function sceneWith(env: Record<string, string>): Scene {
  const scene = {} as Scene;
  beforeAll(async () => {
    scene.t = await createTestApp(env);
    scene.org = await createOrg(scene.t);
    scene.organiser = await scene.org.user([Role.Organiser]);
    scene.receiver = await startReceiver();
  });
  afterAll(async () => {
    await scene.t.close();
    await new Promise((resolve) => scene.receiver.server.close(resolve));
  });
  return scene;
}

describe(`webhook targets (${driverName})`, () => {
  describe('without an allow-list', () => {
    // The suite's default allows 127.0.0.1 (its receivers); this app allows nothing.
    const scene = sceneWith({ WEBHOOK_ALLOWED_HOSTS: '', QUEUE_ATTEMPTS: '3', QUEUE_BACKOFF_MS: '100' });

    it.each([
      ['loopback', 'http://127.0.0.1:9/hook'],
      ['loopback, another address of 127/8', 'http://127.8.9.10/hook'],
      ['cloud metadata (link-local)', 'http://169.254.169.254/latest/meta-data/'],
      ['private 10/8', 'http://10.1.2.3/hook'],
      ['private 172.16/12', 'https://172.20.0.5/hook'],
      ['private 192.168/16', 'http://192.168.1.1:8080/hook'],
      ['IPv6 loopback', 'http://[::1]:9/hook'],
      ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/hook'],
      ['IPv6 unique local', 'http://[fd00::1]/hook'],
      ['IPv6 link-local', 'http://[fe80::1]/hook'],
      ['unspecified', 'http://0.0.0.0:9/hook'],
      ['multicast', 'http://224.0.0.1/hook'],
      ['a name resolving to loopback', 'http://localhost:9/hook'],
    ])('refuses a webhook to %s: 400 WEBHOOK_TARGET_REFUSED naming url', async (_what, url) => {
      const { t, organiser } = scene;
      const response = await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url, format: 'generic' }).expect(400);
      expect(response.body).toMatchObject({ code: 'WEBHOOK_TARGET_REFUSED', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
      expect(response.body.details).toEqual([{ field: 'url', message: expect.stringContaining('url') }]);
      expect((await t.http.get('/api/v1/webhooks').set(organiser.auth).expect(200)).body).toEqual([]);
    });

    it('refuses loopback written as a number too (the URL check already turns it away)', async () => {
      const { t, organiser } = scene;
      const response = await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: 'http://2130706433/hook', format: 'generic' }).expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'url' })]);
    });

    it('accepts a public address', async () => {
      const { t, organiser } = scene;
      const created = await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: 'https://93.184.215.14/cgi-bin/webhook/send?key=abc', format: 'wecom' }).expect(201);
      await t.http.delete(`/api/v1/webhooks/${created.body.id}`).set(organiser.auth).expect(204);
    });

    it('checks again at delivery: a webhook whose target became refused is failed once with the reason, not retried, and nothing reaches it', async () => {
      const { t, org, organiser, receiver } = scene;
      // As if the name had resolved to a public address when the webhook was made: the row is
      // there, its target is loopback now.
      const webhookId = randomUUID();
      await t.dataSource.getRepository(Webhook).insert({ id: webhookId, organizationId: org.id, url: receiver.url, format: 'generic', secret: null, active: true, createdAt: new Date() });
      await notifyTeam(t, org, organiser);
      expect(receiver.hits).toEqual([]);
      const deliveries = await t.dataSource.getRepository(WebhookDelivery).find({ where: { webhookId } });
      expect(deliveries).toEqual([expect.objectContaining({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^refused: address 127\.0\.0\.1 is loopback/) })]);
      const listed = await t.http.get(`/api/v1/webhooks/${webhookId}/deliveries`).set(organiser.auth).expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ status: 'failed', lastError: expect.stringContaining('loopback') })]);
      await t.http.delete(`/api/v1/webhooks/${webhookId}`).set(organiser.auth).expect(204);
    });
  });

  describe('with WEBHOOK_ALLOWED_HOSTS', () => {
    const scene = sceneWith({ WEBHOOK_ALLOWED_HOSTS: 'robot.intranet.example, 127.0.0.0/8,10.8.0.0/16' });

    it('accepts the hosts and ranges listed, and only those', async () => {
      const { t, organiser } = scene;
      await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: 'http://robot.intranet.example/send', format: 'dingtalk' }).expect(201);
      await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: 'http://10.8.3.4:8080/send', format: 'wecom' }).expect(201);
      await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: 'http://10.9.0.1/send', format: 'wecom' }).expect(400);
      await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: 'http://169.254.169.254/', format: 'generic' }).expect(400);
      for (const webhook of (await t.http.get('/api/v1/webhooks').set(organiser.auth)).body) {
        await t.http.delete(`/api/v1/webhooks/${webhook.id}`).set(organiser.auth).expect(204);
      }
    });

    it('delivers to an allowed intranet receiver', async () => {
      const { t, org, organiser, receiver } = scene;
      const created = await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: receiver.url, format: 'generic' }).expect(201);
      await notifyTeam(t, org, organiser);
      expect(receiver.hits).toEqual(['/hook']);
      const deliveries = await t.http.get(`/api/v1/webhooks/${created.body.id}/deliveries`).set(organiser.auth).expect(200);
      expect(deliveries.body).toEqual([expect.objectContaining({ status: 'delivered', attempts: 1 })]);
    });
  });

  describe('the connection itself', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ WEBHOOK_ALLOWED_HOSTS: '' });
    });
    afterAll(() => t.close());

    it('connects only to addresses it checked: the lookup it connects with refuses a name that resolves to loopback', async () => {
      const targets = t.app.get(WebhookTargets);
      const error = await new Promise<Error | null>((resolve) => targets.lookup('localhost', {}, (lookupError) => resolve(lookupError)));
      expect(error).toBeInstanceOf(WebhookTargetRefused);
      expect(error?.message).toMatch(/host localhost resolves to .*, which is loopback/);
    });
  });
});

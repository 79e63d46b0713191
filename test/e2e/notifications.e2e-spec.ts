import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '../../src/common/roles';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { eventually } from '../setup/private-redis';
import { driverName } from '../setup/test-env';

/** A local webhook receiver whose answers the test scripts (e.g. fail once, then accept). */
class Receiver {
  readonly received: Array<{ headers: IncomingMessage['headers']; body: string; url: string }> = [];
  private answers: Array<{ status: number; body: string }> = [];
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body, url: req.url ?? '' });
        const answer = this.answers.shift() ?? { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** The posts about one recipient's notifications: other deliveries of the app are not the test's. */
  postsFor(recipientId: string): Array<{ headers: IncomingMessage['headers']; body: string; url: string }> {
    return this.received.filter((post) => JSON.parse(post.body).notification?.recipient?.id === recipientId);
  }

  answerNext(...answers: Array<{ status: number; body?: string }>): void {
    this.answers.push(...answers.map((answer) => ({ status: answer.status, body: answer.body ?? '{}' })));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe(`notifications (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  const receiver = new Receiver();
  let hookUrl: string;

  beforeAll(async () => {
    t = await createTestApp({ QUEUE_ATTEMPTS: '3', QUEUE_BACKOFF_MS: '100' });
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    hookUrl = await receiver.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  async function assignTeam(people: TestUser[]): Promise<string> {
    const meeting = await createMeeting(t, organiser, { title: '2026年度机关党委民主生活会' });
    await t.http
      .put(`/api/v1/meetings/${meeting.id}/team`)
      .set(organiser.auth)
      .send({ members: people.map((person, index) => ({ userId: person.id, role: index === 0 ? 'secretary' : 'member', oversees: [] })) })
      .expect(200);
    await t.drain();
    return meeting.id;
  }

  it('tells each team member in their inbox that they are on the team, and lets them mark it read', async () => {
    const leaders = [await org.user([Role.Leader]), await org.user([Role.Leader])];
    await assignTeam(leaders);
    for (const leader of leaders) {
      const inbox = await t.http.get('/api/v1/me/notifications').set(leader.auth).expect(200);
      expect(inbox.body.unread).toBe(1);
      expect(inbox.body.items).toHaveLength(1);
      expect(inbox.body.items[0]).toMatchObject({ kind: 'team.assigned', read: false });
      expect(inbox.body.items[0].body).toContain('您已被列为“2026年度机关党委民主生活会”民主生活会班子成员');
    }
    const first = (await t.http.get('/api/v1/me/notifications').set(leaders[0].auth)).body.items[0];
    expect((await t.http.post(`/api/v1/me/notifications/${first.id}/read`).set(leaders[0].auth).expect(200)).body.read).toBe(true);
    expect((await t.http.get('/api/v1/me/notifications?unread=true').set(leaders[0].auth).expect(200)).body).toEqual({ unread: 0, items: [] });
    // Someone else's notification answers like a missing one.
    const second = (await t.http.get('/api/v1/me/notifications').set(leaders[1].auth)).body.items[0];
    await t.http.post(`/api/v1/me/notifications/${second.id}/read`).set(leaders[0].auth).expect(404);
    expect((await t.http.post('/api/v1/me/notifications/read-all').set(leaders[1].auth).expect(200)).body).toEqual({ marked: 1 });
  });

  it('does not tell people again who were already on the team', async () => {
    const leaders = [await org.user([Role.Leader]), await org.user([Role.Leader])];
    const meetingId = await assignTeam(leaders);
    const newcomer = await org.user([Role.Leader]);
    await t.http
      .put(`/api/v1/meetings/${meetingId}/team`)
      .set(organiser.auth)
      .send({ members: [...leaders, newcomer].map((person, index) => ({ userId: person.id, role: index === 0 ? 'secretary' : 'member', oversees: [] })) })
      .expect(200);
    expect((await t.http.get('/api/v1/me/notifications').set(leaders[0].auth)).body.items).toHaveLength(1);
    expect((await t.http.get('/api/v1/me/notifications').set(newcomer.auth)).body.items).toHaveLength(1);
  });

  describe('webhooks', () => {
    let webhookId: string;

    beforeAll(async () => {
      const created = await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: hookUrl, format: 'generic', secret: 'hook-secret' }).expect(201);
      expect(created.body).toEqual({ id: expect.any(String), url: hookUrl, format: 'generic', signed: true, active: true });
      webhookId = created.body.id;
    });

    it('posts each notification to the webhook as signed JSON', async () => {
      receiver.received.length = 0;
      const leader = await org.user([Role.Leader], { displayName: '钱多多' });
      await assignTeam([leader]);
      expect(receiver.received).toHaveLength(1);
      const [delivery] = receiver.received;
      const expected = `sha256=${createHmac('sha256', 'hook-secret').update(delivery.body).digest('hex')}`;
      expect(delivery.headers['x-tanxin-signature']).toBe(expected);
      const payload = JSON.parse(delivery.body);
      expect(payload).toMatchObject({ event: 'notification.created', notification: { kind: 'team.assigned', recipient: { id: leader.id, displayName: '钱多多' } } });
    });

    it('retries a delivery the receiver first refuses, and records it delivered', async () => {
      receiver.received.length = 0;
      receiver.answerNext({ status: 500, body: 'busy' });
      await assignTeam([await org.user([Role.Leader])]);
      expect(receiver.received).toHaveLength(2);
      const deliveries = await t.http.get(`/api/v1/webhooks/${webhookId}/deliveries`).set(organiser.auth).expect(200);
      // MySQL keeps seconds only, so "newest first" may tie with the delivery of the test before.
      expect(deliveries.body.filter((delivery: { attempts: number }) => delivery.attempts === 2)).toEqual([
        expect.objectContaining({ status: 'delivered', attempts: 2, lastError: null }),
      ]);
    });

    it('gives up after the last attempt: the delivery is failed and the job stays visible to admins', async () => {
      receiver.received.length = 0;
      receiver.answerNext({ status: 500 }, { status: 502 }, { status: 503 });
      const leader = await org.user([Role.Leader]);
      await assignTeam([leader]);
      // The last attempt's outcome is written after its answer: wait for the delivery, not the post.
      let failed: Array<{ id: string; status: string; attempts: number }> = [];
      await eventually(async () => {
        const deliveries = await t.http.get(`/api/v1/webhooks/${webhookId}/deliveries`).set(organiser.auth).expect(200);
        failed = deliveries.body.filter((delivery: { status: string }) => delivery.status === 'failed');
        return failed.length > 0;
      }).catch(() => {
        throw new Error(`no delivery marked failed after three refusals; the receiver was posted ${receiver.received.length} time(s)`);
      });
      expect(receiver.postsFor(leader.id)).toHaveLength(3);
      expect(failed).toEqual([expect.objectContaining({ status: 'failed', attempts: 3, lastError: expect.stringContaining('HTTP 503') })]);
      const queues = await t.http.get('/api/v1/admin/queues').set(org.admin.auth).expect(200);
      const notifications = queues.body.queues.find((queue: { name: string }) => queue.name === 'notifications');
      expect(notifications.failed.map((job: { payload: { deliveryId: string } }) => job.payload.deliveryId)).toContain(failed[0].id);
      // Payloads carry ids only.
      expect(Object.keys(notifications.failed[0].payload)).toEqual(['deliveryId']);
    });

    it('speaks the WeCom robot format and treats a non-zero errcode as a failure', async () => {
      await t.http.delete(`/api/v1/webhooks/${webhookId}`).set(organiser.auth).expect(204);
      const wecom = await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: hookUrl, format: 'wecom' }).expect(201);
      receiver.received.length = 0;
      receiver.answerNext({ status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' });
      await assignTeam([await org.user([Role.Leader])]);
      expect(receiver.received).toHaveLength(2);
      expect(JSON.parse(receiver.received[1].body)).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('班子成员') } });
      const deliveries = await t.http.get(`/api/v1/webhooks/${wecom.body.id}/deliveries`).set(organiser.auth).expect(200);
      expect(deliveries.body[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    });
  });
});

import { Injectable, Logger } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { ProcessesJob } from '../queue/job-processor.decorator';
import { JobContext, JobHandler, JobName, JobPayloads } from '../queue/jobs';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';
import { buildWebhookRequest, deliveryProblem, WebhookRequest } from './webhook-format';
import { WebhookTargetRefused, WebhookTargets } from './webhook-targets';

/** The most of a receiver's answer read: its excerpt goes into the delivery history. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** The delivery was not made because its target is refused: recorded failed, never retried. */
type Outcome = { refused: string } | { problem: string | null };

type Payload = JobPayloads[JobName.DeliverWebhook];

/** Posts one notification to one webhook. Idempotent: a delivery already made is not made again. */
@Injectable()
@ProcessesJob(JobName.DeliverWebhook)
export class WebhookDeliveryProcessor implements JobHandler<JobName.DeliverWebhook> {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly targets: WebhookTargets,
  ) {}

  async handle({ deliveryId }: Payload, context: JobContext): Promise<void> {
    const delivery = await this.deliveries.findOne({ where: { id: deliveryId } });
    if (!delivery || delivery.status !== 'pending') return;
    const [webhook, notification] = await Promise.all([
      this.webhooks.findOne({ where: { id: delivery.webhookId } }),
      this.notifications.findOne({ where: { id: delivery.notificationId } }),
    ]);
    if (!webhook?.active || !notification) {
      await this.deliveries.update({ id: deliveryId }, { status: 'failed', lastError: 'webhook removed or disabled', updatedAt: this.clock.now() });
      return;
    }
    const recipient = await this.users.findOne({ where: { id: notification.userId } });
    const request = buildWebhookRequest(webhook.format, webhook.url, webhook.secret, {
      id: notification.id,
      kind: notification.kind,
      title: notification.title,
      body: notification.body,
      link: notification.link ? `${this.config.publicBaseUrl}${notification.link}` : null,
      createdAt: notification.createdAt.toISOString(),
      recipient: { id: notification.userId, username: recipient?.username ?? '', displayName: recipient?.displayName ?? '' },
    }, this.clock.now());

    // The target is checked again at each delivery: DNS can change after the webhook was created.
    const outcome = await this.post(webhook.format, request);
    const attempts = delivery.attempts + 1;
    if ('refused' in outcome) {
      const reason = `refused: ${outcome.refused}`.slice(0, 500);
      this.logger.warn(`webhook ${webhook.id}: delivery ${deliveryId} not made, ${reason}`);
      await this.deliveries.update({ id: deliveryId }, { status: 'failed', attempts, lastError: reason, updatedAt: this.clock.now() });
      return;
    }
    const { problem } = outcome;
    if (problem) {
      await this.deliveries.update({ id: deliveryId }, { attempts, lastError: problem.slice(0, 500), updatedAt: this.clock.now() });
      throw new Error(`webhook ${webhook.id} refused delivery ${deliveryId} (attempt ${context.attempt}/${context.maxAttempts}): ${problem}`);
    }
    await this.deliveries.update({ id: deliveryId }, { status: 'delivered', attempts, lastError: null, deliveredAt: this.clock.now(), updatedAt: this.clock.now() });
  }

  async onExhausted({ deliveryId }: Payload, error: Error): Promise<void> {
    this.logger.warn(`delivery ${deliveryId} given up: ${error.message}`);
    await this.deliveries.update({ id: deliveryId, status: 'pending' }, { status: 'failed', updatedAt: this.clock.now() });
  }

  /**
   * Posts with node:http(s), connecting only to an address the target check passed (its `lookup`
   * refuses the rest), so a name cannot answer one address to the check and another to the
   * connection. Redirects are not followed (a 3xx is a failure).
   */
  private async post(format: Webhook['format'], request: WebhookRequest): Promise<Outcome> {
    const refused = await this.targets.refusal(request.url, { unresolved: 'pass' });
    if (refused) return { refused };
    return new Promise<Outcome>((resolve) => {
      const url = new URL(request.url);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const body = Buffer.from(request.body, 'utf8');
      const outgoing = send(
        url,
        {
          method: 'POST',
          headers: { ...request.headers, 'content-length': String(body.length) },
          lookup: this.targets.lookup,
          signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
        },
        (answer) => {
          const chunks: Buffer[] = [];
          let size = 0;
          answer.on('data', (chunk: Buffer) => {
            if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
            size += chunk.length;
          });
          answer.on('end', () => resolve({ problem: deliveryProblem(format, answer.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')) }));
          answer.on('error', (error) => resolve({ problem: `could not reach the receiver: ${error.message}` }));
          // Cut off (the timeout, a reset) before its end: the first of these answers wins.
          answer.on('close', () => resolve({ problem: 'could not reach the receiver: the answer was cut off' }));
        },
      );
      outgoing.on('error', (error) =>
        resolve(error instanceof WebhookTargetRefused ? { refused: error.reason } : { problem: `could not reach the receiver: ${error.message}` }),
      );
      outgoing.end(body);
    });
  }
}

import { Injectable, Logger } from '@nestjs/common';
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
import { buildWebhookRequest, deliveryProblem } from './webhook-format';

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

    const problem = await this.post(webhook.format, request);
    const attempts = delivery.attempts + 1;
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

  private async post(format: Webhook['format'], request: { url: string; headers: Record<string, string>; body: string }): Promise<string | null> {
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
        redirect: 'error',
      });
      return deliveryProblem(format, response.status, await response.text());
    } catch (error) {
      return `could not reach the receiver: ${(error as Error).message}`;
    }
  }
}

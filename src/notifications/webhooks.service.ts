import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { findOwned, ownedBy } from '../common/tenancy';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly clock: Clock,
  ) {}

  async createWebhook(actor: Actor, dto: CreateWebhookDto): Promise<Webhook> {
    const webhook: Webhook = {
      id: newId(),
      organizationId: actor.organizationId,
      url: dto.url,
      format: dto.format,
      secret: dto.secret || null,
      active: true,
      createdAt: this.clock.now(),
    };
    await this.webhooks.insert(webhook);
    return webhook;
  }

  listWebhooks(actor: Actor): Promise<Webhook[]> {
    return this.webhooks.find({ where: ownedBy<Webhook>(actor), order: { createdAt: 'ASC' } });
  }

  /** Stops future deliveries; the delivery history stays. */
  async deactivateWebhook(actor: Actor, id: string): Promise<void> {
    const webhook = await findOwned(this.webhooks, actor, id, 'Webhook');
    await this.webhooks.update({ id: webhook.id }, { active: false });
  }

  async listDeliveries(actor: Actor, webhookId: string): Promise<WebhookDelivery[]> {
    const webhook = await findOwned(this.webhooks, actor, webhookId, 'Webhook');
    return this.deliveries.find({ where: { webhookId: webhook.id }, order: { createdAt: 'DESC' }, take: 100 });
  }
}

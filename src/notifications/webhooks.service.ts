import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { findOwned, ownedBy } from '../common/tenancy';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';
import { WebhookTargets } from './webhook-targets';

@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly clock: Clock,
    private readonly targets: WebhookTargets,
  ) {}

  /**
   * A webhook to a loopback, link-local, private or reserved address (or a name resolving to one)
   * is refused, 400 WEBHOOK_TARGET_REFUSED, unless WEBHOOK_ALLOWED_HOSTS names it; each delivery
   * checks again (WebhookDeliveryProcessor).
   */
  async createWebhook(actor: Actor, dto: CreateWebhookDto): Promise<Webhook> {
    const refusal = await this.targets.refusal(dto.url);
    if (refusal) {
      throw AppError.badRequest(ErrorCode.WebhookTargetRefused, 'Webhook 地址不能指向本机、内网、链路本地或保留地址', [
        { field: 'url', message: `url 不能指向本机、内网、链路本地或保留地址（内网机器人须由管理员加入 WEBHOOK_ALLOWED_HOSTS）：${refusal}` },
      ]);
    }
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

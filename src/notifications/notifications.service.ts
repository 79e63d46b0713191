import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { JobDispatcher } from '../queue/job-dispatcher';
import { JobName } from '../queue/jobs';
import { Notification } from './notification.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

export interface NewNotification {
  organizationId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** The same key twice stores one notification: reminders sent again the same day collapse. */
  dedupeKey?: string;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly dispatcher: JobDispatcher,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores notifications and their webhook deliveries (the outbox) in the caller's transaction.
   * Returns the delivery ids to hand to `dispatchDeliveries` once the transaction has committed.
   */
  async record(manager: EntityManager, messages: NewNotification[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const now = this.clock.now();
    const stored: Notification[] = [];
    for (const message of messages) {
      if (message.dedupeKey && (await manager.getRepository(Notification).exists({ where: { dedupeKey: message.dedupeKey } }))) continue;
      stored.push({
        id: newId(),
        organizationId: message.organizationId,
        userId: message.userId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        link: message.link ?? null,
        dedupeKey: message.dedupeKey ?? null,
        readAt: null,
        createdAt: now,
      });
    }
    if (stored.length === 0) return [];
    await manager.getRepository(Notification).insert(stored);

    const organizationIds = [...new Set(stored.map((notification) => notification.organizationId))];
    const webhooks = await manager
      .getRepository(Webhook)
      .find({ where: organizationIds.map((organizationId) => ({ organizationId, active: true })) });
    const deliveries: WebhookDelivery[] = stored.flatMap((notification) =>
      webhooks
        .filter((webhook) => webhook.organizationId === notification.organizationId)
        .map((webhook) => ({
          id: newId(),
          organizationId: notification.organizationId,
          webhookId: webhook.id,
          notificationId: notification.id,
          status: 'pending' as const,
          attempts: 0,
          lastError: null,
          deliveredAt: null,
          createdAt: now,
          updatedAt: now,
        })),
    );
    if (deliveries.length) await manager.getRepository(WebhookDelivery).insert(deliveries);
    return deliveries.map((delivery) => delivery.id);
  }

  /** Stores and sends in one go, for callers with no transaction of their own. */
  async notify(messages: NewNotification[]): Promise<void> {
    const deliveryIds = await this.notifications.manager.transaction((manager) => this.record(manager, messages));
    await this.dispatchDeliveries(deliveryIds);
  }

  async dispatchDeliveries(deliveryIds: string[]): Promise<void> {
    await this.dispatcher.dispatchAll(
      JobName.DeliverWebhook,
      deliveryIds.map((deliveryId) => ({ payload: { deliveryId }, jobId: deliveryId })),
    );
  }

  /** The caller's inbox, newest first. */
  listInbox(actor: Actor, onlyUnread: boolean, limit: number): Promise<Notification[]> {
    return this.notifications.find({
      where: { userId: actor.userId, organizationId: actor.organizationId, ...(onlyUnread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  countUnread(actor: Actor): Promise<number> {
    return this.notifications.count({ where: { userId: actor.userId, organizationId: actor.organizationId, readAt: IsNull() } });
  }

  /** Someone else's notification answers 404, like a missing one. */
  async markRead(actor: Actor, id: string): Promise<Notification> {
    const notification = await this.notifications.findOne({ where: { id, userId: actor.userId, organizationId: actor.organizationId } });
    if (!notification) throw AppError.notFound('通知');
    if (!notification.readAt) {
      notification.readAt = this.clock.now();
      await this.notifications.update({ id }, { readAt: notification.readAt });
    }
    return notification;
  }

  async markAllRead(actor: Actor): Promise<number> {
    const result = await this.notifications.update(
      { userId: actor.userId, organizationId: actor.organizationId, readAt: IsNull() },
      { readAt: this.clock.now() },
    );
    return result.affected ?? 0;
  }
}

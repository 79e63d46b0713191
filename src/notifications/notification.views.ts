import { Notification } from './notification.entity';
import { DeliveryStatus } from './webhook-delivery.entity';
import { Webhook, WebhookFormat } from './webhook.entity';

export class NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: string;
}

/** The caller's inbox: how many are unread, and the notifications asked for. */
export class InboxView {
  unread: number;
  items: NotificationView[];
}

/** How many notifications were marked read. */
export class MarkedReadView {
  marked: number;
}

export class WebhookView {
  id: string;
  url: string;
  format: WebhookFormat;
  signed: boolean;
  active: boolean;
}

/** One delivery of a notification to a webhook. */
export class WebhookDeliveryView {
  id: string;
  notificationId: string;
  status: DeliveryStatus;
  attempts: number;
  /** The receiver's answer on the last failure (status and a short excerpt). */
  lastError: string | null;
  deliveredAt: string | null;
}

export const toNotificationView = (notification: Notification): NotificationView => ({
  id: notification.id,
  kind: notification.kind,
  title: notification.title,
  body: notification.body,
  link: notification.link,
  read: notification.readAt !== null,
  createdAt: notification.createdAt.toISOString(),
});

/** The secret is never shown back. */
export const toWebhookView = (webhook: Webhook): WebhookView => ({
  id: webhook.id,
  url: webhook.url,
  format: webhook.format,
  signed: webhook.secret !== null,
  active: webhook.active,
});

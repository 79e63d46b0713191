import { Notification } from './notification.entity';
import { Webhook, WebhookFormat } from './webhook.entity';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface WebhookView {
  id: string;
  url: string;
  format: WebhookFormat;
  signed: boolean;
  active: boolean;
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

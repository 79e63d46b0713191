import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookDeliverySweeper } from './webhook-delivery.sweeper';
import { Webhook } from './webhook.entity';
import { WebhooksService } from './webhooks.service';
import { WebhookTargets } from './webhook-targets';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, Webhook, WebhookDelivery, User])],
  providers: [NotificationsService, WebhooksService, WebhookDeliveryProcessor, WebhookDeliverySweeper, WebhookTargets],
  exports: [NotificationsService, WebhooksService],
})
export class NotificationsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [NotificationsModule], controllers: [NotificationsController] })
export class NotificationsRoutes {}

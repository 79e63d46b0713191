import { Body, Controller, DefaultValuePipe, Delete, Get, HttpCode, Param, ParseBoolPipe, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { InboxView, MarkedReadView, NotificationView, toNotificationView, toWebhookView, WebhookDeliveryView, WebhookView } from './notification.views';
import { NotificationsService } from './notifications.service';
import { WebhooksService } from './webhooks.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
  ) {}

  /** The caller's inbox, newest first. */
  @Get('me/notifications')
  async inbox(
    @CurrentActor() actor: Actor,
    @Query('unread', new DefaultValuePipe(false), ParseBoolPipe) unread: boolean,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
  ): Promise<InboxView> {
    const [items, unreadCount] = await Promise.all([
      this.notifications.listInbox(actor, unread, Math.min(Math.max(limit, 1), 200)),
      this.notifications.countUnread(actor),
    ]);
    return { unread: unreadCount, items: items.map(toNotificationView) };
  }

  /** Marks one of the caller's notifications read. */
  @Post('me/notifications/:id/read')
  @HttpCode(200)
  async markRead(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<NotificationView> {
    return toNotificationView(await this.notifications.markRead(actor, id));
  }

  /** Marks all the caller's notifications read. */
  @Post('me/notifications/read-all')
  @HttpCode(200)
  async markAllRead(@CurrentActor() actor: Actor): Promise<MarkedReadView> {
    return { marked: await this.notifications.markAllRead(actor) };
  }

  /** Posts every notification of the organisation to this URL (generic JSON, 企业微信 or 钉钉 robot). */
  @Post('webhooks')
  @Roles(Role.Admin, Role.Organiser)
  async createWebhook(@CurrentActor() actor: Actor, @Body() dto: CreateWebhookDto): Promise<WebhookView> {
    return toWebhookView(await this.webhooks.createWebhook(actor, dto));
  }

  /** The organisation's webhooks. */
  @Get('webhooks')
  @Roles(Role.Admin, Role.Organiser)
  async listWebhooks(@CurrentActor() actor: Actor): Promise<WebhookView[]> {
    return (await this.webhooks.listWebhooks(actor)).map(toWebhookView);
  }

  /** Removes a webhook. */
  @Delete('webhooks/:id')
  @HttpCode(204)
  @Roles(Role.Admin, Role.Organiser)
  async deleteWebhook(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<void> {
    await this.webhooks.deactivateWebhook(actor, id);
  }

  /** The last deliveries to a webhook, to see why one failed. */
  @Get('webhooks/:id/deliveries')
  @Roles(Role.Admin, Role.Organiser)
  async deliveries(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<WebhookDeliveryView[]> {
    return (await this.webhooks.listDeliveries(actor, id)).map((delivery) => ({
      id: delivery.id,
      notificationId: delivery.notificationId,
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { OutboxSweeper, Sweeper } from '../queue/job-processor.decorator';
import { NotificationsService } from './notifications.service';
import { WebhookDelivery } from './webhook-delivery.entity';

/** A delivery is left alone this long after its last touch before it counts as stranded. */
const GRACE_MS = 60_000;

/** Re-enqueues webhook deliveries still pending after a Redis outage or a crash. */
@Injectable()
@OutboxSweeper()
export class WebhookDeliverySweeper implements Sweeper {
  constructor(
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<number> {
    const stranded = await this.deliveries.find({
      select: { id: true },
      where: { status: 'pending', updatedAt: LessThan(new Date(this.clock.now().getTime() - GRACE_MS)) },
      take: 1000,
    });
    await this.notifications.dispatchDeliveries(stranded.map((delivery) => delivery.id));
    return stranded.length;
  }
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * The outbox row for one notification to one webhook: written with the notification, so a Redis
 * outage delays the delivery and loses none; the sweeper re-enqueues what is still pending.
 */
@Entity('webhook_deliveries')
@Index(['status', 'updatedAt'])
export class WebhookDelivery {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  webhookId: string;

  @Index()
  @Column('varchar', { length: 36 })
  notificationId: string;

  @Column('varchar', { length: 20 })
  status: DeliveryStatus;

  @Column('int')
  attempts: number;

  /** The receiver's answer on the last failure (status and a short excerpt). */
  @Column('varchar', { length: 500, nullable: true })
  lastError: string | null;

  @Column('datetime', { nullable: true })
  deliveredAt: Date | null;

  @Column('datetime')
  createdAt: Date;

  @Column('datetime')
  updatedAt: Date;
}

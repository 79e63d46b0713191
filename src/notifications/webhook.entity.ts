import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** generic JSON, 企业微信 group robot, 钉钉 group robot. */
export const WEBHOOK_FORMATS = ['generic', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** An organisation's outgoing webhook: every notification is also posted there. */
@Entity('webhooks')
export class Webhook {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index()
  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 500 })
  url: string;

  @Column('varchar', { length: 20 })
  format: WebhookFormat;

  /** Signs generic deliveries (HMAC header) and DingTalk's `sign` parameter. Never shown back. */
  @Column('varchar', { length: 200, nullable: true })
  secret: string | null;

  @Column('boolean')
  active: boolean;

  @Column('datetime')
  createdAt: Date;
}

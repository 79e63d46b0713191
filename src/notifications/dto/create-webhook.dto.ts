import { IsIn, IsString, IsUrl, MaxLength } from 'class-validator';
import { WEBHOOK_FORMATS, WebhookFormat } from '../webhook.entity';
import { IsOptionalNotNull } from '../../common/validation';

export class CreateWebhookDto {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @MaxLength(500)
  url: string;

  /** `generic` JSON, `wecom` (企业微信群机器人) or `dingtalk` (钉钉群机器人). */
  @IsIn(WEBHOOK_FORMATS)
  format: WebhookFormat;

  /** Signs deliveries: an HMAC header (generic) or DingTalk's 加签 secret. */
  @IsOptionalNotNull() @IsString() @MaxLength(200)
  secret?: string;
}

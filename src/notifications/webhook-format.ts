import { createHmac } from 'node:crypto';
import { WebhookFormat } from './webhook.entity';

export interface OutgoingNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  recipient: { id: string; username: string; displayName: string };
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The request one notification becomes for one webhook format:
 * - generic: the notification as JSON, HMAC-signed when a secret is set;
 * - wecom (企业微信群机器人): `{msgtype: "markdown"}`;
 * - dingtalk (钉钉群机器人): `{msgtype: "markdown"}`, with `timestamp` and `sign` when a secret is set.
 */
export function buildWebhookRequest(
  format: WebhookFormat,
  url: string,
  secret: string | null,
  notification: OutgoingNotification,
  now: Date,
): WebhookRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const text = `**${notification.title}**\n\n${notification.recipient.displayName}：${notification.body}${notification.link ? `\n\n[查看](${notification.link})` : ''}`;
  switch (format) {
    case 'wecom':
      return { url, headers, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: text } }) };
    case 'dingtalk': {
      let signedUrl = url;
      if (secret) {
        const timestamp = String(now.getTime());
        const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
        signedUrl += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
      }
      return { url: signedUrl, headers, body: JSON.stringify({ msgtype: 'markdown', markdown: { title: notification.title, text } }) };
    }
    case 'generic': {
      const body = JSON.stringify({ event: 'notification.created', notification });
      if (secret) headers['x-tanxin-signature'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      return { url, headers, body };
    }
  }
}

/**
 * Whether the receiver took it. The robots answer HTTP 200 with `{"errcode": N}` even when they
 * refuse, so for them the errcode decides.
 */
export function deliveryProblem(format: WebhookFormat, status: number, responseText: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}: ${responseText.slice(0, 200)}`;
  if (format === 'generic') return null;
  try {
    const answer = JSON.parse(responseText) as { errcode?: number; errmsg?: string };
    return answer.errcode === undefined || answer.errcode === 0 ? null : `errcode ${answer.errcode}: ${answer.errmsg ?? ''}`.slice(0, 300);
  } catch {
    return `unexpected answer: ${responseText.slice(0, 200)}`;
  }
}

import { createHmac } from 'node:crypto';
import { buildWebhookRequest, deliveryProblem } from '../../src/notifications/webhook-format';

const notification = {
  id: 'n1',
  kind: 'team.assigned',
  title: '您已被列为班子成员',
  body: '请按时完成谈心谈话。',
  link: 'https://tanxin.example/api/v1/meetings/m1',
  createdAt: '2026-11-23T02:00:00.000Z',
  recipient: { id: 'u1', username: 'leader1', displayName: '王建国' },
};
const now = new Date('2026-11-23T02:00:00.000Z');

describe('webhook formats', () => {
  it('signs the generic JSON body with HMAC-SHA256 when a secret is set', () => {
    const request = buildWebhookRequest('generic', 'https://hooks.example/x', 'k', notification, now);
    expect(JSON.parse(request.body)).toEqual({ event: 'notification.created', notification });
    expect(request.headers['x-tanxin-signature']).toBe(`sha256=${createHmac('sha256', 'k').update(request.body).digest('hex')}`);
  });

  it('speaks the WeCom robot markdown message', () => {
    const request = buildWebhookRequest('wecom', 'https://qyapi.example/send?key=1', null, notification, now);
    const body = JSON.parse(request.body);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('王建国：请按时完成谈心谈话。');
  });

  it('adds DingTalk timestamp and sign (加签) to the URL when a secret is set', () => {
    const request = buildWebhookRequest('dingtalk', 'https://oapi.example/robot/send?access_token=t', 'SEC', notification, now);
    const url = new URL(request.url);
    const expected = createHmac('sha256', 'SEC').update(`${now.getTime()}\nSEC`).digest('base64');
    expect(url.searchParams.get('timestamp')).toBe(String(now.getTime()));
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(JSON.parse(request.body)).toMatchObject({ msgtype: 'markdown', markdown: { title: notification.title } });
  });

  it('treats a robot errcode other than 0 as a refusal, even with HTTP 200', () => {
    expect(deliveryProblem('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(deliveryProblem('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toMatch(/310000/);
    expect(deliveryProblem('generic', 500, 'oops')).toMatch(/HTTP 500/);
    expect(deliveryProblem('generic', 204, '')).toBeNull();
  });
});

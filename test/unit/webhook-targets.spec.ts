import { loadConfig } from '../../src/config/app-config';
import { parseAllowedTargets, refusedRange, WebhookTargets } from '../../src/notifications/webhook-targets';

describe('webhook targets', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['fd12:3456::1', 'private (unique local)'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['255.255.255.255', 'reserved'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('accepts the public address %s', (address) => {
    expect(refusedRange(address)).toBeNull();
  });

  it('reads the allow-list: host names, addresses and CIDRs', () => {
    const allowed = parseAllowedTargets(['Robot.Intranet.', '10.8.0.0/16', '[fd00::]/8', '192.168.1.5']);
    expect([...allowed.hosts]).toEqual(['robot.intranet']);
    expect(allowed.addresses.check('10.8.200.1', 'ipv4')).toBe(true);
    expect(allowed.addresses.check('10.9.0.1', 'ipv4')).toBe(false);
    expect(allowed.addresses.check('fd00::5', 'ipv6')).toBe(true);
    expect(allowed.addresses.check('192.168.1.5', 'ipv4')).toBe(true);
  });

  it('validates WEBHOOK_ALLOWED_HOSTS when the configuration is read', () => {
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'robot.intranet, 10.8.0.0/16,::1' }).webhookAllowedHosts).toEqual(['robot.intranet', '10.8.0.0/16', '::1']);
    expect(loadConfig({}).webhookAllowedHosts).toEqual([]);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: '10.0.0.0/33' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'http://robot/' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
  });

  it('refuses URLs by their host, after resolving a name', async () => {
    const targets = new WebhookTargets(loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'robot.intranet,10.8.0.0/16' }));
    expect(await targets.refusal('http://127.0.0.1:9/')).toMatch(/loopback/);
    expect(await targets.refusal('http://localhost:9/')).toMatch(/host localhost resolves to .* loopback/);
    expect(await targets.refusal('http://user:pw@93.184.215.14/')).toMatch(/credentials/);
    expect(await targets.refusal('ftp://93.184.215.14/')).toMatch(/scheme/);
    expect(await targets.refusal('http://robot.intranet/hook')).toBeNull();
    expect(await targets.refusal('http://10.8.1.1/hook')).toBeNull();
    expect(await targets.refusal('https://93.184.215.14/hook')).toBeNull();
    expect(await targets.refusal('http://no-such-host.invalid/')).toMatch(/does not resolve/);
    // At a delivery, a name that does not resolve now is a failure to retry, not a refusal.
    expect(await targets.refusal('http://no-such-host.invalid/', { unresolved: 'pass' })).toBeNull();
    expect(await targets.refusal('http://localhost/', { unresolved: 'pass' })).toMatch(/loopback/);
  });
});

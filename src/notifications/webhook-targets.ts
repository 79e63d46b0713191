import { Injectable } from '@nestjs/common';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { BlockList, isIP, LookupFunction } from 'node:net';
import { AppConfig } from '../config/app-config';

/**
 * Addresses a webhook may not reach unless WEBHOOK_ALLOWED_HOSTS names them: without this the
 * delivery history would tell whoever may create a webhook which ports answer inside the network
 * (a blind port scanner), and a cloud's metadata service would be one URL away.
 * IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are checked against the IPv4 ranges by BlockList.
 */
const REFUSED_RANGES: Array<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', 'reserved'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['64:ff9b::', 96, 'ipv6', 'translated (NAT64)'],
  ['64:ff9b:1::', 48, 'ipv6', 'translated (NAT64)'],
  ['100::', 64, 'ipv6', 'discard'],
  ['2001::', 32, 'ipv6', 'tunnelled (Teredo)'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['2002::', 16, 'ipv6', 'tunnelled (6to4)'],
  ['fc00::', 7, 'ipv6', 'private (unique local)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const REFUSED = new BlockList();
for (const [network, prefix, family] of REFUSED_RANGES) REFUSED.addSubnet(network, prefix, family);

/** Why a webhook target was refused: its message names what was wrong, for the delivery history. */
export class WebhookTargetRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'WebhookTargetRefused';
  }
}

export interface AllowedTargets {
  /** Host names, lower-case, without a trailing dot. */
  hosts: Set<string>;
  /** Addresses and CIDRs. */
  addresses: BlockList;
}

/** WEBHOOK_ALLOWED_HOSTS (validated by the environment schema): host names, addresses and CIDRs. */
export function parseAllowedTargets(entries: readonly string[]): AllowedTargets {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(unbracketed(address));
    if (family === 0) hosts.add(normalHost(address));
    else if (prefix === undefined) addresses.addAddress(unbracketed(address), family === 4 ? 'ipv4' : 'ipv6');
    else addresses.addSubnet(unbracketed(address), Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
  }
  return { hosts, addresses };
}

/** Why this address may not be a webhook's, or null when it may. */
export function refusedRange(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (!REFUSED.check(address, type)) return null;
  const match = REFUSED_RANGES.find(([network, prefix, rangeFamily]) => {
    const one = new BlockList();
    one.addSubnet(network, prefix, rangeFamily);
    return one.check(address, type);
  });
  return match?.[3] ?? 'reserved';
}

/**
 * Which URLs webhooks may post to: http(s) to a public address, or to a host or address the
 * allow-list (WEBHOOK_ALLOWED_HOSTS) names. Checked when a webhook is created and again at each
 * delivery, on the addresses the name resolves to then (DNS can change); the delivery connects
 * only to an address checked (`lookup`), so a name cannot resolve to a public address for the
 * check and to a private one for the connection.
 */
@Injectable()
export class WebhookTargets {
  private readonly allowed: AllowedTargets;

  constructor(config: AppConfig) {
    this.allowed = parseAllowedTargets(config.webhookAllowedHosts);
  }

  /**
   * Resolves and checks the URL's host: the reason it is refused, or null. A name that does not
   * resolve is refused too, unless `unresolved: 'pass'` (a delivery: DNS may be down for a moment,
   * and the connection's own lookup fails it, to be retried).
   */
  async refusal(url: string, { unresolved = 'refuse' }: { unresolved?: 'refuse' | 'pass' } = {}): Promise<string | null> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'not a URL';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `scheme ${parsed.protocol} not allowed`;
    if (parsed.username || parsed.password) return 'credentials in the URL are not allowed';
    const host = normalHost(parsed.hostname);
    if (this.allowed.hosts.has(host)) return null;
    if (isIP(host)) return this.addressRefusal(host, host);
    let addresses: LookupAddress[];
    try {
      addresses = await new Promise<LookupAddress[]>((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, found) => (error ? reject(error) : resolve(found))));
    } catch (error) {
      return unresolved === 'pass' ? null : `host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
    if (addresses.length === 0) return unresolved === 'pass' ? null : `host ${host} does not resolve`;
    for (const { address } of addresses) {
      const problem = this.addressRefusal(host, address);
      if (problem) return problem;
    }
    return null;
  }

  /**
   * A `lookup` for http.request: resolves like the default one and fails the connection when an
   * address found is refused (and the host is not on the allow-list).
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const host = normalHost(hostname);
      const problem = this.allowed.hosts.has(host) ? null : addresses.map(({ address }) => this.addressRefusal(host, address)).find(Boolean);
      if (problem) return callback(new WebhookTargetRefused(problem), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`host ${host} does not resolve`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };

  private addressRefusal(host: string, address: string): string | null {
    const range = refusedRange(address);
    if (!range || this.allowed.addresses.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6')) return null;
    return host === address
      ? `address ${address} is ${range}: not allowed for webhooks (see WEBHOOK_ALLOWED_HOSTS)`
      : `host ${host} resolves to ${address}, which is ${range}: not allowed for webhooks (see WEBHOOK_ALLOWED_HOSTS)`;
  }
}

function unbracketed(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}

function normalHost(host: string): string {
  return unbracketed(host).toLowerCase().replace(/\.$/, '');
}

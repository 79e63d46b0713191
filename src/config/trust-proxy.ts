import { isIP } from 'node:net';

/**
 * Which proxies stand between the clients and the api, so the client address (the key of the
 * rate limits) is the right-most address in X-Forwarded-For that none of them added: a client can
 * write whatever it likes at the left of that header, never at the right.
 *
 * - `false`: no proxy; X-Forwarded-For is ignored.
 * - `{ hops }`: that many proxies, whatever their addresses (`true` means one).
 * - `{ addresses }`: the proxies' addresses or CIDR ranges (or proxy-addr's names `loopback`,
 *   `linklocal`, `uniquelocal`); the safer choice, since a client that reaches the api directly
 *   cannot pass for a proxy.
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

export const TRUST_PROXY_HELP =
  'TRUST_PROXY must be false, true (one proxy), the number of proxies in front of the api (e.g. 2), or their addresses/CIDR ranges separated by commas (e.g. "10.0.0.0/8,127.0.0.1")';

/** The setting as read from the environment, or null when it is none of the accepted forms. */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const value = raw.trim().toLowerCase();
  if (['', 'false', 'no', 'off', '0'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) return { hops: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= MAX_HOPS ? { hops } : null;
  }
  // proxy-addr knows its named ranges in lower case only.
  const addresses = raw.split(',').map((entry) => (NAMED_RANGES.has(entry.trim().toLowerCase()) ? entry.trim().toLowerCase() : entry.trim()));
  return addresses.every(isProxyAddress) ? { addresses } : null;
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry.toLowerCase())) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

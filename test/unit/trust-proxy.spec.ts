import { loadConfig } from '../../src/config/app-config';
import { parseTrustProxy } from '../../src/config/trust-proxy';
import { fastifyTrustProxy } from '../../src/core/http';

describe('TRUST_PROXY', () => {
  it('reads false, a hop count (true is one hop) or a list of proxy addresses and CIDR ranges', () => {
    expect(['', 'false', 'off', '0'].map(parseTrustProxy)).toEqual([false, false, false, false]);
    expect(parseTrustProxy('true')).toEqual({ hops: 1 });
    expect(parseTrustProxy('2')).toEqual({ hops: 2 });
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1, fd00::/8, Loopback')).toEqual({ addresses: ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback'] });
  });

  it('refuses anything else at start, naming the forms it takes', () => {
    for (const value of ['maybe', '10.0.0.0/33', '300.1.1.1', '11', '10.0.0.1/8/2']) {
      expect({ value, parsed: parseTrustProxy(value) }).toEqual({ value, parsed: null });
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be false, true \(one proxy\), the number of proxies/);
    }
  });

  it('gives Fastify a hop count as a function (Fastify 5 reads a plain number as "trust nothing") and a list as it is', () => {
    const oneHop = fastifyTrustProxy({ hops: 1 }) as (address: string, hop: number) => boolean;
    expect([oneHop('127.0.0.1', 0), oneHop('198.51.100.1', 1)]).toEqual([true, false]);
    expect(fastifyTrustProxy({ addresses: ['10.0.0.0/8'] })).toEqual(['10.0.0.0/8']);
    expect(fastifyTrustProxy(false)).toBe(false);
  });
});

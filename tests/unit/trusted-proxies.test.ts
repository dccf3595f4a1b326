import { parseTrustedProxies } from '../../src/http/trusted-proxies';

/**
 * unit: `parseTrustedProxies`, what TRUST_PROXY (and TRUST_PROXY_HOPS) mean: nobody trusted by
 * default, a list of addresses and CIDRs trusted as listed, `true` refused in production and
 * warned elsewhere, anything malformed refused with a message naming the variable.
 */

const parse = (trustProxy: string, { hops = '', production = false } = {}) =>
  parseTrustedProxies({ trustProxy, hops, production });

describe('TRUST_PROXY', () => {
  it.each(['', '  ', 'false', 'FALSE'])('%j trusts nobody', (value) => {
    const { trust, any, warnings } = parse(value, { production: true });
    expect(any).toBe(false);
    expect(trust('127.0.0.1', 0)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('a list trusts the listed addresses and CIDRs only, IPv4-mapped IPv6 included', () => {
    const { trust, any, warnings } = parse('10.0.0.0/8, 127.0.0.1,2001:db8::/32', {
      production: true,
    });
    expect(any).toBe(true);
    expect(warnings).toEqual([]);
    expect(trust('10.200.3.4', 0)).toBe(true);
    expect(trust('127.0.0.1', 1)).toBe(true);
    expect(trust('::ffff:127.0.0.1', 0)).toBe(true);
    expect(trust('2001:db8::1', 0)).toBe(true);
    expect(trust('127.0.0.2', 0)).toBe(false);
    expect(trust('192.0.2.1', 0)).toBe(false);
  });

  it("takes proxy-addr's named ranges", () => {
    const { trust } = parse('loopback,uniquelocal');
    expect(trust('127.0.0.9', 0)).toBe(true);
    expect(trust('192.168.1.1', 0)).toBe(true);
    expect(trust('203.0.113.1', 0)).toBe(false);
  });

  it('warns that TRUST_PROXY_HOPS is ignored beside a list', () => {
    expect(parse('10.0.0.0/8', { hops: '2' }).warnings).toEqual([
      expect.stringMatching(/TRUST_PROXY_HOPS is ignored/),
    ]);
  });

  it.each([
    ['2', /not an address: "2"/],
    ['10.0.0.0/8,proxy.internal', /not an address: "proxy.internal"/],
    ['yes', /TRUST_PROXY must be true, false, or a comma-separated list/],
    ['10.0.0.0/33', /TRUST_PROXY: invalid range on address: 10.0.0.0\/33/],
  ])('refuses %j, naming the variable', (value, message) => {
    expect(() => parse(value)).toThrow(message);
  });

  it('true is refused in production, saying to list the proxies', () => {
    expect(() => parse('true', { production: true })).toThrow(
      /TRUST_PROXY=true trusts X-Forwarded-For from any client.*List your proxies' addresses or CIDRs instead \(e\.g\. TRUST_PROXY=10\.0\.0\.0\/8,127\.0\.0\.1\)/,
    );
  });

  it('true elsewhere trusts TRUST_PROXY_HOPS hops from anyone (as before), with a warning', () => {
    const { trust, any, warnings } = parse('true', { hops: '2' });
    expect(any).toBe(true);
    expect([trust('203.0.113.1', 0), trust('203.0.113.1', 1), trust('203.0.113.1', 2)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(warnings).toEqual([expect.stringMatching(/production refuses it/)]);
    expect(parse('true').trust('203.0.113.1', 1)).toBe(false);
    expect(() => parse('true', { hops: '0' })).toThrow(/TRUST_PROXY_HOPS must be a whole number/);
  });
});

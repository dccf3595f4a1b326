import net from 'node:net';

import proxyaddr from 'proxy-addr';

/** Whether the hop at `index` (0: the socket's peer) may be believed about who sent it. */
export type TrustProxy = (address: string, index: number) => boolean;

export interface TrustedProxies {
  /** proxy-addr's trust function: which peers' `X-Forwarded-*` headers are believed. */
  trust: TrustProxy;
  /** Whether any peer may be trusted (Koa's `proxy`, so a trusted proxy's proto and host hold). */
  any: boolean;
  /** What the operator should change, logged at boot. */
  warnings: string[];
}

/** proxy-addr's names for address ranges, accepted in the list as they are. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const EXAMPLE = 'e.g. TRUST_PROXY=10.0.0.0/8,127.0.0.1';

const nobody: TrustProxy = () => false;

/**
 * `TRUST_PROXY` (and `TRUST_PROXY_HOPS`) as the client-IP middleware and Koa use them:
 * - unset, empty or `false`: no proxy is trusted, `X-Forwarded-*` is ignored;
 * - a comma-separated list of addresses and CIDRs (or `loopback`, `linklocal`, `uniquelocal`):
 *   a request's `X-Forwarded-*` is believed only from those peers, and `X-Forwarded-For` is read
 *   from the right for as long as each hop is one of them;
 * - `true`, what operators set before addresses could be listed: it believed the header from any
 *   client, so production refuses it; elsewhere it still trusts `TRUST_PROXY_HOPS` hops, warned.
 * Anything malformed throws a message naming the variable (it stops the boot).
 */
export const parseTrustedProxies = ({
  trustProxy = '',
  hops = '',
  production,
}: {
  trustProxy?: string;
  hops?: string;
  production: boolean;
}): TrustedProxies => {
  const value = trustProxy.trim();
  const hopsSet = hops.trim() !== '';
  if (value === '' || value.toLowerCase() === 'false') {
    return { trust: nobody, any: false, warnings: [] };
  }

  if (value.toLowerCase() === 'true') {
    if (production) {
      throw new Error(
        `TRUST_PROXY=true trusts X-Forwarded-For from any client, so anyone reaching the app directly can pose as any address. List your proxies' addresses or CIDRs instead (${EXAMPLE}); see docs/operations.md, "Reverse proxies".`,
      );
    }
    const count = hopsSet ? hops.trim() : '1';
    if (!/^\d+$/.test(count) || Number(count) < 1) {
      throw new Error(`TRUST_PROXY_HOPS must be a whole number of 1 or more, not "${hops}".`);
    }
    const trusted = Number(count);
    return {
      trust: (_address, index) => index < trusted,
      any: true,
      warnings: [
        `TRUST_PROXY=true trusts X-Forwarded-For from any client (${trusted} hop(s)); production refuses it. List your proxies' addresses or CIDRs instead (${EXAMPLE}).`,
      ],
    };
  }

  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // proxy-addr (through ipaddr.js) would read "2" as the address 0.0.0.2: check each address here.
  const malformed = entries.filter(
    (entry) => !NAMED_RANGES.has(entry) && net.isIP(entry.split('/')[0] ?? '') === 0,
  );
  if (malformed.length > 0) {
    throw new Error(
      `TRUST_PROXY must be true, false, or a comma-separated list of IP addresses and CIDRs (${EXAMPLE}); not an address: ${malformed.map((entry) => `"${entry}"`).join(', ')}.`,
    );
  }
  let trust: TrustProxy;
  try {
    trust = proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUST_PROXY: ${(error as Error).message} (${EXAMPLE}).`);
  }
  return {
    trust,
    any: true,
    warnings: hopsSet
      ? [
          'TRUST_PROXY_HOPS is ignored when TRUST_PROXY lists addresses: X-Forwarded-For is read from the right for as long as each hop is a listed proxy.',
        ]
      : [],
  };
};

import type { Core } from '@strapi/strapi';
import proxyaddr from 'proxy-addr';

import { setClientIpTrust } from '../http/client-ip-trust';
import { parseTrustedProxies } from '../http/trusted-proxies';

/** The headers Koa believes when its `proxy` is on: a peer that is not a trusted proxy loses them. */
const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host'] as const;

interface ClientIpConfig {
  /** `TRUST_PROXY`, as the environment gave it (see `parseTrustedProxies`). */
  trustProxy?: string;
  /** `TRUST_PROXY_HOPS`, used only by the outdated `TRUST_PROXY=true`. */
  hops?: string;
}

/**
 * The client's IP, for everything after it (the views' rate limit and per-address cap read
 * `ctx.request.ip`): the socket's peer, or, when that peer is a trusted proxy, the address
 * `X-Forwarded-For` gives, read from the right by proxy-addr (Express's matcher) for as long as
 * each hop is trusted. A peer that is not trusted has its `X-Forwarded-*` headers removed, so
 * Koa's `ips`, `protocol` and `host` cannot believe them either. First in the global stack.
 */
const clientIp: Core.MiddlewareFactory<ClientIpConfig> = (config, { strapi }) => {
  const { trust, warnings } = parseTrustedProxies({
    ...config,
    production: process.env.NODE_ENV === 'production',
  });
  warnings.forEach((warning) => strapi.log.warn(warning));
  setClientIpTrust(strapi, trust);
  return async (ctx, next) => {
    if (!trust(ctx.req.socket.remoteAddress ?? '', 0)) {
      FORWARDED_HEADERS.forEach((header) => delete ctx.req.headers[header]);
    }
    ctx.request.ip = proxyaddr(ctx.req, trust);
    await next();
  };
};

export default clientIp;

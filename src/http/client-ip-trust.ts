import type { Core } from '@strapi/strapi';

import type { TrustProxy } from './trusted-proxies';

const trusts = new WeakMap<Core.Strapi, TrustProxy>();

/** Set by `global::client-ip` when Strapi builds it: which peers' `X-Forwarded-For` it believes. */
export const setClientIpTrust = (strapi: Core.Strapi, trust: TrustProxy): void => {
  trusts.set(strapi, trust);
};

/** The trust `global::client-ip` uses, for a path that answers before Koa (the views lane). */
export const clientIpTrustOf = (strapi: Core.Strapi): TrustProxy | undefined => trusts.get(strapi);

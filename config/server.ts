import type { Core } from '@strapi/strapi';

import { resolveSecrets } from '../src/setup/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: resolveSecrets().APP_KEYS.split(',') },
  // Behind a reverse proxy, the client IP comes from X-Forwarded-For, read from the right:
  // TRUST_PROXY_HOPS is how many proxies of yours stand in front of Strapi.
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('TRUST_PROXY_HOPS', 1) },
  cron: { enabled: env.bool('CRON_ENABLED', false) },
  logger: { updates: { enabled: false } },
});

export default config;

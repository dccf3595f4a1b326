import type { Core } from '@strapi/strapi';

import { publishDueArticles } from '../src/publishing/scheduler';
import { resolveSecrets } from '../src/setup/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: resolveSecrets().APP_KEYS.split(',') },
  // Behind a reverse proxy, the client IP comes from X-Forwarded-For, read from the right:
  // TRUST_PROXY_HOPS is how many proxies of yours stand in front of Strapi.
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('TRUST_PROXY_HOPS', 1) },
  // Scheduled publishing runs as a Strapi cron task, once a minute by default.
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
    tasks: {
      publishScheduledArticles: {
        task: async ({ strapi }: { strapi: Core.Strapi }) => {
          await publishDueArticles(strapi);
        },
        options: { rule: env('SCHEDULER_CRON', '* * * * *') },
      },
    },
  },
  logger: { updates: { enabled: false } },
});

export default config;

import type { Core } from '@strapi/strapi';

import { parseTrustedProxies } from '../src/http/trusted-proxies';
import { publishDueArticles } from '../src/publishing/scheduler';
import { resolveSecrets } from '../src/setup/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: resolveSecrets().APP_KEYS.split(',') },
  // Koa believes X-Forwarded-* (proto, host) only when TRUST_PROXY names proxies, and then only
  // from them: the global `client-ip` middleware removes the headers any other peer sends and
  // sets the client IP itself (see src/http/trusted-proxies.ts).
  proxy: {
    koa: parseTrustedProxies({
      trustProxy: env('TRUST_PROXY', ''),
      hops: env('TRUST_PROXY_HOPS', ''),
      production: env('NODE_ENV', '') === 'production',
    }).any,
  },
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
  // A client that stops sending mid-request (a Content-Length larger than its body, a slow upload)
  // holds a socket until this ends it: Node's default is 300 s.
  http: {
    serverOptions: { requestTimeout: env.int('HTTP_REQUEST_TIMEOUT_SECONDS', 120) * 1000 },
  },
  logger: { updates: { enabled: false } },
  // `GET /api/openapi.json`: the content API as Strapi's own generator describes it, from the
  // routes and the zod schemas on them (cached by Strapi for a minute in .strapi/openapi/).
  openapi: {
    'content-api': { access: env.bool('OPENAPI_ENABLED', true) ? 'public' : 'disabled' },
  },
});

export default config;

import type { Core } from '@strapi/strapi';

import { corsConfig, resolveCorsOrigins } from '../src/http/cors';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const clientUrl = env('CLIENT_URL', '');
  return [
    // First: the client IP everything after it reads, X-Forwarded-* believed from TRUST_PROXY only.
    {
      name: 'global::client-ip',
      config: { trustProxy: env('TRUST_PROXY', ''), hops: env('TRUST_PROXY_HOPS', '') },
    },
    // In place of 'strapi::logger': the same line, with secrets in the query redacted.
    'global::request-log',
    'strapi::errors',
    // Before everything that may touch the database: the shutdown's drain, outages as 503, and
    // `/_health` answered before Strapi's router (whose route always answers 204).
    'global::drain',
    'global::database-outage',
    'global::health',
    // Inside strapi::errors: client mistakes become 4xx logged at warn, never 500s.
    'global::client-errors',
    'global::json-errors',
    // Its CSP is off: Strapi merges ours into its defaults; 'global::content-security-policy'
    // sends exactly the one below.
    { name: 'strapi::security', config: { contentSecurityPolicy: false } },
    {
      name: 'global::content-security-policy',
      config: {
        // What the admin panel needs and nothing from another host (not the marketplace's
        // images): its module scripts, styled-components' inline styles, uploads' data:/blob:
        // previews, and the site's preview in a frame when CLIENT_URL is set.
        directives: {
          'default-src': ["'self'"],
          'base-uri': ["'self'"],
          'connect-src': ["'self'"],
          'font-src': ["'self'", 'data:'],
          'form-action': ["'self'"],
          'frame-ancestors': ["'self'"],
          'frame-src': ["'self'", ...(clientUrl ? [new URL(clientUrl).origin] : [])],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'data:', 'blob:'],
          'object-src': ["'none'"],
          'script-src': ["'self'"],
          'script-src-attr': ["'none'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'worker-src': ["'self'", 'blob:'],
        },
      },
    },
    // CORS_ORIGINS must list origins in production (checked here, at boot).
    { name: 'strapi::cors', config: corsConfig(resolveCorsOrigins()) },
    // Hits keep the headers above and run no query (it sits before strapi::query and the router);
    // a miss while the database is down still becomes global::database-outage's 503.
    'global::response-cache',
    // After CORS and security headers, before the body, session and router: an anonymous
    // `POST /api/articles/:documentId/views` answered here, every rule of its route re-checked.
    'global::fast-views',
    // The same for an anonymous `GET /api/articles/slug/:slug` the cache did not answer.
    'global::fast-page',
    'strapi::query',
    // Before strapi::body: multipart only on upload routes (415 elsewhere), every temp file removed.
    'global::body-guard',
    {
      name: 'strapi::body',
      config: { jsonLimit: '1mb', formLimit: '1mb', textLimit: '1mb' },
    },
    'global::body-depth',
    // `/graphql` only: its body parsed, its query's size, breadth and fragments checked.
    'global::graphql-gate',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;

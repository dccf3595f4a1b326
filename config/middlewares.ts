import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // First: the client IP everything after it reads, X-Forwarded-* believed from TRUST_PROXY only.
  {
    name: 'global::client-ip',
    config: { trustProxy: env('TRUST_PROXY', ''), hops: env('TRUST_PROXY_HOPS', '') },
  },
  'strapi::logger',
  'strapi::errors',
  'global::json-errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // Nothing is loaded from another host: not the admin's assets, not the marketplace's.
          'connect-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'data:', 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: { origin: env.array('CORS_ORIGINS', ['*']) },
  },
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: { jsonLimit: '1mb', formLimit: '1mb', textLimit: '1mb' },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // Inside strapi::errors: client mistakes become 4xx logged at warn, never 500s.
  'global::client-errors',
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
  // Before strapi::body: multipart only on upload routes (415 elsewhere), every temp file removed.
  'global::body-guard',
  {
    name: 'strapi::body',
    config: { jsonLimit: '1mb', formLimit: '1mb', textLimit: '1mb' },
  },
  'global::body-depth',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

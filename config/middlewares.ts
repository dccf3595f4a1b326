import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // Before everything that may touch the database: the shutdown's drain, outages as 503, and
  // `/_health` answered before Strapi's router (whose route always answers 204).
  'global::drain',
  'global::database-outage',
  'global::health',
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

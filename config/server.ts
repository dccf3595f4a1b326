import type { Core } from '@strapi/strapi';

import { resolveSecrets } from '../src/setup/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: resolveSecrets().APP_KEYS.split(',') },
  cron: { enabled: env.bool('CRON_ENABLED', false) },
  logger: { updates: { enabled: false } },
});

export default config;

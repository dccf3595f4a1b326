import type { Core } from '@strapi/strapi';

import { resolveSecrets } from '../src/setup/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: resolveSecrets().JWT_SECRET,
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
    },
  },
});

export default config;

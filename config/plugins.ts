import type { Core } from '@strapi/strapi';

import { resolveSecrets } from '../src/setup/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Installed for issue 11; off until its resolvers are guarded against drafts.
  graphql: { enabled: false },
  'users-permissions': {
    config: {
      jwtSecret: resolveSecrets().JWT_SECRET,
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
    },
  },
});

export default config;

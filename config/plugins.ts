import type { Core } from '@strapi/strapi';

import { graphqlConfig } from '../src/graphql/config';
import { resolveSecrets } from '../src/setup/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Its resolvers are guarded against drafts in src/graphql (registered in `register()`).
  graphql: { enabled: true, config: graphqlConfig(env) },
  'users-permissions': {
    config: {
      jwtSecret: resolveSecrets().JWT_SECRET,
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
    },
  },
});

export default config;

import type { Core } from '@strapi/strapi';

/** The Public role's permission cache (`src/permissions`). */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /**
   * Longest time an instance keeps the Public role's permissions when no invalidation reaches it
   * (a write while Redis was unreachable); 0: until the next invalidation.
   */
  publicTtlSeconds: env.int('PUBLIC_PERMISSIONS_TTL_SECONDS', 60),
});

export default config;

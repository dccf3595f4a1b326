import type { Core } from '@strapi/strapi';

import { refuseViewsOverRateLimit } from '../views';

/**
 * At most `VIEWS_RATE_LIMIT_PER_MINUTE` view requests per client IP per minute: over it, 429 in
 * Strapi's error shape, with `Retry-After`. (A route middleware rather than a policy: a policy
 * cannot set that header.) `global::fast-views` applies the same rule on its own path.
 */
const viewsRateLimit: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    await refuseViewsOverRateLimit(strapi, ctx);
    await next();
  };

export default viewsRateLimit;

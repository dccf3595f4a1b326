import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { viewsOf } from '../views';

/**
 * At most `VIEWS_RATE_LIMIT_PER_MINUTE` view requests per client IP per minute (shared by all
 * instances through Redis when `REDIS_URL` is set). Over it: 429 in Strapi's error shape, with
 * `Retry-After`. (A route middleware rather than a policy: a policy cannot set that header.)
 */
const viewsRateLimit: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    const retryAfter = await viewsOf(strapi).retryAfter(ctx.request.ip);
    if (retryAfter !== null) {
      ctx.set('Retry-After', String(retryAfter));
      throw new errors.RateLimitError(
        `Too many views from this address: try again in ${retryAfter} s`,
        {
          retryAfter,
        },
      );
    }
    await next();
  };

export default viewsRateLimit;

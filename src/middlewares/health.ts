import type { Core } from '@strapi/strapi';

import { answerUnavailable, AVAILABILITY, availabilityOf } from '../availability';

/**
 * `/_health` as a load balancer needs it: Strapi's own route (204) while the database answers a
 * `select 1` (asked at most once a second), 503 `ServiceUnavailableError` with `Retry-After`
 * when it does not. Strapi's route answers 204 whatever the database's state.
 */
const health: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    if (ctx.path !== '/_health') return next();
    const result = await availabilityOf(strapi).probe.check();
    if (result.up) return next();
    answerUnavailable(ctx, 'The database is unreachable', AVAILABILITY.outageRetryAfterSeconds);
  };

export default health;

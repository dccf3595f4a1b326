import type { Core } from '@strapi/strapi';

import {
  answerUnavailable,
  AVAILABILITY,
  availabilityOf,
  isDatabaseUnavailable,
} from '../availability';

const MESSAGE = 'The database is unreachable: try again later';

/**
 * A database outage is a 503 `ServiceUnavailableError` with `Retry-After`, never a 500 or a 401:
 * - a connection error thrown anywhere below (a query, the pool's acquire timeout) is answered
 *   503 instead of Strapi's 500;
 * - a 401 is checked against the database: users-permissions' strategy (and the API-token one)
 *   answer "Missing or invalid credentials" when their own query fails, the error swallowed, so
 *   a 401 while the database does not answer a `select 1` is an outage, not bad credentials.
 */
const databaseOutage: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    const { probe } = availabilityOf(strapi);
    try {
      await next();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      probe.reportDown((error as Error).message);
      answerUnavailable(ctx, MESSAGE, AVAILABILITY.outageRetryAfterSeconds);
      return;
    }
    if (ctx.status !== 401) return;
    const result = await probe.check({ fresh: true });
    if (!result.up) answerUnavailable(ctx, MESSAGE, AVAILABILITY.outageRetryAfterSeconds);
  };

export default databaseOutage;

import type { Core } from '@strapi/strapi';

import { answerUnavailable, AVAILABILITY, availabilityOf } from '../availability';

/**
 * Counts the requests under way for the shutdown's drain. Once the shutdown has begun, a request
 * arriving on a connection still open is refused (503, `Retry-After`, nothing done) and every
 * answer closes its connection, so no view is counted after the final write.
 */
const drain: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    const { drain: state } = availabilityOf(strapi);
    if (state.draining) {
      ctx.set('Connection', 'close');
      answerUnavailable(ctx, 'The server is shutting down', AVAILABILITY.drainRetryAfterSeconds);
      return;
    }
    state.track(ctx.res);
    await next();
    if (state.draining) ctx.set('Connection', 'close');
  };

export default drain;

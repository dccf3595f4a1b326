import type { Core } from '@strapi/strapi';

import { isMalformedQuery, malformedQueryError } from '../http/client-errors';
import { checkQueryShape } from '../http/query-shape';

/**
 * On reader routes, a query Strapi lets through its validation but cannot run is the caller's
 * mistake: a 400 in Strapi's error shape, never a 500. The shapes known to fail are refused
 * before the query runs; whatever else the database layer refuses is translated after.
 */
const queryErrors: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    const handler = String((ctx.state.route as { handler?: unknown } | undefined)?.handler ?? '');
    checkQueryShape(strapi, handler.split('.').slice(0, 2).join('.'), ctx.query);
    try {
      await next();
    } catch (error) {
      if (!isMalformedQuery(error)) throw error;
      throw malformedQueryError(error as Error);
    }
  };

export default queryErrors;

import type { Core } from '@strapi/strapi';
import parseBody from 'co-body';

import { GRAPHQL_ENDPOINT } from '../constants';
import { GRAPHQL_BODY_LIMIT } from '../graphql/config';
import { refuseBeforeValidation } from '../graphql/limits';

/**
 * `/graphql` only: its JSON body parsed here (at most GRAPHQL_BODY_LIMIT; `strapi::body` skips
 * the endpoint, and the plugin's own parser skips a body already parsed), then each operation's
 * query checked by `refuseBeforeValidation` (src/graphql/limits.ts) and refused with a 400 in
 * GraphQL's error shape before the plugin's validation could be made to hang or fail.
 * Malformed JSON is a 400 and an oversized body a 413, in Strapi's error shape (`strapi::errors`).
 */
const graphqlGate: Core.MiddlewareFactory = () => async (ctx, next) => {
  if (ctx.path !== GRAPHQL_ENDPOINT) return next();
  const request = ctx.request as { body?: unknown };
  if (request.body === undefined && ctx.request.is(['json', '+json'])) {
    request.body = await parseBody.json(ctx, { limit: GRAPHQL_BODY_LIMIT, strict: true });
  }
  const operations = Array.isArray(request.body) ? request.body : [request.body ?? ctx.query];
  for (const operation of operations) {
    const refusal = refuseBeforeValidation((operation as { query?: unknown } | null)?.query);
    if (refusal) {
      ctx.status = 400;
      ctx.body = {
        errors: [{ message: refusal, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
      };
      return undefined;
    }
  }
  return next();
};

export default graphqlGate;

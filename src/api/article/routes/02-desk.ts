import type { Core } from '@strapi/strapi';

import { cacheable } from '../../../cache';
import { DESK_SERVICE_UID } from '../../../constants';
import {
  BREAKING_TTL_SECONDS,
  breakingQuery,
  correctionsQuery,
  relatedParams,
  relatedQuery,
} from '../desk-input';
import { breakingResponse, correctionsResponse, relatedResponse } from '../desk-responses';

/** The desk's controller (`controllers/desk.ts`) has its service's name. */
const DESK = DESK_SERVICE_UID;

/**
 * The desk's public reads (corrections page, related articles, breaking news). Sorted before
 * the core router so `/articles/breaking` is not read as a document id.
 */
const routes: Core.RouterConfig = {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/corrections',
      handler: `${DESK}.corrections`,
      request: { query: correctionsQuery },
      response: correctionsResponse,
      config: {
        middlewares: [cacheable({ list: 'articles', query: Object.keys(correctionsQuery) })],
      },
    },
    {
      method: 'GET',
      path: '/articles/breaking',
      handler: `${DESK}.breaking`,
      request: { query: breakingQuery },
      response: breakingResponse,
      // Expiry is no write, so no purge: a short TTL, shorter still when an item expires sooner.
      config: {
        middlewares: [
          cacheable({
            list: 'articles',
            ttlSeconds: BREAKING_TTL_SECONDS,
            query: Object.keys(breakingQuery),
          }),
        ],
      },
    },
    {
      method: 'GET',
      path: '/articles/:documentId/related',
      handler: `${DESK}.related`,
      request: { params: relatedParams, query: relatedQuery },
      response: relatedResponse,
      config: {
        middlewares: [cacheable({ list: 'articles', query: Object.keys(relatedQuery) })],
      },
    },
  ],
};

export default routes;

import type { Core } from '@strapi/strapi';

import { responseCacheMiddleware, responseCacheOf } from '../cache';

/**
 * Anonymous GET/HEAD answers of the routes that registered themselves, served from the response
 * cache before the router (no query, no permission lookup). See `src/cache` and docs/cache.md.
 */
const responseCache: Core.MiddlewareFactory = (_config, { strapi }) => {
  if (!responseCacheOf(strapi).settings.enabled) return (_ctx, next) => next();
  return responseCacheMiddleware(strapi);
};

export default responseCache;

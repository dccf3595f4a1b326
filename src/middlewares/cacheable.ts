import type { Core } from '@strapi/strapi';

import type { CacheableState } from '../cache/http';

/**
 * A route's registration with the response cache (`cacheable({...})` in its route file): the
 * cache finds its config when it walks the routes; at run time it confirms to the cache that the
 * router picked a cacheable route, so only such answers are stored.
 */
const cacheable: Core.MiddlewareFactory = () => async (ctx, next) => {
  (ctx.state as CacheableState).cacheable = true;
  await next();
};

export default cacheable;

/** The response cache: what the rest of the app may use of it (see docs/cache.md). */
export { type Invalidation, invalidationOf, registerInvalidationBus } from './bus';
export { type CacheableState, responseCacheMiddleware } from './http';
export { installCacheLane } from './lane';
export { cachePurgeMiddleware, purgeAllFromOutside, subscribePermissionPurges } from './purge';
export { cacheable, type CacheableRoute, type RouteLike } from './routes';
export { registerResponseCache, responseCacheOf, stopResponseCache } from './runtime';

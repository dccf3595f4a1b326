import type { Core } from '@strapi/strapi';

import { RESPONSE_CACHE } from '../constants';
import { invalidationOf } from './bus';
import { type CompiledRoute, findCacheableRoutes, type RouteLike } from './routes';
import { type CacheSettings, readCacheSettings } from './settings';
import { createSharedLayer, type SharedLayer } from './shared';
import { type CachedAnswer, createResponseStore, type ResponseStore } from './store';

/** One instance's response cache: its settings, store, routes and the loads under way. */
export interface ResponseCache {
  settings: CacheSettings;
  store: ResponseStore;
  /** With `REDIS_URL`: the store every instance shares, read on a local miss. */
  shared: SharedLayer | undefined;
  /** The registered route `path` belongs to, if any (routes found on first use). */
  routeFor(path: string): CompiledRoute | undefined;
  /**
   * Routes served outside the content API (`strapi.server.routes`, e.g. the reader pages), which
   * the walk of `strapi.apis` cannot see; those listing `cacheable(...)` are cached. In `register`.
   */
  addRootRoutes(routes: readonly RouteLike[]): void;
  /** Loads under way, by key: concurrent misses wait for the first one's answer. */
  inflight: Map<string, Promise<CachedAnswer | undefined>>;
  /** How many times a miss ran the downstream (coalesced followers excluded); for tests. */
  loads: number;
  /** How many hits the lane (src/cache/lane.ts) answered before Koa; for tests. */
  laneHits: number;
  /** The cache's clock (ms): entries' age, freshness and `Age` are read on it. */
  now(): number;
  /** Tests move time instead of waiting for it. */
  useClock(clock: () => number): void;
}

export const createResponseCache = (
  strapi: Core.Strapi,
  settings: CacheSettings,
  shared?: SharedLayer,
): ResponseCache => {
  let routes: CompiledRoute[] | undefined;
  const rootRoutes: RouteLike[] = [];
  let clock = Date.now;
  const now = () => clock();
  return {
    settings,
    store: createResponseStore({ maxBytes: settings.maxBytes, now }),
    shared,
    routeFor(path) {
      routes ??= findCacheableRoutes(strapi, rootRoutes);
      return routes.find((route) => route.matches(path));
    },
    addRootRoutes(added) {
      rootRoutes.push(...added);
      routes = undefined;
    },
    inflight: new Map(),
    loads: 0,
    laneHits: 0,
    now,
    useClock(next) {
      clock = next;
    },
  };
};

/**
 * `register`: the cache in Strapi's container (its settings checked now: a malformed one stops
 * the boot, named), listening on the invalidation bus for purges from any instance.
 */
export const registerResponseCache = (strapi: Core.Strapi): void => {
  const settings = readCacheSettings(strapi);
  const redisUrl = strapi.config.get<string>('views.redisUrl', '');
  const shared =
    settings.enabled && redisUrl ? createSharedLayer({ redisUrl, log: strapi.log }) : undefined;
  const cache = createResponseCache(strapi, settings, shared);
  strapi.add(RESPONSE_CACHE, () => cache);
  if (!cache.settings.enabled) return;
  invalidationOf(strapi).subscribe((message) => {
    if (message.kind === 'tags') cache.store.purgeTags(message.tags);
    else if (message.kind === 'all') cache.store.purgeAll();
  });
};

/** At shutdown: lets go of the shared layer's Redis connection. */
export const stopResponseCache = async (strapi: Core.Strapi): Promise<void> => {
  await responseCacheOf(strapi).shared?.stop();
};

/** This instance's response cache. */
export const responseCacheOf = (strapi: Core.Strapi): ResponseCache =>
  strapi.get<ResponseCache>(RESPONSE_CACHE);

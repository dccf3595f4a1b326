import type { Core } from '@strapi/strapi';

import { CONTENT_API_QUERY_KEYS } from './key';
import type { ListTag } from './tags';

/** The route middleware through which a route registers itself as cacheable. */
export const CACHEABLE_MIDDLEWARE = 'global::cacheable';

/**
 * What a cacheable route says of itself, in its own route file:
 * `{ name: 'global::cacheable', config: { list: 'articles', ttlSeconds: 30 } }` in
 * `config.middlewares`.
 */
export interface CacheableRoute {
  /** The list tag its answers carry: a write to that type purges them. */
  list: ListTag;
  /** Fresh for this long; `CACHE_TTL_SECONDS` when not given. */
  ttlSeconds?: number;
  /** The top-level query keys the route reads (the rest make no distinct entries). */
  query?: readonly string[];
}

/** A route's entry, as the pre-router lookup uses it. */
export interface CompiledRoute extends Required<Omit<CacheableRoute, 'ttlSeconds'>> {
  ttlSeconds: number | undefined;
  /** The full path's pattern, `/api` prefix included, e.g. `/api/articles/:id`. */
  path: string;
  matches: (path: string) => boolean;
}

/**
 * The middleware entry a route file lists to register the route. Strapi resolves `{ name, config }`
 * entries (core/dist/services/server/middleware.js); its route type names only strings.
 */
export const cacheable = (config: CacheableRoute): string =>
  ({ name: CACHEABLE_MIDDLEWARE, config }) as unknown as string;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/api/articles/:id` as a regular expression: a parameter is one non-empty path segment. */
export const compilePath = (path: string): ((candidate: string) => boolean) => {
  const pattern = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : escape(segment)))
    .join('/');
  const regexp = new RegExp(`^${pattern}/?$`);
  return (candidate) => regexp.test(candidate);
};

/** A route as Strapi's router takes it: the parts the cache reads. */
export interface RouteLike {
  method?: string;
  path?: string;
  config?: { middlewares?: unknown[] };
}

const cacheableConfig = (route: RouteLike): CacheableRoute | undefined => {
  for (const entry of route.config?.middlewares ?? []) {
    if (
      entry &&
      typeof entry === 'object' &&
      (entry as { name?: unknown }).name === CACHEABLE_MIDDLEWARE
    ) {
      return (entry as { config: CacheableRoute }).config;
    }
  }
  return undefined;
};

const compiled = (route: RouteLike, config: CacheableRoute, path: string): CompiledRoute => ({
  list: config.list,
  ttlSeconds: config.ttlSeconds,
  query: config.query ?? CONTENT_API_QUERY_KEYS,
  path,
  matches: compilePath(path),
});

/**
 * Every content-API GET route that registered itself, found by walking `strapi.apis[*].routes`
 * (once Strapi has instantiated its routers), with the REST prefix; then `rootRoutes`, the
 * registered routes served outside the content API (the reader pages), whose paths are whole.
 */
export const findCacheableRoutes = (
  strapi: Core.Strapi,
  rootRoutes: readonly RouteLike[] = [],
): CompiledRoute[] => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const found: CompiledRoute[] = [];
  for (const route of rootRoutes) {
    const config = cacheableConfig(route);
    if (config && route.method === 'GET' && route.path)
      found.push(compiled(route, config, route.path));
  }
  for (const api of Object.values(strapi.apis)) {
    const routers = (api as { routes?: Record<string, unknown> }).routes ?? {};
    for (const router of Object.values(routers)) {
      if (!router || typeof router !== 'object') continue;
      const { routes = [], prefix: routerPrefix = '' } = router as {
        routes?: RouteLike[];
        prefix?: string;
      };
      for (const route of routes) {
        const config = cacheableConfig(route);
        if (!config || route.method !== 'GET' || !route.path) continue;
        found.push(compiled(route, config, `${prefix}${routerPrefix}${route.path}`));
      }
    }
  }
  // Fixed segments before parameters (`/articles/most-read` before `/articles/:id`).
  return found.sort((a, b) => a.path.split(':').length - b.path.split(':').length);
};

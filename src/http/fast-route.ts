import type { Core } from '@strapi/strapi';

/** A content-API route as a fast path answers it, and what of Strapi's stack it re-checks. */
export interface FastRoute {
  /** The API whose routers hold the route (`strapi.apis[api]`). */
  api: string;
  method: string;
  /** Without the REST prefix, as the route file has it. */
  path: string;
  handler: string;
  /** The names of the route's middlewares, in order (`{ name, config }` entries by their name). */
  middlewares: readonly string[];
}

interface RouteConfig {
  method: string;
  path: string;
  handler: unknown;
  config?: { auth?: unknown; policies?: unknown[]; middlewares?: unknown[] };
}

const middlewareName = (entry: unknown): unknown =>
  entry && typeof entry === 'object' ? (entry as { name?: unknown }).name : entry;

/**
 * Whether `route` is still configured as its fast path expects: its handler, the default auth
 * (the users-permissions strategy with the handler as scope), no policy, and exactly the
 * middlewares the fast path re-checks. A route changed since (a policy added, say) must be left to
 * Strapi's router rather than answered without it.
 */
export const routeIsAsExpected = (strapi: Core.Strapi, route: FastRoute): boolean => {
  const routers = Object.values(strapi.apis[route.api]?.routes ?? {}) as Array<{
    routes?: RouteConfig[];
  }>;
  const found = routers
    .flatMap((router) => router.routes ?? [])
    .find((r) => r.method === route.method && r.path === route.path);
  const config = found?.config ?? {};
  return (
    found?.handler === route.handler &&
    // Strapi adds the default scope, the handler, to a route without auth settings.
    [undefined, JSON.stringify({ scope: [route.handler] })].includes(
      config.auth === undefined ? undefined : JSON.stringify(config.auth),
    ) &&
    (config.policies ?? []).length === 0 &&
    JSON.stringify((config.middlewares ?? []).map(middlewareName)) ===
      JSON.stringify(route.middlewares)
  );
};

/**
 * `routeIsAsExpected`, checked on the first request (routes exist once Strapi has loaded them)
 * and remembered; a route not as expected is logged once, at warn.
 */
export const fastRouteGuard = (strapi: Core.Strapi, route: FastRoute, name: string) => {
  let enabled: boolean | undefined;
  return (): boolean => {
    if (enabled === undefined) {
      enabled = routeIsAsExpected(strapi, route);
      if (!enabled)
        strapi.log.warn(
          `${name}: ${route.method} ${route.path} is not configured as expected; its requests go through Strapi's router`,
        );
    }
    return enabled;
  };
};

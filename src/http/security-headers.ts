import type { Core } from '@strapi/strapi';

type HeaderValue = string | number | string[];

/** What `strapi::security` did to the response's headers on one request. */
interface Recorded {
  set: Array<[string, HeaderValue]>;
  removed: string[];
}

const SECURITY = 'strapi::security';

/** The headers `run` sets or removes before it calls `next` (helmet sets them all up front). */
const diffHeaders = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Recorded => ({
  set: Object.entries(after)
    .filter(([name, value]) => JSON.stringify(before[name]) !== JSON.stringify(value))
    .map(([name, value]) => [name, value as HeaderValue]),
  removed: Object.keys(before).filter((name) => !(name in after)),
});

/**
 * `strapi::security` builds a new helmet (and deep-merges its defaults into the config) on every
 * request: about 7 % of the CPU of the views path (issue 9's profile). Its headers depend on the
 * request only in Strapi's special cases, which are all GETs (the API documentation's and the
 * GraphQL playground's pages, the admin panel in development). So this wraps Strapi's own
 * middleware: a GET outside the REST prefix goes through it as before, every other request gets
 * the headers Strapi's middleware set on the first such request, replayed (nothing is copied from
 * Strapi's configuration). The GraphQL endpoint (`/graphql`, outside the REST prefix) is such a
 * GET path; its POSTs get no special case from Strapi. Registered in `register()`, through the
 * middleware registry's own `extend`.
 */
export const replaySecurityHeaders =
  (factory: Core.MiddlewareFactory): Core.MiddlewareFactory =>
  (config, { strapi }) => {
    const security = factory(config, { strapi });
    if (!security) return security;
    const prefix = `${strapi.config.get<string>('api.rest.prefix', '/api')}/`;
    let recorded: Recorded | undefined;

    return async (ctx, next) => {
      if (ctx.method === 'GET' && !ctx.path.startsWith(prefix)) return security(ctx, next);
      if (recorded) {
        recorded.removed.forEach((name) => ctx.res.removeHeader(name));
        recorded.set.forEach(([name, value]) => ctx.res.setHeader(name, value));
        return next();
      }
      const before = { ...ctx.res.getHeaders() };
      return security(ctx, () => {
        recorded ??= diffHeaders(before, { ...ctx.res.getHeaders() });
        return next();
      });
    };
  };

/** In `register()`: `strapi::security` as above, wherever config/middlewares.ts places it. */
export const registerSecurityHeaders = (strapi: Core.Strapi): void => {
  strapi
    .get('middlewares')
    .extend(SECURITY, (factory: Core.MiddlewareFactory) => replaySecurityHeaders(factory));
};

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { ARTICLE_UID, DOCUMENT_ID_PATTERN } from '../constants';
import { authenticatePublic } from '../permissions';
import { answerView, refuseViewsOverRateLimit } from '../views';

/** The route this middleware answers, and what it may skip of it. */
const ROUTE = {
  method: 'POST',
  path: '/articles/:documentId/views',
  handler: `${ARTICLE_UID}.recordView`,
  middlewares: ['global::views-rate-limit'],
} as const;

interface RouteConfig {
  method: string;
  path: string;
  handler: unknown;
  config?: { auth?: unknown; policies?: unknown[]; middlewares?: unknown[] };
}

/**
 * Whether the views route is still the one this middleware re-checks: the default auth (the
 * users-permissions strategy, scope `recordView`), no policy, and the rate limit as its only middleware. A route changed since
 * (a policy added, say) is left to Strapi's stack, with a warning, rather than answered without it.
 */
const routeIsAsExpected = (strapi: Core.Strapi): boolean => {
  const routers = Object.values(strapi.apis.article?.routes ?? {}) as Array<{
    routes?: RouteConfig[];
  }>;
  const route = routers
    .flatMap((router) => router.routes ?? [])
    .find((r) => r.method === ROUTE.method && r.path === ROUTE.path);
  const config = route?.config ?? {};
  return (
    route?.handler === ROUTE.handler &&
    // Strapi adds the default scope, the handler, to a route without auth settings.
    [undefined, JSON.stringify({ scope: [ROUTE.handler] })].includes(
      config.auth === undefined ? undefined : JSON.stringify(config.auth),
    ) &&
    (config.policies ?? []).length === 0 &&
    JSON.stringify(config.middlewares ?? []) === JSON.stringify(ROUTE.middlewares)
  );
};

/** A request this path answers exactly as the route would: anonymous, no body, no query. */
const isPlainAnonymous = (ctx: Context): boolean =>
  ctx.method === 'POST' &&
  !ctx.request.header.authorization &&
  ctx.querystring === '' &&
  !ctx.request.header['transfer-encoding'] &&
  (ctx.request.header['content-length'] === undefined ||
    ctx.request.header['content-length'] === '0');

/**
 * `POST /api/articles/:documentId/views` answered before Strapi's body parsing, session and
 * router, with every rule of the route re-checked here in the route's order: the Public role's
 * permission `recordView` (users-permissions' answers: 401 when the role may do nothing, 403
 * without it, from the cached ability), the rate limit (429), then the counter's own rules
 * (crawlers, dedupe, per-IP cap, buffer, 404). Answers and errors are the route's own, byte for
 * byte. Anything else (`Authorization`, a body, a query string, another path) goes on to Strapi.
 * Placed after `strapi::cors` and `strapi::security`, so its answers carry their headers.
 */
const fastViews: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const head = `${prefix}/articles/`;
  const tail = '/views';
  let enabled: boolean | undefined;

  return async (ctx, next) => {
    if (!ctx.path.startsWith(head) || !ctx.path.endsWith(tail) || !isPlainAnonymous(ctx))
      return next();
    const documentId = ctx.path.slice(head.length, -tail.length);
    if (!DOCUMENT_ID_PATTERN.test(documentId)) return next();
    if (enabled === undefined) {
      enabled = routeIsAsExpected(strapi);
      if (!enabled)
        strapi.log.warn(
          `fast-views: ${ROUTE.method} ${ROUTE.path} is not configured as expected; its requests go through Strapi's router`,
        );
    }
    if (!enabled) return next();

    const auth = await authenticatePublic(strapi);
    if (!auth.authenticated) return ctx.unauthorized('Missing or invalid credentials');
    if (!auth.ability.can(ROUTE.handler)) return ctx.forbidden();
    await refuseViewsOverRateLimit(strapi, ctx);
    const body = await answerView(strapi, ctx, documentId);
    if (body !== undefined) ctx.body = body;
  };
};

export default fastViews;

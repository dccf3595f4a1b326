import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { ARTICLE_UID, DOCUMENT_ID_PATTERN } from '../constants';
import { type FastRoute, fastRouteGuard } from '../http/fast-route';
import { authenticatePublic } from '../permissions';
import { answerView, refuseViewsOverRateLimit } from '../views';
import { keepViewHeaders } from '../views/lane';

/** The route this middleware answers, and what it may skip of it. */
const ROUTE: FastRoute = {
  api: 'article',
  method: 'POST',
  path: '/articles/:documentId/views',
  handler: `${ARTICLE_UID}.recordView`,
  middlewares: ['global::views-rate-limit'],
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
  const enabled = fastRouteGuard(strapi, ROUTE, 'fast-views');

  return async (ctx, next) => {
    if (!ctx.path.startsWith(head) || !ctx.path.endsWith(tail) || !isPlainAnonymous(ctx))
      return next();
    const documentId = ctx.path.slice(head.length, -tail.length);
    if (!DOCUMENT_ID_PATTERN.test(documentId)) return next();
    if (!enabled()) return next();

    // What the stack has set so far is what the views lane replays for this Origin.
    keepViewHeaders(strapi, ctx.get('Origin'), ctx.response.headers);
    const auth = await authenticatePublic(strapi);
    if (!auth.authenticated) return ctx.unauthorized('Missing or invalid credentials');
    if (!auth.ability.can(ROUTE.handler)) return ctx.forbidden();
    await refuseViewsOverRateLimit(strapi, ctx);
    const body = await answerView(strapi, ctx, documentId);
    if (body !== undefined) ctx.body = body;
  };
};

export default fastViews;

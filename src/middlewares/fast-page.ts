import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { CacheableState } from '../cache';
import { ARTICLE_UID, SLUG_MAX_LENGTH, SLUG_PATTERN } from '../constants';
import { type FastRoute, fastRouteGuard } from '../http/fast-route';
import { authenticatePublic } from '../permissions';

/** The route this middleware answers, and the middlewares of it that it re-checks. */
const ROUTE: FastRoute = {
  api: 'article',
  method: 'GET',
  path: '/articles/slug/:slug',
  handler: `${ARTICLE_UID}.findBySlug`,
  middlewares: ['global::cacheable', 'global::query-errors', 'global::published-only'],
};

/** A request this path answers exactly as the route would: anonymous, GET or HEAD, no query. */
const isPlainAnonymous = (ctx: Context): boolean =>
  (ctx.method === 'GET' || ctx.method === 'HEAD') &&
  !ctx.request.header.authorization &&
  ctx.querystring === '';

/**
 * `GET /api/articles/slug/:slug` for an anonymous reader, answered before Strapi's query parsing,
 * body, session and router: the uncached article page (a response cache miss, or the cache off).
 * What the route does is re-checked here in its order: the Public role's permission `findBySlug`
 * (401 when the role may do nothing, 403 without it, from the cached ability), the slug's shape,
 * then the page loader (published only, public fields, relations the role may `find`), and
 * `ctx.state.cacheable` as the route's `global::cacheable` sets it, so the response cache stores
 * the answer. The answer is the route's, byte for byte. Anything else goes on to Strapi: a query
 * string, `Authorization`, a slug the route would refuse, and a slug no published article has
 * (the route's redirect from an old slug, or its 404).
 */
const fastPage: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const head = `${prefix}/articles/slug/`;
  const enabled = fastRouteGuard(strapi, ROUTE, 'fast-page');

  return async (ctx, next) => {
    if (!ctx.path.startsWith(head) || !isPlainAnonymous(ctx)) return next();
    const slug = ctx.path.slice(head.length);
    if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug) || !enabled()) return next();

    const auth = await authenticatePublic(strapi);
    if (!auth.authenticated) return ctx.unauthorized('Missing or invalid credentials');
    if (!auth.ability.can(ROUTE.handler)) return ctx.forbidden();
    const page = await strapi.service(ARTICLE_UID).findPageBySlug(slug, { ability: auth.ability });
    if (!page) return next();
    (ctx.state as CacheableState).cacheable = true;
    ctx.body = { data: page, meta: {} };
  };
};

export default fastPage;

import type { Core } from '@strapi/strapi';
import { errors, z } from '@strapi/utils';
import type { Context } from 'koa';

import { ARTICLE_UID, DOCUMENT_ID_PATTERN } from '../constants';
import { parseQuery } from '../http/input';
import { mostReadQuery } from './most-read-query';
import { viewsOf } from './runtime';

const READ_ARTICLES = 'plugin::content-manager.explorer.read';

interface AdminState {
  userAbility?: { can(action: string, subject: string): boolean };
}

/** Only an administrator whose role may read articles in the content manager sees their views. */
const assertMayReadArticles = (ctx: Context): void => {
  const ability = (ctx.state as AdminState).userAbility;
  if (!ability?.can(READ_ARTICLES, ARTICLE_UID)) {
    throw new errors.ForbiddenError('Your role may not read articles');
  }
};

/** Most ids one `/totals` call takes: the content manager's largest page of rows. */
export const TOTALS_MAX_IDS = 100;
const TOTALS_ERROR = `documentIds must be 1 to ${TOTALS_MAX_IDS} document ids, comma-separated`;

/** `?documentIds=a,b,c` of `/totals`: the rows of one page of the article list. */
const totalsQuery = {
  documentIds: z
    .string({ error: TOTALS_ERROR })
    .transform((value) => [...new Set(value.split(','))])
    .pipe(
      z
        .array(z.string().regex(DOCUMENT_ID_PATTERN, { error: TOTALS_ERROR }))
        .min(1, { error: TOTALS_ERROR })
        .max(TOTALS_MAX_IDS, { error: TOTALS_ERROR }),
    ),
};

const adminRoute = { policies: ['admin::isAuthenticatedAdmin'] };
const info = { pluginName: 'newsroom-views', type: 'admin' };

/**
 * Admin-authenticated routes for the admin panel's views (the "Most read" widget and the
 * article's views panel). They are registered on Strapi's admin router, behind the admin's own
 * authentication, so no content-API caller can reach them. (Routes under `src/api` are always
 * content-API routes; registering these here spares a separately built local plugin.)
 */
export const registerViewsAdminRoutes = (strapi: Core.Strapi): void => {
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom-views',
    routes: [
      {
        method: 'GET',
        path: '/most-read',
        request: { query: mostReadQuery },
        handler: async (ctx: Context) => {
          assertMayReadArticles(ctx);
          const query = parseQuery(ctx, mostReadQuery);
          const ranked = await strapi.service(ARTICLE_UID).mostRead(query);
          if (!ranked) throw new errors.NotFoundError(`No section has the slug "${query.section}"`);
          ctx.body = { data: ranked };
        },
        config: adminRoute,
        info,
      },
      {
        // The article list's "Views" column: one request per page of rows, one query.
        method: 'GET',
        path: '/totals',
        request: { query: totalsQuery },
        handler: async (ctx: Context) => {
          assertMayReadArticles(ctx);
          const { documentIds } = parseQuery(ctx, totalsQuery);
          const totals = await viewsOf(strapi).totals(documentIds);
          ctx.body = {
            data: Object.fromEntries(documentIds.map((id) => [id, totals.get(id) ?? 0])),
          };
        },
        config: adminRoute,
        info,
      },
      {
        method: 'GET',
        path: '/articles/:documentId',
        handler: async (ctx: Context) => {
          assertMayReadArticles(ctx);
          const { documentId } = ctx.params as { documentId: string };
          // An id no document could have is an unknown article, as on the content API.
          if (!DOCUMENT_ID_PATTERN.test(documentId))
            throw new errors.NotFoundError('No such article');
          ctx.body = { data: { documentId, views: await viewsOf(strapi).summary(documentId) } };
        },
        config: adminRoute,
        info,
      },
    ],
  });
};

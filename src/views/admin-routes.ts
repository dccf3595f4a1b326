import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { ARTICLE_UID, DOCUMENT_ID_PATTERN } from '../constants';
import { parseMostReadQuery } from './most-read-query';
import { views } from './runtime';

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
        handler: async (ctx: Context) => {
          assertMayReadArticles(ctx);
          const query = parseMostReadQuery(ctx.query);
          const ranked = await strapi.service(ARTICLE_UID).mostRead(query);
          if (!ranked) throw new errors.NotFoundError(`No section has the slug "${query.section}"`);
          ctx.body = { data: ranked };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { pluginName: 'newsroom-views', type: 'admin' },
      },
      {
        method: 'GET',
        path: '/articles/:documentId',
        handler: async (ctx: Context) => {
          assertMayReadArticles(ctx);
          const { documentId } = ctx.params as { documentId: string };
          if (!DOCUMENT_ID_PATTERN.test(documentId))
            throw new errors.NotFoundError('No such article');
          ctx.body = { data: { documentId, views: await views(strapi).summary(documentId) } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { pluginName: 'newsroom-views', type: 'admin' },
      },
    ],
  });
};

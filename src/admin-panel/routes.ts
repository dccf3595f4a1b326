import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { ARTICLE_UID } from '../constants';
import { loadDesk } from './desk';

const READ_ARTICLES = 'plugin::content-manager.explorer.read';

interface AdminState {
  user?: { id: number };
  userAbility?: { can(action: string, subject: string): boolean };
}

/**
 * The admin-authenticated routes of the admin panel's home page (the "Desk" widget), on Strapi's
 * admin router behind its authentication, as the views' admin routes are (see DESIGN.md): only a
 * role that may read articles in the content manager gets an answer.
 */
export const registerDeskAdminRoutes = (strapi: Core.Strapi): void => {
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom-desk',
    routes: [
      {
        method: 'GET',
        path: '/desk',
        handler: async (ctx: Context) => {
          const { user, userAbility } = ctx.state as AdminState;
          if (!user || !userAbility?.can(READ_ARTICLES, ARTICLE_UID)) {
            throw new errors.ForbiddenError('Your role may not read articles');
          }
          ctx.body = { data: await loadDesk(strapi, user.id) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { pluginName: 'newsroom-desk', type: 'admin' },
      },
    ],
  });
};

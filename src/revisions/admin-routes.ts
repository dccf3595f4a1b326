import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { ARTICLE_UID } from '../constants';
import { parseParams, parseQuery } from '../http/input';
import { diffSnapshots } from './diff';
import { revisionsOf } from './history';
import { articleParams, diffQuery, listQuery, revisionParams } from './input';
import { restoreRevision } from './restore';

const CM = 'plugin::content-manager.explorer';

interface AdminState {
  userAbility?: { can(action: string, subject: string): boolean };
}

/** A 403 naming what is missing: Strapi passes a `PolicyError`'s message on to the admin. */
const assertMay = (ctx: Context, verb: 'read' | 'publish', refusal: string): void => {
  if (!(ctx.state as AdminState).userAbility?.can(`${CM}.${verb}`, ARTICLE_UID)) {
    throw new errors.PolicyError(refusal);
  }
};

const READ_REFUSAL = 'Your role may not read articles, so not their revisions either.';
export const RESTORE_REFUSAL =
  'Restoring a revision replaces the draft on behalf of the desk: it needs the right to publish articles (Editors).';

const adminRoute = { policies: ['admin::isAuthenticatedAdmin'] };
const info = { pluginName: 'newsroom-revisions', type: 'admin' };

/**
 * The revision history's admin routes (the edit view's side panel): list, one revision, the
 * diff of two, and restore. Behind the admin's authentication, never on the content API; reading
 * needs the content manager's read on articles, restoring its publish (Editors, not Authors).
 */
export const registerRevisionsAdminRoutes = (strapi: Core.Strapi): void => {
  const history = () => revisionsOf(strapi);
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom-revisions',
    routes: [
      {
        method: 'GET',
        path: '/articles/:documentId/revisions',
        request: { params: articleParams, query: listQuery },
        handler: async (ctx: Context) => {
          assertMay(ctx, 'read', READ_REFUSAL);
          const { documentId } = parseParams(ctx, articleParams);
          ctx.body = await history().list(documentId, parseQuery(ctx, listQuery));
        },
        config: adminRoute,
        info,
      },
      {
        method: 'GET',
        path: '/revisions/:id',
        request: { params: revisionParams },
        handler: async (ctx: Context) => {
          assertMay(ctx, 'read', READ_REFUSAL);
          const { id } = parseParams(ctx, revisionParams);
          const revision = await history().get(id);
          if (!revision) throw new errors.NotFoundError(`No revision has the id ${id}`);
          ctx.body = { data: revision };
        },
        config: adminRoute,
        info,
      },
      {
        method: 'GET',
        path: '/diff',
        request: { query: diffQuery },
        handler: async (ctx: Context) => {
          assertMay(ctx, 'read', READ_REFUSAL);
          const query = parseQuery(ctx, diffQuery);
          const [from, to] = await Promise.all([
            history().get(query.from),
            history().get(query.to),
          ]);
          if (!from) throw new errors.NotFoundError(`No revision has the id ${query.from}`);
          if (!to) throw new errors.NotFoundError(`No revision has the id ${query.to}`);
          if (from.articleDocumentId !== to.articleDocumentId) {
            throw new errors.ValidationError('from and to must be revisions of the same article');
          }
          const { snapshot: before, ...fromSummary } = from;
          const { snapshot: after, ...toSummary } = to;
          ctx.body = {
            data: {
              from: fromSummary,
              to: toSummary,
              changes: diffSnapshots(before ?? {}, after ?? {}),
            },
          };
        },
        config: adminRoute,
        info,
      },
      {
        method: 'POST',
        path: '/revisions/:id/restore',
        request: { params: revisionParams },
        handler: async (ctx: Context) => {
          assertMay(ctx, 'publish', RESTORE_REFUSAL);
          const { id } = parseParams(ctx, revisionParams);
          const { revision } = await restoreRevision(strapi, id);
          ctx.body = { data: { restoredFrom: id, revision } };
        },
        config: adminRoute,
        info,
      },
    ],
  });
};

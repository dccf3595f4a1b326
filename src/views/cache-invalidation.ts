import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../constants';
import type { DocumentMiddleware } from '../publishing/context';
import { viewsOf } from './runtime';

const CHANGES_PUBLICATION = new Set(['publish', 'unpublish', 'delete', 'create', 'update']);

/** A publish, unpublish or delete makes this instance forget the article's cached total. */
export const viewsCacheMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const result = await next();
    if (ctx.uid === ARTICLE_UID && CHANGES_PUBLICATION.has(ctx.action)) {
      const documentId =
        (ctx.params as { documentId?: string }).documentId ??
        (result as { documentId?: string } | null)?.documentId;
      if (documentId) viewsOf(strapi).forget(documentId);
    }
    return result;
  };

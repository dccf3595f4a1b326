import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../constants';
import { type DocumentMiddleware, writeParams } from './context';

/**
 * Stamps the draft with the date of its first publication. `updateMany` with a plain object moves
 * no `updatedAt`, so the stamp never marks the article "Modified" in the admin. Publishing copies
 * the draft, so the published version carries the same date, and every later publish keeps it.
 */
const stampDraft = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query(ARTICLE_UID).updateMany({
    where: { documentId, publishedAt: null, originallyPublishedAt: null },
    data: { originallyPublishedAt: new Date() },
  });

/**
 * `originallyPublishedAt`: set on the first publish, on every path that publishes (the admin's
 * publish, `create`/`update` with `status: 'published'`), never taken from a caller.
 * (Not `firstPublishedAt`: Strapi 5.54 reserves that name and blanks it on every update.)
 */
export const originallyPublishedAtMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID) return next();
    const params = writeParams(ctx);

    if (ctx.action === 'publish' && params.documentId) {
      await stampDraft(strapi, params.documentId);
      return next();
    }
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();

    if (params.data) {
      const { originallyPublishedAt: _ignored, ...data } = params.data;
      params.data = data;
    }
    if (params.status === 'published') {
      if (ctx.action === 'create') {
        params.data = { ...params.data, originallyPublishedAt: new Date() };
      } else if (params.documentId) {
        await stampDraft(strapi, params.documentId);
      }
    }
    return next();
  };

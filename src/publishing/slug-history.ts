import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../constants';
import { documentIdOf, type DocumentMiddleware, publishes, writeParams } from './context';

export const SLUG_HISTORY_TABLE = 'article_slug_history';

const publishedSlug = async (strapi: Core.Strapi, documentId: string): Promise<string | null> => {
  const row: { slug: string | null } | null = await strapi.db.query(ARTICLE_UID).findOne({
    select: ['slug'],
    where: { documentId, publishedAt: { $notNull: true } },
  });
  return row?.slug ?? null;
};

/**
 * When a publish changes a published article's slug, the old slug is kept for it, so links to it
 * keep working (301). A slug that is live again (on this or another article) leaves the history.
 */
export const slugHistoryMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID) return next();
    const params = writeParams(ctx);
    if (!publishes(ctx)) return next();

    const before = params.documentId ? await publishedSlug(strapi, params.documentId) : null;
    const result = await next();
    const documentId = documentIdOf(ctx, result);
    if (!documentId) return result;
    const after = await publishedSlug(strapi, documentId);
    // In the publish's own transaction (the root connection would wait for it on SQLite).
    await strapi.db.transaction(async ({ trx }) => {
      if (after) await trx(SLUG_HISTORY_TABLE).where({ slug: after }).delete();
      if (before && after && before !== after) {
        await trx(SLUG_HISTORY_TABLE)
          .insert({ slug: before, document_id: documentId, retired_at: new Date() })
          .onConflict('slug')
          .merge();
      }
    });
    return result;
  };

/** The current published slug of the article that once had `slug`, or `null`. */
export const currentSlugFor = async (strapi: Core.Strapi, slug: string): Promise<string | null> => {
  const row: { document_id: string } | undefined = await strapi.db
    .connection(SLUG_HISTORY_TABLE)
    .where({ slug })
    .first('document_id');
  return row ? publishedSlug(strapi, row.document_id) : null;
};

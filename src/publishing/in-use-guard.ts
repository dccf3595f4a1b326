import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../constants';
import { type DocumentMiddleware, writeParams } from './context';

/** The article relation that points at each guarded type. */
const ARTICLE_RELATION: Partial<Record<UID.ContentType, string>> = {
  [SECTION_UID]: 'section',
  [AUTHOR_UID]: 'authors',
};

export const countPublishedArticlesUsing = (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
): Promise<number> => {
  const relation = ARTICLE_RELATION[uid];
  if (!relation) return Promise.resolve(0);
  return strapi.db.query(ARTICLE_UID).count({
    where: { publishedAt: { $notNull: true }, [relation]: { documentId } },
  });
};

/**
 * A section or author that published articles use cannot be deleted: a live page would lose its
 * section label or byline. The 400 says how many articles use it.
 */
export const inUseGuardMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const { documentId } = writeParams(ctx);
    if (ctx.action !== 'delete' || !ARTICLE_RELATION[ctx.uid] || !documentId) return next();

    const count = await countPublishedArticlesUsing(strapi, ctx.uid, documentId);
    if (count > 0) {
      const kind = ctx.contentType.info.singularName;
      throw new errors.ValidationError(
        `This ${kind} cannot be deleted: ${count} published article${count === 1 ? ' uses' : 's use'} it. ` +
          `Move ${count === 1 ? 'it' : 'them'} to another ${kind} or unpublish ${count === 1 ? 'it' : 'them'} first.`,
        { publishedArticles: count },
      );
    }
    return next();
  };

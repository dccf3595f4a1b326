import type { Core } from '@strapi/strapi';

import { SECTION_UID } from '../constants';
import { type DocumentMiddleware, fieldError, writeParams } from './context';

/** Deeper than any real menu; a chain this long is refused as well as a cycle. */
export const MAX_SECTION_DEPTH = 16;

interface SectionLink {
  documentId: string;
  parent: { documentId: string } | null;
}

const parentOf = (strapi: Core.Strapi, documentId: string): Promise<SectionLink | null> =>
  strapi.db.query(SECTION_UID).findOne({
    select: ['documentId'],
    where: { documentId },
    populate: { parent: { select: ['documentId'] } },
  });

/**
 * A section's parent chain must end: setting a parent (or children) that would make a section its
 * own ancestor is refused with a 400, checked on what was saved, in the same transaction.
 */
export const sectionTreeMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== SECTION_UID || (ctx.action !== 'create' && ctx.action !== 'update')) {
      return next();
    }
    const data = writeParams(ctx).data ?? {};
    if (!('parent' in data) && !('children' in data)) return next();

    return strapi.db.transaction(async () => {
      const result = await next();
      const start = (result as { documentId?: string } | null)?.documentId;
      if (!start) return result;

      let link = await parentOf(strapi, start);
      for (let depth = 0; link?.parent; depth += 1) {
        if (link.parent.documentId === start) {
          throw fieldError(
            'parent',
            'A section cannot be its own ancestor: this parent makes a cycle',
          );
        }
        if (depth >= MAX_SECTION_DEPTH) {
          throw fieldError('parent', `Sections nest at most ${MAX_SECTION_DEPTH} levels deep`);
        }
        link = await parentOf(strapi, link.parent.documentId);
      }
      return result;
    });
  };

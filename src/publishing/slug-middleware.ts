import type { Core } from '@strapi/strapi';

import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../constants';
import { type DocumentMiddleware, fieldError, writeParams } from './context';
import { SLUG_SOURCE_FIELD, slugTakenByAnother, toSlug, uniqueSlug } from './slug';

/**
 * Slugs: an editor's slug is checked (format, length, not another document's), an empty one is
 * made from the title or name with {@link toSlug}, with a numeric suffix on collision. Strapi
 * itself checks neither format nor uniqueness on drafts, so this runs on every save.
 */
export const slugMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const sourceField = SLUG_SOURCE_FIELD[ctx.uid];
    if (!sourceField || (ctx.action !== 'create' && ctx.action !== 'update')) return next();

    const params = writeParams(ctx);
    const data = params.data ?? {};
    const documentId = ctx.action === 'update' ? params.documentId : undefined;
    const kind = ctx.contentType.info.singularName;
    const given = data.slug;

    if (given !== undefined && given !== null && typeof given !== 'string') {
      throw fieldError('slug', 'slug must be a string');
    }
    if (typeof given === 'string' && given !== '') {
      if (given.length > SLUG_MAX_LENGTH) {
        throw fieldError('slug', `slug must be at most ${SLUG_MAX_LENGTH} characters`);
      }
      if (!SLUG_PATTERN.test(given)) {
        throw fieldError(
          'slug',
          'slug may hold only lowercase letters, digits and single hyphens between words',
        );
      }
      if (await slugTakenByAnother(strapi, ctx.uid, given, documentId)) {
        throw fieldError('slug', `The slug "${given}" is already used by another ${kind}`);
      }
      return next();
    }

    let source = data[sourceField];
    if (ctx.action === 'update' && documentId) {
      const current: Record<string, unknown> | null = await strapi.db.query(ctx.uid).findOne({
        select: ['slug', sourceField],
        where: { documentId },
        orderBy: { publishedAt: 'desc' },
      });
      // A save that does not touch the slug keeps the stored one.
      if (!('slug' in data) && current?.slug) return next();
      source = source ?? current?.[sourceField];
    }
    // Without a title or name, `required` (ours for article drafts, Strapi's otherwise) answers.
    if (typeof source !== 'string' || source.trim() === '') return next();

    const slug = await uniqueSlug(strapi, ctx.uid, toSlug(source) || kind, {
      excludeDocumentId: documentId,
    });
    params.data = { ...data, slug };
    return next();
  };

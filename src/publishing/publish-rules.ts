import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { ARTICLE_UID } from '../constants';
import { documentIdOf, type DocumentMiddleware, publishes } from './context';
import { countWords } from './reading-time';

interface PublishedRow {
  documentId: string;
  title: string | null;
  slug: string | null;
  body: unknown;
  section: { id: number } | null;
  authors: Array<{ id: number }> | null;
}

const hasBody = (body: unknown): boolean =>
  countWords(body) > 0 ||
  (Array.isArray(body) && body.some((block) => (block as { type?: string })?.type === 'image'));

/** What a published article lacks, in words an editor reads in the admin's error toast. */
export const missingForPublication = async (
  strapi: Core.Strapi,
  row: PublishedRow,
): Promise<Array<{ path: string; message: string }>> => {
  const missing: Array<{ path: string; message: string }> = [];
  if (!row.title?.trim()) missing.push({ path: 'title', message: 'a title' });
  if (!hasBody(row.body)) missing.push({ path: 'body', message: 'a body' });
  if (!row.section) missing.push({ path: 'section', message: 'a section' });
  if (!row.authors?.length) missing.push({ path: 'authors', message: 'at least one author' });
  if (!row.slug) {
    missing.push({ path: 'slug', message: 'a slug' });
  } else {
    const clash = await strapi.db.query(ARTICLE_UID).findOne({
      select: ['id'],
      where: { slug: row.slug, documentId: { $ne: row.documentId } },
    });
    if (clash)
      missing.push({
        path: 'slug',
        message: `a slug no other article has ("${row.slug}" is taken)`,
      });
  }
  return missing;
};

const assertPublishable = async (strapi: Core.Strapi, documentId: string): Promise<void> => {
  const row: PublishedRow | null = await strapi.db.query(ARTICLE_UID).findOne({
    select: ['documentId', 'title', 'slug', 'body'],
    where: { documentId, publishedAt: { $notNull: true } },
    populate: { section: { select: ['id'] }, authors: { select: ['id'] } },
  });
  if (!row) return;
  const missing = await missingForPublication(strapi, row);
  if (missing.length === 0) return;
  const message = `This article cannot be published yet: it needs ${missing
    .map((item) => item.message)
    .join(', ')}.`;
  throw new errors.ValidationError(message, {
    errors: missing.map((item) => ({
      path: [item.path],
      message: `Publishing needs ${item.message}`,
      name: 'ValidationError',
      value: null,
    })),
  });
};

/**
 * An article is published only with a title, a body, a section, at least one author and a slug of
 * its own, on every path: the admin's publish and bulk publish (`publish`), and `create`/`update`
 * with `status: 'published'`, which publish inside the repository without passing `publish`
 * through middlewares. The check runs on what was actually published, in the same transaction:
 * a refusal rolls everything back, the draft included.
 */
export const publishRulesMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID) return next();
    if (!publishes(ctx)) return next();

    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdOf(ctx, result);
      if (documentId) await assertPublishable(strapi, documentId);
      return result;
    });
  };

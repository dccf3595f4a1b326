import type { Core, UID } from '@strapi/strapi';
import slugify from 'slugify';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID, SLUG_MAX_LENGTH, TAG_UID } from '../constants';

/** The slugged types, and the field each one derives its slug from. */
export const SLUG_SOURCE_FIELD: Partial<Record<UID.ContentType, string>> = {
  [ARTICLE_UID]: 'title',
  [SECTION_UID]: 'name',
  [AUTHOR_UID]: 'name',
  [TAG_UID]: 'name',
};

/**
 * The one slug generator of the product: the server's derived slugs and the slug the admin panel
 * proposes both come from here, so an editor never sees one slug proposed and another saved.
 */
export const toSlug = (text: string, maxLength = SLUG_MAX_LENGTH): string => {
  const slug = slugify(text, { lower: true, strict: true });
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // Cut at the last whole word when there is one, and never leave a trailing hyphen.
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
};

/**
 * `base` itself, or `base-1`, `base-2`, ... : the first that no other document of `uid` uses, in
 * any of its versions (draft or published). `excludeDocumentId` is the document being saved.
 */
export const uniqueSlug = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  base: string,
  {
    excludeDocumentId,
    maxLength = SLUG_MAX_LENGTH,
  }: { excludeDocumentId?: string; maxLength?: number } = {},
): Promise<string> => {
  const rows: Array<{ slug: string | null }> = await strapi.db.query(uid).findMany({
    select: ['slug'],
    where: {
      slug: { $startsWith: base },
      ...(excludeDocumentId ? { documentId: { $ne: excludeDocumentId } } : {}),
    },
  });
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 1; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, maxLength - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
};

/** Whether another document of `uid` already uses `slug` in any of its versions. */
export const slugTakenByAnother = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  slug: string,
  documentId?: string,
): Promise<boolean> => {
  const other = await strapi.db.query(uid).findOne({
    select: ['id'],
    where: { slug, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
  });
  return Boolean(other);
};

import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../../src/constants';

/** The article page's relations, as the Document Service was asked for them before the loader. */
const PAGE_POPULATE = {
  section: { fields: ['name', 'slug', 'description'] },
  authors: { fields: ['name', 'slug', 'jobTitle', 'bio'], populate: { avatar: true } },
  cover: true,
  seo: { populate: { ogImage: true } },
};

/**
 * An article's page as Strapi's own path gives it: the Document Service with the page's populate,
 * then the content API's output sanitizer (as an anonymous reader's auth sees it when given), plus
 * what the app adds (`views`, `breadcrumb`) taken from `actual`. The reference the page loader
 * (src/api/article/page) is held to.
 */
export const documentServicePage = async (
  strapi: Core.Strapi,
  documentId: string,
  status: 'draft' | 'published',
  extras: { views: unknown; breadcrumb: unknown },
) => {
  const found = await strapi.documents(ARTICLE_UID).findOne({
    documentId,
    status,
    populate: PAGE_POPULATE as never,
  });
  if (!found) return null;
  const sanitized = await strapi.contentAPI.sanitize.output(found, strapi.contentType(ARTICLE_UID));
  return { ...(sanitized as Record<string, unknown>), ...extras };
};

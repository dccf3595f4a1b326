import type { Core } from '@strapi/strapi';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../constants';

/** What a sitemap lists: the three kinds of public page. */
export const SITEMAP_KINDS = ['articles', 'sections', 'authors'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

const UIDS = { articles: ARTICLE_UID, sections: SECTION_UID, authors: AUTHOR_UID } as const;

/** One page's `<url>`: its slug and when it last changed. */
export interface SitemapEntry {
  slug: string;
  updatedAt: string | Date;
}

/**
 * The sitemaps' reads: published rows only, one `count` per kind, and one bounded `findMany` per
 * file (at most the file's size, ordered by id so that pages stay put as articles are added).
 */
export const createSitemapReads = (strapi: Core.Strapi) => ({
  count: (kind: SitemapKind): Promise<number> =>
    strapi.documents(UIDS[kind]).count({ status: 'published' } as never),

  /** The `page`-th (from 1) run of `size` entries of a kind. */
  page: async (kind: SitemapKind, page: number, size: number): Promise<SitemapEntry[]> =>
    (await strapi.documents(UIDS[kind]).findMany({
      status: 'published',
      fields: ['slug', 'updatedAt'],
      sort: [{ id: 'asc' }],
      start: (page - 1) * size,
      limit: size,
    } as never)) as unknown as SitemapEntry[],
});

export type SitemapReads = ReturnType<typeof createSitemapReads>;

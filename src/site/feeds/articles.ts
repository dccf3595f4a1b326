import type { Core } from '@strapi/strapi';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../constants';

/** What feeds and sitemaps show of a published article. */
export interface ListedArticle {
  documentId: string;
  title: string;
  slug: string;
  standfirst: string | null;
  originallyPublishedAt: string | Date;
  updatedAt: string | Date;
  section: { name: string; slug: string } | null;
  authors: Array<{ name: string; slug: string }>;
}

/** A section or an author as a feed's channel names it. */
export interface Byline {
  name: string;
  slug: string;
}

/** Items of a feed (RSS readers and aggregators expect the latest 50 or so). */
export const FEED_SIZE = 50;

/** Newest first; an article without its first-publication date (never stamped) is left out. */
const LISTED = {
  status: 'published',
  fields: ['documentId', 'title', 'slug', 'standfirst', 'originallyPublishedAt', 'updatedAt'],
  populate: { section: { fields: ['name', 'slug'] }, authors: { fields: ['name', 'slug'] } },
  sort: [{ originallyPublishedAt: 'desc' }, { id: 'desc' }],
} as const;

type Filters = Record<string, unknown>;

/**
 * The reads of feeds: published rows only (`status: 'published'`, so the published-reads
 * middleware scopes relation filters too), a fixed number of queries each (the articles, then
 * one per populated relation, whatever the number of items).
 */
export const createFeedReads = (strapi: Core.Strapi) => {
  const articles = async (filters: Filters, limit: number): Promise<ListedArticle[]> =>
    (await strapi.documents(ARTICLE_UID).findMany({
      ...LISTED,
      filters: { originallyPublishedAt: { $notNull: true }, ...filters },
      limit,
    } as never)) as unknown as ListedArticle[];

  return {
    /** The latest published articles of the whole publication. */
    latest: () => articles({}, FEED_SIZE),

    /**
     * The section with this slug and the latest articles of it and of its sub-sections (as the
     * section's page and its most-read box count them), or `null` when no section has the slug.
     */
    async ofSection(slug: string) {
      const section = (await strapi
        .documents(SECTION_UID)
        .findFirst({ filters: { slug }, fields: ['name', 'slug'] })) as Byline | null;
      if (!section) return null;
      const ids = (await strapi.service(SECTION_UID).subtreeIds(slug)) as number[] | null;
      if (!ids) return null;
      return { section, items: await articles({ section: { id: { $in: ids } } }, FEED_SIZE) };
    },

    /** The author with this slug and the latest articles they are credited on, or `null`. */
    async ofAuthor(slug: string) {
      const author = (await strapi
        .documents(AUTHOR_UID)
        .findFirst({ filters: { slug }, fields: ['name', 'slug'] })) as
        (Byline & { documentId: string }) | null;
      if (!author) return null;
      return {
        author,
        items: await articles({ authors: { documentId: author.documentId } }, FEED_SIZE),
      };
    },

    /** Articles first published in `[from, to]`, newest first, at most `limit`. */
    publishedBetween: (from: Date, to: Date, limit: number) =>
      articles(
        { originallyPublishedAt: { $gte: from.toISOString(), $lte: to.toISOString() } },
        limit,
      ),

    /** The current slug of a published article, for its documentId permalink; `null` if none. */
    async slugOf(documentId: string): Promise<string | null> {
      const found = (await strapi.documents(ARTICLE_UID).findFirst({
        filters: { documentId },
        status: 'published',
        fields: ['slug'],
      })) as { slug?: string | null } | null;
      return found?.slug ?? null;
    },
  };
};

export type FeedReads = ReturnType<typeof createFeedReads>;

import type { Core } from '@strapi/strapi';

import { type SiteSettings, siteSettings } from '../settings';
import { createSitemapReads, SITEMAP_KINDS, type SitemapKind } from '../sitemaps/reads';
import { renderIndex, renderNewsSitemap, renderUrlSet } from '../sitemaps/render';
import { createFeedReads } from './articles';
import { type Channel, renderRss } from './rss';

/** Google News reads articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_SITEMAP_SIZE = 1000;

/** Whose feed: the publication's, a section's (with its sub-sections) or an author's. */
export type FeedScope = { kind: 'all' } | { kind: 'section' | 'author'; slug: string };

/** The file name of a sitemap of the index (`articles-2.xml`). */
export const sitemapFileName = (kind: SitemapKind, page: number) => `${kind}-${page}.xml`;

/**
 * Feeds, sitemaps and robots.txt: what they list, read through the Document Service, and written
 * by `feed` and `sitemap`. One per Strapi instance (in Strapi's container), holding the clock
 * that decides the news sitemap's window (tests move it).
 */
export const createFeedsService = (
  strapi: Core.Strapi,
  { urlsPerFile, clock = () => new Date() }: { urlsPerFile: number; clock?: () => Date },
) => {
  let now = clock;
  const feeds = createFeedReads(strapi);
  const sitemaps = createSitemapReads(strapi);

  const channelOf = async (
    settings: SiteSettings,
    scope: FeedScope,
  ): Promise<{ channel: Channel; items: Awaited<ReturnType<typeof feeds.latest>> } | null> => {
    const { publicUrl, publicationName, description } = settings;
    if (scope.kind === 'all') {
      return {
        channel: {
          title: publicationName,
          description,
          link: `${publicUrl}/news`,
          self: `${publicUrl}/rss.xml`,
        },
        items: await feeds.latest(),
      };
    }
    const found =
      scope.kind === 'section'
        ? await feeds.ofSection(scope.slug)
        : await feeds.ofAuthor(scope.slug);
    if (!found) return null;
    const { name, slug } = 'section' in found ? found.section : found.author;
    const link = `${publicUrl}/news/${scope.kind}/${slug}`;
    return {
      channel: {
        title: `${name} | ${publicationName}`,
        description: description || `${name}: the latest from ${publicationName}`,
        link,
        self: `${link}/rss.xml`,
      },
      items: found.items,
    };
  };

  return {
    /** The clock of the news sitemap's window. */
    now: () => now(),
    useClock(next: () => Date) {
      now = next;
    },
    urlsPerFile,

    /** The RSS 2.0 document of a scope, or `null` when its section or author does not exist. */
    async rss(scope: FeedScope): Promise<string | null> {
      const settings = await siteSettings(strapi);
      const channel = await channelOf(settings, scope);
      return channel ? renderRss(settings, channel.channel, channel.items) : null;
    },

    /**
     * `/sitemap.xml`: one `<urlset>` of every article, section and author page while they fit in
     * one file (`urlsPerFile`, at most the protocol's 50,000), else an index of files of that
     * size (`/sitemaps/articles-1.xml`, ...).
     */
    async sitemap(): Promise<string> {
      const [settings, ...counts] = await Promise.all([
        siteSettings(strapi),
        ...SITEMAP_KINDS.map((kind) => sitemaps.count(kind)),
      ]);
      const total = counts.reduce((sum, count) => sum + count, 0);
      if (total <= urlsPerFile) {
        const groups = await Promise.all(
          SITEMAP_KINDS.map(async (kind) => ({
            kind,
            entries: await sitemaps.page(kind, 1, urlsPerFile),
          })),
        );
        return renderUrlSet(settings.publicUrl, groups);
      }
      const files = SITEMAP_KINDS.flatMap((kind, index) =>
        Array.from(
          { length: Math.max(1, Math.ceil(counts[index] / urlsPerFile)) },
          (_, page) => `${settings.publicUrl}/sitemaps/${sitemapFileName(kind, page + 1)}`,
        ),
      );
      return renderIndex(files);
    },

    /** One file of the index; `null` past the last page (page 1 always exists). */
    async sitemapFile(kind: SitemapKind, page: number): Promise<string | null> {
      const [settings, count] = await Promise.all([siteSettings(strapi), sitemaps.count(kind)]);
      if (page > Math.max(1, Math.ceil(count / urlsPerFile))) return null;
      const entries = await sitemaps.page(kind, page, urlsPerFile);
      return renderUrlSet(settings.publicUrl, [{ kind, entries }]);
    },

    /** `/news-sitemap.xml`: articles first published in the last 48 hours, newest first. */
    async newsSitemap(): Promise<string> {
      const to = now();
      const from = new Date(to.getTime() - NEWS_WINDOW_MS);
      const [settings, articles] = await Promise.all([
        siteSettings(strapi),
        feeds.publishedBetween(from, to, NEWS_SITEMAP_SIZE),
      ]);
      return renderNewsSitemap(settings, articles);
    },

    /** `/robots.txt`: everything but the admin may be crawled; the sitemaps' absolute URLs. */
    async robots(): Promise<string> {
      const { publicUrl } = await siteSettings(strapi);
      return [
        'User-agent: *',
        'Disallow: /admin/',
        '',
        `Sitemap: ${publicUrl}/sitemap.xml`,
        `Sitemap: ${publicUrl}/news-sitemap.xml`,
        '',
      ].join('\n');
    },

    /** Where a documentId permalink (an RSS `guid`) leads: the article's current slug, or `null`. */
    permalinkSlug: (documentId: string): Promise<string | null> => feeds.slugOf(documentId),
  };
};

export type FeedsService = ReturnType<typeof createFeedsService>;

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { cacheable, type CacheableRoute } from '../../cache';
import { DOCUMENT_ID_PATTERN, SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../constants';
import { SITEMAP_KINDS, type SitemapKind } from '../sitemaps/reads';
import { sendDocument, sendNotFound } from './http';
import type { FeedScope, FeedsService } from './service';

const isSlug = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);

const SITEMAP_FILE = new RegExp(`^(${SITEMAP_KINDS.join('|')})-([1-9]\\d{0,6})\\.xml$`);

type Handler = (ctx: Context) => Promise<void>;

/** A feed of a section or an author: 404 in plain text when the slug names none. */
const scopedFeed =
  (feeds: () => FeedsService, kind: 'section' | 'author'): Handler =>
  async (ctx) => {
    const { slug } = ctx.params as { slug?: string };
    const missing = isSlug(slug) ? `No ${kind} with the slug "${slug}".` : `No such ${kind}.`;
    const scope: FeedScope | null = isSlug(slug) ? { kind, slug } : null;
    const xml = scope ? await feeds().rss(scope) : null;
    if (xml === null) return sendNotFound(ctx, missing);
    sendDocument(ctx, 'rss', xml);
  };

/**
 * The routes of feeds, sitemaps and robots.txt: at the site's root (not under `/api`), open to
 * anyone (`auth: false`), each answering with one service call. Handlers get the service when
 * called, so tests may swap its clock.
 */
export const feedRoutes = (feeds: () => FeedsService): Core.RouteInput[] => {
  // Registered with the response cache (`registerFeeds` hands these routes to it): no query is
  // read; `articles` is purged by any article, section or author write, and a site-settings write
  // purges everything. With the cache off, the answers still carry Cache-Control and an ETag.
  const route = (
    path: string,
    handler: Handler,
    list: CacheableRoute['list'] = 'articles',
  ): Core.RouteInput => ({
    method: 'GET',
    path,
    handler,
    config: { auth: false, middlewares: [cacheable({ list, query: [] })] },
  });
  return [
    route('/rss.xml', async (ctx) => {
      const xml = await feeds().rss({ kind: 'all' });
      if (xml === null) return sendNotFound(ctx, 'No feed.');
      sendDocument(ctx, 'rss', xml);
    }),
    route('/news/section/:slug/rss.xml', scopedFeed(feeds, 'section')),
    route('/news/author/:slug/rss.xml', scopedFeed(feeds, 'author')),
    route('/sitemap.xml', async (ctx) => sendDocument(ctx, 'xml', await feeds().sitemap())),
    route('/sitemaps/:file', async (ctx) => {
      const match = SITEMAP_FILE.exec(String((ctx.params as { file?: string }).file ?? ''));
      const xml = match
        ? await feeds().sitemapFile(match[1] as SitemapKind, Number(match[2]))
        : null;
      if (xml === null) return sendNotFound(ctx, 'No such sitemap: see /sitemap.xml.');
      sendDocument(ctx, 'xml', xml);
    }),
    route('/news-sitemap.xml', async (ctx) =>
      sendDocument(ctx, 'xml', await feeds().newsSitemap()),
    ),
    route(
      '/robots.txt',
      async (ctx) => sendDocument(ctx, 'text', await feeds().robots()),
      'site-settings',
    ),
    // An RSS item's guid: a permalink by documentId that survives slug changes.
    route('/news/id/:documentId', async (ctx) => {
      const { documentId } = ctx.params as { documentId?: string };
      const valid = typeof documentId === 'string' && DOCUMENT_ID_PATTERN.test(documentId);
      const slug = valid ? await feeds().permalinkSlug(documentId) : null;
      if (!slug) return sendNotFound(ctx, 'No published article with this id.');
      ctx.status = 301;
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.redirect(`/news/${slug}`);
    }),
  ];
};

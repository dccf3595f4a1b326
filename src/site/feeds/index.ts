import type { Core } from '@strapi/strapi';

import { responseCacheOf } from '../../cache';
import { wholeNumberVariable } from '../../env-values';
import { feedRoutes } from './routes';
import { createFeedsService, type FeedsService } from './service';

export { type FeedsService } from './service';

/** Feeds, sitemaps and robots.txt of one Strapi instance, an entry in Strapi's container. */
export const FEEDS_SERVICE = 'newsroom.feeds';

/** The sitemaps' protocol allows at most 50,000 URLs per file. */
export const MAX_URLS_PER_FILE = 50_000;
const URLS_PER_FILE_VARIABLE = 'SITEMAP_URLS_PER_FILE';

/** `SITEMAP_URLS_PER_FILE` (default and most: 50,000); a malformed value stops the boot. */
export const readUrlsPerFile = (raw: string | undefined): number => {
  const parsed = wholeNumberVariable(URLS_PER_FILE_VARIABLE, 1)
    .refine((value) => value <= MAX_URLS_PER_FILE, {
      error: `${URLS_PER_FILE_VARIABLE} must be at most ${MAX_URLS_PER_FILE} (the sitemap protocol's limit).`,
    })
    .safeParse(raw === undefined || raw === '' ? String(MAX_URLS_PER_FILE) : raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(' '));
  return parsed.data;
};

export const feedsOf = (strapi: Core.Strapi): FeedsService => strapi.get(FEEDS_SERVICE);

/**
 * Registers the feeds' service and their routes at the site's root (`/rss.xml`, `/sitemap.xml`,
 * `/news-sitemap.xml`, `/robots.txt`, ...; see docs/feeds.md), outside the content API.
 */
export const registerFeeds = (strapi: Core.Strapi): void => {
  const urlsPerFile = readUrlsPerFile(process.env[URLS_PER_FILE_VARIABLE]);
  strapi.add(FEEDS_SERVICE, () => createFeedsService(strapi, { urlsPerFile }));
  const routes = feedRoutes(() => feedsOf(strapi));
  strapi.server.routes(routes);
  responseCacheOf(strapi).addRootRoutes(routes);
};

import { Readable } from 'node:stream';

import {
  ErrorLevel,
  SitemapIndexStream,
  type SitemapItemLoose,
  SitemapStream,
  streamToPromise,
} from 'sitemap';

import type { ListedArticle } from '../feeds/articles';
import { articleUrl } from '../feeds/rss';
import type { SiteSettings } from '../settings';
import type { SitemapEntry, SitemapKind } from './reads';

/** The public page of an entry of each kind. */
export const pageUrl = (publicUrl: string, kind: SitemapKind, slug: string): string =>
  kind === 'articles'
    ? articleUrl(publicUrl, slug)
    : `${publicUrl}/news/${kind === 'sections' ? 'section' : 'author'}/${slug}`;

const iso = (value: string | Date) => new Date(value).toISOString();

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * `sitemap` refuses to write an empty file (`EmptySitemap`), but a newsroom with nothing published
 * yet (or no news in 48 hours) has a valid, empty `<urlset>` to answer.
 */
const emptyUrlSet = (news: boolean): string =>
  `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}"${news ? ` xmlns:news="${NEWS_NS}"` : ''}></urlset>`;

const written = async (
  stream: SitemapStream | SitemapIndexStream,
  items: unknown[],
  { news = false }: { news?: boolean } = {},
) =>
  items.length === 0
    ? emptyUrlSet(news)
    : (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');

/** A `<urlset>` of pages with their `lastmod`, written by `sitemap` (which escapes the text). */
export const renderUrlSet = (
  publicUrl: string,
  groups: Array<{ kind: SitemapKind; entries: SitemapEntry[] }>,
): Promise<string> => {
  const items: SitemapItemLoose[] = groups.flatMap(({ kind, entries }) =>
    entries.map((entry) => ({
      url: pageUrl(publicUrl, kind, entry.slug),
      lastmod: iso(entry.updatedAt),
    })),
  );
  return written(
    new SitemapStream({
      level: ErrorLevel.THROW,
      xmlns: { news: false, video: false, xhtml: false, image: false },
    }),
    items,
  );
};

/** A `<sitemapindex>` listing the files' absolute URLs. */
export const renderIndex = (urls: string[]): Promise<string> =>
  written(
    new SitemapIndexStream({ level: ErrorLevel.THROW }),
    urls.map((url) => ({ url })),
  );

/**
 * Google News wants an ISO 639 code (`en`, not `en-GB`), except Chinese, written `zh-cn` or
 * `zh-tw`.
 */
export const newsLanguage = (language: string): string => {
  const tag = language.trim().toLowerCase().replace(/_/g, '-');
  if (tag === 'zh-tw' || tag === 'zh-hant' || tag.startsWith('zh-hant-')) return 'zh-tw';
  if (tag.startsWith('zh')) return 'zh-cn';
  return tag.split('-')[0] || 'en';
};

/** The Google News sitemap of `articles` (the caller picks the last 48 hours' first 1,000). */
export const renderNewsSitemap = (
  settings: SiteSettings,
  articles: ListedArticle[],
): Promise<string> =>
  written(
    new SitemapStream({
      level: ErrorLevel.THROW,
      xmlns: { news: true, video: false, xhtml: false, image: false },
    }),
    articles.map((article): SitemapItemLoose => ({
      url: articleUrl(settings.publicUrl, article.slug),
      news: {
        publication: {
          name: settings.publicationName,
          language: newsLanguage(settings.language),
        },
        publication_date: iso(article.originallyPublishedAt),
        title: article.title,
      },
    })),
    { news: true },
  );

import type { Core } from '@strapi/strapi';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../constants';
import { currentSlugFor } from '../publishing/slug-history';
import type {
  ArticlePayload,
  ArticleSummary,
  AuthorRef,
  Crumb,
  MostReadEntry,
  Pagination,
  SectionRef,
} from './model';

/**
 * What the pages show, asked of the article, section and author services as any frontend would
 * ask the API (published only, sanitized for the Public role: no private field), never the
 * database directly.
 */

/** Articles per list page. */
export const PAGE_SIZE = 10;
/** Entries of the most-read box, read over the last week. */
const MOST_READ = { period: 'week', limit: 5 } as const;

const sanitize = <T>(
  strapi: Core.Strapi,
  uid: typeof ARTICLE_UID | typeof SECTION_UID | typeof AUTHOR_UID,
  data: unknown,
) => strapi.contentAPI.sanitize.output(data, strapi.contentType(uid)) as Promise<T>;

export type ArticleLoad =
  { kind: 'page'; article: ArticlePayload } | { kind: 'moved'; slug: string } | { kind: 'missing' };

/** The published article's page payload (the slug route's), or where its old slug went. */
export const loadArticle = async (strapi: Core.Strapi, slug: string): Promise<ArticleLoad> => {
  // The loader reads public fields only: its payload needs no sanitizing pass.
  const page = (await strapi.service(ARTICLE_UID).findPageBySlug(slug)) as ArticlePayload | null;
  if (page) return { kind: 'page', article: page };
  const current = await currentSlugFor(strapi, slug);
  return current ? { kind: 'moved', slug: current } : { kind: 'missing' };
};

/** A draft's (or, when asked, the published version's) page payload, for a preview link. */
export const loadPreview = async (
  strapi: Core.Strapi,
  documentId: string,
  status: 'draft' | 'published',
): Promise<ArticlePayload | null> => {
  const service = strapi.service(ARTICLE_UID);
  const page =
    status === 'draft'
      ? await service.findDraftPage(documentId)
      : await service.findPublishedPage(documentId);
  return (page as ArticlePayload | null) ?? null;
};

const SUMMARY = {
  fields: [
    'title',
    'slug',
    'standfirst',
    'originallyPublishedAt',
    'publishedAt',
    'readingTimeMinutes',
  ],
  populate: {
    section: { fields: ['name', 'slug'] },
    authors: { fields: ['name', 'slug'] },
  },
} as const;

/** A page of published articles, newest first (first publication date). */
export const loadArticles = async (
  strapi: Core.Strapi,
  filters: Record<string, unknown>,
  page: number,
): Promise<{ articles: ArticleSummary[]; pagination: Pagination }> => {
  const { results, pagination } = (await strapi.service(ARTICLE_UID).find({
    ...SUMMARY,
    filters,
    status: 'published',
    sort: ['originallyPublishedAt:desc', 'publishedAt:desc', 'id:desc'],
    pagination: { page, pageSize: PAGE_SIZE },
  })) as { results: unknown[]; pagination: Pagination };
  return { articles: await sanitize(strapi, ARTICLE_UID, results), pagination };
};

/** The most-read box: over the last week, in a section and its sub-sections when given. */
export const loadMostRead = async (
  strapi: Core.Strapi,
  section?: string,
): Promise<MostReadEntry[]> =>
  ((await strapi.service(ARTICLE_UID).mostRead({ ...MOST_READ, section })) ??
    []) as MostReadEntry[];

const findBySlug = async <T>(
  strapi: Core.Strapi,
  uid: typeof SECTION_UID | typeof AUTHOR_UID,
  slug: string,
  fields: string[],
): Promise<T | null> => {
  const { results } = (await strapi.service(uid).find({
    filters: { slug },
    fields,
    pagination: { page: 1, pageSize: 1 },
  })) as { results: unknown[] };
  return results.length > 0 ? sanitize<T>(strapi, uid, results[0]) : null;
};

/** A section, its chain of parents (top first, itself last) and the ids of its sub-sections. */
export const loadSection = async (
  strapi: Core.Strapi,
  slug: string,
): Promise<{ section: SectionRef; breadcrumb: Crumb[]; subtree: number[] } | null> => {
  const section = await findBySlug<SectionRef>(strapi, SECTION_UID, slug, [
    'name',
    'slug',
    'description',
  ]);
  if (!section) return null;
  const [breadcrumb, subtree] = await Promise.all([
    strapi.service(ARTICLE_UID).breadcrumb(section.documentId) as Promise<Crumb[]>,
    strapi.service(SECTION_UID).subtreeIds(slug) as Promise<number[] | null>,
  ]);
  return { section, breadcrumb, subtree: subtree ?? [] };
};

export const loadAuthor = (strapi: Core.Strapi, slug: string) =>
  findBySlug<AuthorRef>(strapi, AUTHOR_UID, slug, ['name', 'slug', 'jobTitle', 'bio']);

/** The top-level sections, in the editors' order, for the masthead. */
export const loadTopSections = async (strapi: Core.Strapi): Promise<SectionRef[]> => {
  const { results } = (await strapi.service(SECTION_UID).find({
    filters: { parent: { id: { $null: true } } },
    fields: ['name', 'slug'],
    sort: ['position:asc', 'name:asc'],
    pagination: { page: 1, pageSize: 8 },
  })) as { results: unknown[] };
  return sanitize(strapi, SECTION_UID, results);
};

import type { BlocksContent } from './pages/Body';

/** An uploaded image as the content API answers it (the fields the pages read). */
export interface Media {
  url: string;
  alternativeText?: string | null;
  caption?: string | null;
  width?: number | null;
  height?: number | null;
}

export interface SectionRef {
  documentId: string;
  name: string;
  slug: string;
  description?: string | null;
}

export interface AuthorRef {
  documentId: string;
  name: string;
  slug: string;
  jobTitle?: string | null;
  bio?: string | null;
  avatar?: Media | null;
}

export interface Crumb {
  name: string;
  slug: string;
  documentId: string;
}

/** The article page's payload: what `GET /api/articles/slug/:slug` answers, sanitized. */
export interface ArticlePayload {
  documentId: string;
  title: string;
  slug: string;
  standfirst?: string | null;
  body?: BlocksContent | null;
  cover?: Media | null;
  section?: SectionRef | null;
  authors?: AuthorRef[] | null;
  readingTimeMinutes?: number | null;
  originallyPublishedAt?: string | null;
  publishedAt?: string | null;
  updatedAt: string;
  /** Set by the desk's edits that change the story (added in parallel): preferred when present. */
  lastSubstantiveUpdateAt?: string | null;
  seo?: {
    metaTitle?: string | null;
    metaDescription?: string | null;
    canonicalUrl?: string | null;
    ogImage?: Media | null;
  } | null;
  views: number;
  breadcrumb: Crumb[];
}

/** An article in a list (section, author, home). */
export interface ArticleSummary {
  documentId: string;
  title: string;
  slug: string;
  standfirst?: string | null;
  originallyPublishedAt?: string | null;
  publishedAt?: string | null;
  section?: SectionRef | null;
  authors?: AuthorRef[] | null;
  cover?: Media | null;
  readingTimeMinutes?: number | null;
}

/** A most-read entry (the views room's ranking). */
export interface MostReadEntry {
  documentId: string;
  title: string;
  slug: string;
  views: number;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** When the story last changed for readers. */
export const lastUpdateOf = (article: ArticlePayload): Date =>
  new Date(article.lastSubstantiveUpdateAt ?? article.updatedAt);

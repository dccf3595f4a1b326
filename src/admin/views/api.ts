/** The admin-authenticated routes of the view counter (`src/views/admin-routes.ts`). */
export const ARTICLE_UID = 'api::article.article';

export type Period = 'day' | 'week' | 'month' | 'all';

export interface RankedArticle {
  documentId: string;
  title: string;
  slug: string;
  section: { name: string; slug: string } | null;
  views: number;
}

export interface ArticleViews {
  documentId: string;
  views: Record<Period, number>;
}

export const mostReadUrl = (period: Period, limit = 5) =>
  `/newsroom-views/most-read?period=${period}&limit=${limit}`;

export const articleViewsUrl = (documentId: string) => `/newsroom-views/articles/${documentId}`;

export const editViewPath = (documentId: string) =>
  `/content-manager/collection-types/${ARTICLE_UID}/${documentId}`;

export const formatCount = (value: number) => new Intl.NumberFormat().format(value);

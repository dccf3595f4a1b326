/** The admin-authenticated routes of the view counter (`src/views/admin-routes.ts`). */
import { ARTICLE_UID } from '../../constants';
import type { Period } from '../../views/counter';

export type { Period } from '../../views/counter';
export type { RankedArticle } from '../../views/store';
export { ARTICLE_UID };

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

import { factories } from '@strapi/strapi';

import { ARTICLE_UID, SECTION_UID } from '../../../constants';
import { type MostReadQuery, viewsOf } from '../../../views';
import { loadPage } from '../page/loader';

type WithDocumentId = { documentId: string };

export default factories.createCoreService(ARTICLE_UID, ({ strapi }) => ({
  /** Adds each article's `views`, all fetched in one query. */
  async withViews<T extends WithDocumentId>(articles: T[]): Promise<Array<T & { views: number }>> {
    const totals = await viewsOf(strapi).totals(articles.map((article) => article.documentId));
    return articles.map((article) => ({ ...article, views: totals.get(article.documentId) ?? 0 }));
  },

  /**
   * `GET /articles/most-read`: published articles ranked by views over a period, in a section
   * and its sub-sections when asked. `null` when the section does not exist.
   */
  async mostRead({ period, limit, section }: MostReadQuery) {
    const sectionIds = section ? await strapi.service(SECTION_UID).subtreeIds(section) : undefined;
    if (sectionIds === null) return null;
    return viewsOf(strapi).ranking({ period, limit, sectionIds });
  },

  /**
   * One published article's page payload, sanitized for `auth` (`ctx.state.auth`): its section,
   * authors, cover, SEO, views and breadcrumb, in a fixed number of plain queries.
   */
  findPageBySlug(slug: string, auth?: unknown) {
    return loadPage(strapi, { slug }, 'published', { auth });
  },

  /** The page payload of an article's draft, for previews (private fields left out too). */
  findDraftPage(documentId: string) {
    return loadPage(strapi, { documentId }, 'draft');
  },
}));

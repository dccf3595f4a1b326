import { factories } from '@strapi/strapi';

import { ARTICLE_UID, SECTION_UID } from '../../../constants';
import { MAX_SECTION_DEPTH } from '../../../publishing/section-tree';
import { type MostReadQuery, viewsOf } from '../../../views';

export interface Crumb {
  /** Tags the page in the response cache: a section edit purges the pages showing it. */
  documentId: string;
  name: string;
  slug: string;
}

interface SectionStep {
  name: string;
  slug: string;
  parent: { documentId: string } | null;
}

type WithDocumentId = { documentId: string };

export default factories.createCoreService(ARTICLE_UID, ({ strapi }) => ({
  /** Adds each article's `views`, all fetched in one query. */
  async withViews<T extends WithDocumentId>(articles: T[]): Promise<Array<T & { views: number }>> {
    const totals = await viewsOf(strapi).totals(articles.map((article) => article.documentId));
    return articles.map((article) => ({ ...article, views: totals.get(article.documentId) ?? 0 }));
  },

  /** The sections from the top one down to `sectionDocumentId`'s, for the page's breadcrumb. */
  async breadcrumb(sectionDocumentId: string | undefined): Promise<Crumb[]> {
    const crumbs: Crumb[] = [];
    let next = sectionDocumentId;
    for (let depth = 0; next && depth <= MAX_SECTION_DEPTH; depth += 1) {
      const section: SectionStep | null = await strapi.db.query(SECTION_UID).findOne({
        select: ['name', 'slug'],
        where: { documentId: next },
        populate: { parent: { select: ['documentId'] } },
      });
      if (!section) break;
      crumbs.unshift({ documentId: next, name: section.name, slug: section.slug });
      next = section.parent?.documentId;
    }
    return crumbs;
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

  /** One published article with its section, authors, cover, SEO, views and breadcrumb. */
  findPageBySlug(slug: string) {
    return this.findPage({ slug }, 'published');
  },

  /** The page payload of an article's draft, for previews. */
  findDraftPage(documentId: string) {
    return this.findPage({ documentId }, 'draft');
  },

  async findPage(
    filters: { slug: string } | { documentId: string },
    status: 'draft' | 'published',
  ) {
    const article = await strapi.documents(ARTICLE_UID).findFirst({
      filters,
      status,
      // Everything the article page shows.
      populate: {
        section: { fields: ['name', 'slug', 'description'] },
        authors: { fields: ['name', 'slug', 'jobTitle', 'bio'], populate: { avatar: true } },
        cover: true,
        seo: { populate: { ogImage: true } },
      },
    });
    if (!article) return null;
    const section = (article as { section?: WithDocumentId | null }).section;
    const [[withViews], breadcrumb] = await Promise.all([
      this.withViews([article]),
      this.breadcrumb(section?.documentId),
    ]);
    return { ...withViews, breadcrumb };
  },
}));

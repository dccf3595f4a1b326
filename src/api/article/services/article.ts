import { type Core, factories } from '@strapi/strapi';

import { ARTICLE_UID, DESK_SERVICE_UID, SECTION_UID } from '../../../constants';
import { MAX_SECTION_DEPTH } from '../../../publishing/section-tree';
import { type MostReadQuery, viewsOf } from '../../../views';

export interface Crumb {
  name: string;
  slug: string;
  /** The section's, so that a cache holding the page can be purged when the section changes. */
  documentId: string;
}

type WithDocumentId = { documentId: string };

/** How many related articles the page payload carries. */
const RELATED_ON_PAGE = 4;

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** The sections table and its parent links, as Strapi named them (read from its metadata). */
const sectionTables = (strapi: Core.Strapi) => {
  const section = strapi.db.metadata.get(SECTION_UID);
  const { joinTable } = section.attributes.parent as unknown as { joinTable: JoinTable };
  return {
    sections: section.tableName,
    parentLink: {
      table: joinTable.name,
      child: joinTable.joinColumn.name,
      parent: joinTable.inverseJoinColumn.name,
    },
  };
};

export default factories.createCoreService(ARTICLE_UID, ({ strapi }) => ({
  /** Adds each article's `views`, all fetched in one query. */
  async withViews<T extends WithDocumentId>(articles: T[]): Promise<Array<T & { views: number }>> {
    const totals = await viewsOf(strapi).totals(articles.map((article) => article.documentId));
    return articles.map((article) => ({ ...article, views: totals.get(article.documentId) ?? 0 }));
  },

  /**
   * The sections from the top one down to `sectionDocumentId`'s, for the page's breadcrumb: one
   * recursive query up the parent links, whatever the depth (bounded by {@link MAX_SECTION_DEPTH}).
   */
  async breadcrumb(sectionDocumentId: string | undefined): Promise<Crumb[]> {
    if (!sectionDocumentId) return [];
    const knex = strapi.db.connection;
    const { sections, parentLink } = sectionTables(strapi);
    const rows: Array<{ document_id: string; name: string; slug: string }> = await knex
      .withRecursive('chain', ['id', 'depth'], (chain) => {
        chain
          .select('id', knex.raw('0'))
          .from(sections)
          .where('document_id', sectionDocumentId)
          .unionAll((up) => {
            up.select(`${parentLink.table}.${parentLink.parent}`, knex.raw('chain.depth + 1'))
              .from('chain')
              .join(parentLink.table, `${parentLink.table}.${parentLink.child}`, 'chain.id')
              .where('chain.depth', '<', MAX_SECTION_DEPTH);
          });
      })
      .select(`${sections}.document_id`, `${sections}.name`, `${sections}.slug`)
      .from('chain')
      .join(sections, `${sections}.id`, 'chain.id')
      .orderBy('chain.depth', 'desc');
    return rows.map((row) => ({ name: row.name, slug: row.slug, documentId: row.document_id }));
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
   * One published article with its section, authors, cover, SEO, tags, notes to readers
   * (`lastSubstantiveUpdateAt` is one of its fields), views, breadcrumb and related articles.
   */
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
        tags: { fields: ['name', 'slug'] },
        notes: true,
      },
    });
    if (!article) return null;
    const section = (article as { section?: WithDocumentId | null }).section;
    const [[withViews], breadcrumb, related] = await Promise.all([
      this.withViews([article]),
      this.breadcrumb(section?.documentId),
      // Related articles are published ones, ranked from the published version's tags.
      status === 'published'
        ? strapi.service(DESK_SERVICE_UID).related(article.documentId, RELATED_ON_PAGE)
        : [],
    ]);
    return { ...withViews, breadcrumb, related: related ?? [] };
  },
}));

import { type Core, factories } from '@strapi/strapi';

import { ARTICLE_UID, SECTION_UID } from '../../../constants';
import { MAX_SECTION_DEPTH } from '../../../publishing/section-tree';
import { type MostReadQuery, viewsOf } from '../../../views';
import { type Crumb, loadPage, type LoadPageOptions } from '../page/loader';

export type { Crumb };

type WithDocumentId = { documentId: string };

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
   * The sections from the top one down to `sectionDocumentId`'s (a section page's breadcrumb,
   * GraphQL's `Article.breadcrumb`): one recursive query up the parent links, whatever the depth
   * (bounded by {@link MAX_SECTION_DEPTH}). The article page reads its own in its loader.
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
   * One published article's page payload, sanitized for `access` (`ctx.state.auth`, or a fast
   * path's ability): its section,
   * authors, cover, SEO, tags, notes to readers, views, breadcrumb and related articles, in a
   * fixed number of plain queries.
   */
  findPageBySlug(slug: string, access?: LoadPageOptions) {
    return loadPage(strapi, { slug }, 'published', access);
  },

  /** The published page payload by document id (a preview link that asks for the published version). */
  findPublishedPage(documentId: string) {
    return loadPage(strapi, { documentId }, 'published');
  },

  /** The page payload of an article's draft, for previews (private fields left out too). */
  findDraftPage(documentId: string) {
    return loadPage(strapi, { documentId }, 'draft');
  },
}));

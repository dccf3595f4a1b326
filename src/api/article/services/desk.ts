import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../../../constants';
import { type PageQuery, paginationOf } from '../../../http/pages';
import { articleCard } from '../cards';
import { loadRelated } from '../page/related';

export const NOTE_COMPONENT = 'editorial.note';
export type NoteKind = 'correction' | 'clarification' | 'update';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** The tables behind articles and their notes, as Strapi named them. */
const tablesOf = (strapi: Core.Strapi) => {
  const article = strapi.db.metadata.get(ARTICLE_UID);
  const link = (attribute: string) => {
    const { joinTable } = article.attributes[attribute] as unknown as { joinTable: JoinTable };
    return {
      table: joinTable.name,
      article: joinTable.joinColumn.name,
      other: joinTable.inverseJoinColumn.name,
    };
  };
  return {
    articles: article.tableName,
    notes: link('notes'),
    noteRows: strapi.db.metadata.get(NOTE_COMPONENT).tableName,
  };
};

interface SourceRow {
  id: number;
  documentId: string;
  section: { id: number } | null;
  tags: Array<{ id: number }> | null;
}

export interface CorrectionsQuery extends PageQuery {
  kind?: NoteKind;
}

/** A corrections page lists corrections and clarifications; updates only when asked. */
const DEFAULT_CORRECTION_KINDS: NoteKind[] = ['correction', 'clarification'];

/**
 * The desk's public reads: the corrections page, related articles, breaking news. Each reads
 * published rows only, whoever asks, in a fixed number of queries.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `GET /corrections`: the notes of published articles, newest first, a page of them with each
   * one's article (title, slug). Two queries: the page and the total.
   */
  async corrections({ page, pageSize, kind }: CorrectionsQuery) {
    const knex = strapi.db.connection;
    const t = tablesOf(strapi);
    const base = () =>
      knex(`${t.noteRows} as n`)
        .join(`${t.notes.table} as c`, (join) => {
          join
            .on(`c.${t.notes.other}`, 'n.id')
            .andOnVal('c.component_type', '=', NOTE_COMPONENT)
            .andOnVal('c.field', '=', 'notes');
        })
        .join(`${t.articles} as a`, 'a.id', `c.${t.notes.article}`)
        .whereNotNull('a.published_at')
        .whereIn('n.kind', kind ? [kind] : DEFAULT_CORRECTION_KINDS);
    const [rows, [{ total }]] = await Promise.all([
      base()
        .select(
          'n.id',
          'n.kind',
          'n.text',
          'n.date',
          'a.document_id',
          'a.title',
          'a.slug',
          'a.published_at',
        )
        .orderBy([
          { column: 'n.date', order: 'desc', nulls: 'last' },
          { column: 'n.id', order: 'desc' },
        ])
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      base().count({ total: '*' }),
    ]);
    const data = (rows as Array<Record<string, unknown>>).map((row) => ({
      kind: row.kind as NoteKind,
      text: row.text as string,
      date: row.date ? new Date(row.date as string | number).toISOString() : null,
      article: {
        documentId: row.document_id as string,
        title: row.title as string,
        slug: row.slug as string,
      },
    }));
    return { data, pagination: paginationOf({ page, pageSize }, Number(total)) };
  },

  /**
   * `GET /articles/:documentId/related`: the editors' pinned articles first, in their order,
   * then published articles ranked by tags shared with this one, then same section, then
   * recency (`src/api/article/page/related.ts`, which the page shares). `null` when the article
   * is not published. Queries: the article with its tags and section (3), the pins (1), the
   * ranking (1 to 3), the cards (1), whatever the corpus.
   */
  async related(documentId: string, limit: number) {
    const source = (await strapi.db.query(ARTICLE_UID).findOne({
      select: ['id', 'documentId'],
      where: { documentId, publishedAt: { $notNull: true } },
      populate: { section: { select: ['id'] }, tags: { select: ['id'] } },
    })) as SourceRow | null;
    if (!source) return null;
    return loadRelated(
      strapi,
      {
        id: source.id,
        documentId: source.documentId,
        tagIds: (source.tags ?? []).map((tag) => tag.id),
        sectionId: source.section?.id ?? null,
      },
      limit,
    );
  },

  /**
   * `GET /articles/breaking`: published articles flagged breaking whose `breakingUntil` is still
   * ahead of `now`, newest first. Expiry is a comparison with `now`, never a write.
   */
  async breaking({ now = new Date(), limit = 10 }: { now?: Date; limit?: number } = {}) {
    return strapi.documents(ARTICLE_UID).findMany({
      ...articleCard('breaking', 'breakingUntil'),
      status: 'published',
      filters: { breaking: true, breakingUntil: { $gt: now.toISOString() } },
      sort: [{ originallyPublishedAt: 'desc' }, { id: 'desc' }],
      limit,
    });
  },
});

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { ARTICLE_UID } from '../constants';

export const VIEWS_TABLE = 'article_views';
export const DAILY_TABLE = 'article_views_daily';
/** Made by the migration `2026.11.28T01.00.00.create-article-views-daily`. */
export const DAILY_DAY_INDEX = 'article_views_daily_day_idx';

/** Rows per multi-row upsert: well under every database's limit on bound parameters. */
const CHUNK = 500;

const toNumber = (value: unknown): number => Number(value ?? 0);

export interface DayCount {
  documentId: string;
  day: string;
  views: number;
}

export interface RankedArticle {
  documentId: string;
  title: string;
  slug: string;
  section: { name: string; slug: string } | null;
  views: number;
}

interface ArticleTables {
  articles: string;
  sections: string;
  sectionLink: { table: string; article: string; section: string };
}

/** Table and column names as Strapi made them (read from its metadata, not guessed). */
const articleTables = (strapi: Core.Strapi): ArticleTables => {
  const article = strapi.db.metadata.get(ARTICLE_UID);
  const section = article.attributes.section as unknown as {
    joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
    target: string;
  };
  return {
    articles: article.tableName,
    sections: strapi.db.metadata.get(section.target).tableName,
    sectionLink: {
      table: section.joinTable.name,
      article: section.joinTable.joinColumn.name,
      section: section.joinTable.inverseJoinColumn.name,
    },
  };
};

/**
 * The view counts in the database: a total per article and a count per article per UTC day.
 * Every write is an atomic upsert that adds to what is stored (`views = views + n`), never a
 * read-modify-write, so any number of processes can write at once without losing a view.
 */
export const createViewStore = (strapi: Core.Strapi) => {
  const knex = (): Knex => strapi.db.connection;
  let tables: ArticleTables | undefined;
  const names = () => (tables ??= articleTables(strapi));

  const upsertAdding = async (
    trx: Knex.Transaction,
    table: string,
    conflict: string[],
    rows: Array<Record<string, string | number>>,
  ): Promise<void> => {
    for (let start = 0; start < rows.length; start += CHUNK) {
      await trx(table)
        .insert(rows.slice(start, start + CHUNK))
        .onConflict(conflict)
        .merge({ views: trx.raw('??.?? + excluded.??', [table, 'views', 'views']) });
    }
  };

  return {
    /** Adds each count to its article's total and to its day, in one transaction. */
    async add(counts: readonly DayCount[]): Promise<void> {
      if (counts.length === 0) return;
      const totals = new Map<string, number>();
      counts.forEach(({ documentId, views }) =>
        totals.set(documentId, (totals.get(documentId) ?? 0) + views),
      );
      await knex().transaction(async (trx) => {
        await upsertAdding(
          trx,
          VIEWS_TABLE,
          ['document_id'],
          [...totals].map(([documentId, views]) => ({ document_id: documentId, views })),
        );
        await upsertAdding(
          trx,
          DAILY_TABLE,
          ['document_id', 'day'],
          counts.map(({ documentId, day, views }) => ({ document_id: documentId, day, views })),
        );
      });
    },

    /**
     * The stored total of a published article, or `null` when no published article has this
     * document id: the one query a view costs.
     */
    async publishedTotal(documentId: string): Promise<number | null> {
      const { articles } = names();
      const row: { views: unknown } | undefined = await knex()(`${articles} as a`)
        .leftJoin(`${VIEWS_TABLE} as v`, 'v.document_id', 'a.document_id')
        .where('a.document_id', documentId)
        .whereNotNull('a.published_at')
        .first('v.views');
      return row ? toNumber(row.views) : null;
    },

    /** One article's written views since `fromDay` (all time when absent). */
    async viewsOf(documentId: string, fromDay?: string): Promise<number> {
      const row: { views: unknown } | undefined = fromDay
        ? await knex()(DAILY_TABLE)
            .sum({ views: 'views' })
            .where({ document_id: documentId })
            .where('day', '>=', fromDay)
            .first()
        : await knex()(VIEWS_TABLE).select('views').where({ document_id: documentId }).first();
      return toNumber(row?.views);
    },

    /**
     * Gives a document starting views (the seed's figures), per day and in total, only when it has
     * no total yet: a second run changes nothing.
     */
    async initialise(documentId: string, days: readonly Omit<DayCount, 'documentId'>[]) {
      await knex().transaction(async (trx) => {
        const views = days.reduce((sum, day) => sum + day.views, 0);
        const existing = await trx(VIEWS_TABLE).where({ document_id: documentId }).first();
        if (existing) return;
        await trx(VIEWS_TABLE).insert({ document_id: documentId, views });
        await trx(DAILY_TABLE).insert(
          days.map(({ day, views }) => ({ document_id: documentId, day, views })),
        );
      });
    },

    /** The stored totals of many documents in one query; a document never viewed counts 0. */
    async totals(documentIds: readonly string[]): Promise<Map<string, number>> {
      const totals = new Map<string, number>(documentIds.map((id) => [id, 0]));
      if (documentIds.length === 0) return totals;
      const rows: Array<{ document_id: string; views: unknown }> = await knex()(VIEWS_TABLE)
        .select('document_id', 'views')
        .whereIn('document_id', [...new Set(documentIds)]);
      rows.forEach((row) => totals.set(row.document_id, toNumber(row.views)));
      return totals;
    },

    /**
     * Published articles ranked by views since `fromDay` (all time when absent), in sections
     * `sectionIds` when given; ties go to the article first published more recently. One query.
     */
    async ranking({
      fromDay,
      sectionIds,
      limit,
    }: {
      fromDay?: string;
      sectionIds?: readonly number[];
      limit: number;
    }): Promise<RankedArticle[]> {
      const { articles, sections, sectionLink } = names();
      // Without table statistics SQLite walks the whole daily table by its primary key rather
      // than the period's rows by day; it is told which index to use (about 10x faster).
      const daily: Knex.QueryBuilder =
        strapi.config.get('database.connection.client') === 'sqlite'
          ? knex().from(knex().raw('?? INDEXED BY ??', [DAILY_TABLE, DAILY_DAY_INDEX]))
          : knex().from(DAILY_TABLE);
      const counts = fromDay
        ? daily
            .select('document_id')
            .sum({ views: 'views' })
            .where('day', '>=', fromDay)
            .groupBy('document_id')
            .as('c')
        : knex()(VIEWS_TABLE).select('document_id', 'views').as('c');

      const query = knex()
        .from(counts)
        .join(`${articles} as a`, 'a.document_id', 'c.document_id')
        .leftJoin(`${sectionLink.table} as l`, `l.${sectionLink.article}`, 'a.id')
        .leftJoin(`${sections} as s`, 's.id', `l.${sectionLink.section}`)
        .whereNotNull('a.published_at')
        .where('c.views', '>', 0)
        .select(
          'a.document_id as documentId',
          'a.title as title',
          'a.slug as slug',
          's.name as sectionName',
          's.slug as sectionSlug',
          'c.views as views',
        )
        .orderBy('c.views', 'desc')
        // Spelled out: knex turns `nulls: 'last'` into an expression that drops the date on SQLite.
        .orderByRaw('CASE WHEN a.originally_published_at IS NULL THEN 1 ELSE 0 END')
        .orderBy('a.originally_published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit);
      if (sectionIds) query.whereIn(`l.${sectionLink.section}`, [...sectionIds]);

      const rows: Array<{
        documentId: string;
        title: string;
        slug: string;
        sectionName: string | null;
        sectionSlug: string | null;
        views: unknown;
      }> = await query;
      return rows.map((row) => ({
        documentId: row.documentId,
        title: row.title,
        slug: row.slug,
        section: row.sectionName ? { name: row.sectionName, slug: row.sectionSlug ?? '' } : null,
        views: toNumber(row.views),
      }));
    },
  };
};

export type ViewStore = ReturnType<typeof createViewStore>;

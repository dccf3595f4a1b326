import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { ARTICLE_UID } from '../constants';

/** How many articles each of the Desk's lists shows. */
export const DESK_LIST_LIMIT = 10;

export interface DeskArticle {
  documentId: string;
  title: string;
  updatedAt: string;
  scheduledAt: string | null;
  /** Whether a published version exists (the draft then holds unpublished changes). */
  published: boolean;
}

export interface Desk {
  /** Drafts marked ready for review, most recently edited first. */
  readyForReview: DeskArticle[];
  /** Drafts with a publication time, soonest first. */
  scheduled: DeskArticle[];
  /** The user's own articles that are not published, most recently edited first. */
  myDrafts: DeskArticle[];
}

interface Columns {
  table: string;
  documentId: string;
  title: string;
  updatedAt: string;
  publishedAt: string;
  scheduledAt: string;
  readyForReview: string;
  createdBy: string;
}

/** Table and column names as Strapi made them (read from its metadata, not guessed). */
const columnsOf = (strapi: Core.Strapi): Columns => {
  const meta = strapi.db.metadata.get(ARTICLE_UID);
  const column = (name: string): string =>
    (meta.attributes[name] as unknown as { columnName?: string }).columnName ?? name;
  const createdBy = meta.attributes.createdBy as unknown as { joinColumn: { name: string } };
  return {
    table: meta.tableName,
    documentId: column('documentId'),
    title: column('title'),
    updatedAt: column('updatedAt'),
    publishedAt: column('publishedAt'),
    scheduledAt: column('scheduledAt'),
    readyForReview: column('readyForReview'),
    createdBy: createdBy.joinColumn.name,
  };
};

const isoOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string | number).toISOString();

/**
 * The admin home page's "Desk": what waits for an editor (ready for review), what will publish
 * itself (scheduled), and the user's own unpublished articles. Three statements whatever the
 * number of articles: each list is one query on the draft rows, with whether a published
 * version exists as a correlated `EXISTS`.
 */
export const loadDesk = async (strapi: Core.Strapi, userId: number): Promise<Desk> => {
  const c = columnsOf(strapi);
  const knex: Knex = strapi.db.connection;
  const hasPublished = knex(`${c.table} as p`)
    .select(knex.raw('1'))
    .whereRaw('?? = ??', [`p.${c.documentId}`, `d.${c.documentId}`])
    .whereNotNull(`p.${c.publishedAt}`);

  const drafts = () =>
    knex(`${c.table} as d`)
      .select({
        documentId: `d.${c.documentId}`,
        title: `d.${c.title}`,
        updatedAt: `d.${c.updatedAt}`,
        scheduledAt: `d.${c.scheduledAt}`,
        published: knex.raw('CASE WHEN EXISTS ? THEN 1 ELSE 0 END', [hasPublished]),
      })
      .whereNull(`d.${c.publishedAt}`)
      .limit(DESK_LIST_LIMIT);

  const [readyForReview, scheduled, myDrafts] = await Promise.all([
    drafts().where(`d.${c.readyForReview}`, true).orderBy(`d.${c.updatedAt}`, 'desc'),
    drafts()
      .whereNotNull(`d.${c.scheduledAt}`)
      .orderBy([
        { column: `d.${c.scheduledAt}`, order: 'asc' },
        { column: `d.${c.documentId}`, order: 'asc' },
      ]),
    drafts()
      .where(`d.${c.createdBy}`, userId)
      .whereNotExists(hasPublished)
      .orderBy(`d.${c.updatedAt}`, 'desc'),
  ]);

  const shape = (rows: Array<Record<string, unknown>>): DeskArticle[] =>
    rows.map((row) => ({
      documentId: String(row.documentId),
      title: String(row.title ?? ''),
      updatedAt: isoOrNull(row.updatedAt) ?? '',
      scheduledAt: isoOrNull(row.scheduledAt),
      published: Number(row.published) === 1,
    }));
  return {
    readyForReview: shape(readyForReview),
    scheduled: shape(scheduled),
    myDrafts: shape(myDrafts),
  };
};

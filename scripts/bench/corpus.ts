/**
 * The ranking corpus: many published articles seeded cheaply with direct SQL (a bench shortcut:
 * no Document Service, no validation), daily view rows for a subset over the last `days` UTC
 * days, and a total for every article. Table names come from the app's own schemas and store.
 */

import type { Knex } from 'knex';

import articleSchema from '../../src/api/article/content-types/article/schema.json';
import sectionSchema from '../../src/api/section/content-types/section/schema.json';
import { DAILY_TABLE, VIEWS_TABLE } from '../../src/views/store';
import { DAY_MS, utcDay } from '../../src/views/visitor';
import type { BenchDatabase } from './database';
import type { Corpus } from './options';

export const ARTICLES = articleSchema.collectionName;
export const SECTIONS = sectionSchema.collectionName;
/** How Strapi names the join table of `article.section` and its columns. */
export const SECTION_LINK = {
  table: `${ARTICLES}_section_lnk`,
  article: `${articleSchema.info.singularName}_id`,
  section: `${sectionSchema.info.singularName}_id`,
  order: `${articleSchema.info.singularName}_ord`,
};

/** Bench document ids: `bench` + 19 digits = 24 characters, like Strapi's. */
const PREFIX = 'bench';
const EXTRA_SECTIONS = 11;
export const BENCH_SECTION_SLUG = 'bench-section-1';

/** The SQL that differs between the two databases. */
interface Dialect {
  pg: boolean;
  /** Strapi keeps SQLite datetimes as epoch milliseconds. */
  now: Date | number;
  /** `i` as a bench document id. */
  docId: string;
  /** `FROM` a series of `column` from `from` to `to` (SQLite: a recursive CTE `name`). */
  series: (
    name: string,
    column: string,
    from: number,
    to: number,
  ) => { with: string; from: string };
}

const dialectOf = (db: BenchDatabase, now: Date): Dialect => {
  const pg = db.client === 'postgres';
  return {
    pg,
    now: pg ? now : now.getTime(),
    docId: pg ? `'${PREFIX}' || lpad(i::text, 19, '0')` : `printf('${PREFIX}%019d', i)`,
    series: (name, column, from, to) =>
      pg
        ? { with: '', from: `generate_series(${from}, ${to}) AS ${name}(${column})` }
        : {
            with: `${name}(${column}) AS (SELECT ${from} UNION ALL SELECT ${column} + 1 FROM ${name} WHERE ${column} < ${to})`,
            from: name,
          },
  };
};

const withClause = (...series: Array<{ with: string }>): string => {
  const parts = series.map((one) => one.with).filter(Boolean);
  return parts.length > 0 ? `WITH RECURSIVE ${parts.join(', ')}` : '';
};

/** The seeded "World" section plus a few more, so that a section filter has something to filter. */
const insertSections = async (knex: Knex, sql: Dialect): Promise<number[]> => {
  await knex(SECTIONS).insert(
    Array.from({ length: EXTRA_SECTIONS }, (_, index) => ({
      document_id: `${PREFIX}sec${String(index + 1).padStart(16, '0')}`,
      name: `Bench section ${index + 1}`,
      slug: `bench-section-${index + 1}`,
      position: index + 1,
      created_at: sql.now,
      updated_at: sql.now,
      published_at: sql.now,
    })),
  );
  return (await knex(SECTIONS).select('id').orderBy('id')).map((row: { id: number }) => row.id);
};

/** One draft and one published row per document, as Strapi keeps them. */
const insertArticles = async (trx: Knex, sql: Dialect, articles: number): Promise<void> => {
  const at = sql.pg ? '?::timestamp' : '?';
  const firstPublished = sql.pg
    ? `(?::timestamp - (i % 365) * interval '1 day')`
    : `(? - (i % 365) * ${DAY_MS})`;
  const n = sql.series('n', 'i', 1, articles);
  const p = sql.pg ? '(VALUES (0), (1)) AS p(p)' : '(SELECT 0 AS p UNION ALL SELECT 1) AS p';
  await trx.raw(
    `${withClause(n)}
     INSERT INTO ${ARTICLES} (document_id, title, slug, standfirst, reading_time_minutes,
       originally_published_at, created_at, updated_at, published_at)
     SELECT ${sql.docId}, 'Bench article ' || i, 'bench-article-' || i, 'A standfirst', 1,
       ${firstPublished}, ${at}, ${at}, CASE WHEN p.p = 1 THEN ${at} ELSE NULL END
     FROM ${n.from} CROSS JOIN ${p}`,
    [sql.now, sql.now, sql.now, sql.now],
  );
};

/** Each bench article (both rows) in one of the sections, by its number. */
const linkSections = async (trx: Knex, sectionIds: number[]): Promise<void> => {
  const whens = sectionIds.map((id, index) => `WHEN ${index} THEN ${id}`).join(' ');
  const number = `CAST(substr(a.document_id, ${PREFIX.length + 1}) AS BIGINT)`;
  await trx.raw(
    `INSERT INTO ${SECTION_LINK.table} (${SECTION_LINK.article}, ${SECTION_LINK.section}, ${SECTION_LINK.order})
     SELECT a.id, CASE (${number} % ${sectionIds.length}) ${whens} END, 1
     FROM ${ARTICLES} a WHERE a.document_id LIKE '${PREFIX}%'`,
  );
};

/** Daily rows for the first `hot` articles; the figures vary with article and day. */
const insertDaily = async (trx: Knex, sql: Dialect, { hot, days }: Corpus, today: string) => {
  const n = sql.series('n', 'i', 1, hot);
  const d = sql.series('d', 'k', 0, days - 1);
  const day = sql.pg ? `to_char(?::date - k, 'YYYY-MM-DD')` : `date(?, '-' || k || ' days')`;
  await trx.raw(
    `${withClause(n, d)}
     INSERT INTO ${DAILY_TABLE} (document_id, day, views)
     SELECT ${sql.docId}, ${day}, 1 + ((i * 7919 + k * 104729) % 997)
     FROM ${n.from} CROSS JOIN ${d.from}`,
    [today],
  );
};

/** Totals: the daily sum for the hot subset (plus an older figure), a figure for the rest. */
const insertTotals = async (trx: Knex, sql: Dialect, { articles, hot }: Corpus) => {
  await trx.raw(
    `INSERT INTO ${VIEWS_TABLE} (document_id, views)
     SELECT document_id, SUM(views) + 1000 FROM ${DAILY_TABLE}
     WHERE document_id LIKE '${PREFIX}%' GROUP BY document_id`,
  );
  if (articles <= hot) return;
  const n = sql.series('n', 'i', hot + 1, articles);
  await trx.raw(
    `${withClause(n)}
     INSERT INTO ${VIEWS_TABLE} (document_id, views)
     SELECT ${sql.docId}, (${sql.pg ? 'i::bigint' : 'i'} * 2654435761) % 50000 FROM ${n.from}`,
  );
};

export interface CorpusReport {
  seconds: number;
  articleRows: number;
  publishedArticles: number;
  dailyRows: number;
  totalRows: number;
  sections: number;
}

const countRows = async (knex: Knex, table: string, published = false): Promise<number> => {
  const query = knex(table).count({ n: '*' });
  if (published) query.whereNotNull('published_at');
  const [row] = (await query) as Array<{ n: number | string }>;
  return Number(row.n);
};

export const seedCorpus = async (db: BenchDatabase, corpus: Corpus): Promise<CorpusReport> => {
  const started = Date.now();
  const now = new Date();
  const sql = dialectOf(db, now);
  const sectionIds = await insertSections(db.knex, sql);
  await db.knex.transaction(async (trx) => {
    await insertArticles(trx, sql, corpus.articles);
    await linkSections(trx, sectionIds);
    await insertDaily(trx, sql, corpus, utcDay(now));
    await insertTotals(trx, sql, corpus);
  });
  // PostgreSQL's autovacuum would analyse the new rows within a minute; the bench does not wait.
  // SQLite has no automatic ANALYZE and the app runs none, so none is run there either.
  if (sql.pg) await db.knex.raw('ANALYZE');
  return {
    seconds: (Date.now() - started) / 1000,
    articleRows: await countRows(db.knex, ARTICLES),
    publishedArticles: await countRows(db.knex, ARTICLES, true),
    dailyRows: await countRows(db.knex, DAILY_TABLE),
    totalRows: await countRows(db.knex, VIEWS_TABLE),
    sections: sectionIds.length,
  };
};

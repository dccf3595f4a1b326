/**
 * `GET /api/articles/most-read` over the seeded corpus, for each period and for one top-level
 * section (its whole subtree): one connection for the latency a reader sees, then 10 for
 * throughput; each answer is checked against the same ranking computed by plain SQL.
 */

import { type Period, PERIODS, periodStart } from '../../src/views/counter';
import { DAILY_TABLE, VIEWS_TABLE } from '../../src/views/store';
import { getJson } from './app';
import { ARTICLES, SECTION_LINK, SECTION_PARENT, SECTIONS } from './corpus';
import type { BenchDatabase } from './database';
import { fmt, step } from './format';
import { type Latency, type Run, run } from './load';
import type { RankingRun } from './options';

const LIMIT = 10;
const LOADED_CONNECTIONS = 10;

interface Case {
  query: string;
  period: Period;
  /** The section's subtree: the section and every section below it. */
  sectionIds?: number[];
}

export interface RunFigures {
  connections: number;
  requests: number;
  rps: number;
  latency: Latency;
  fivexx: number;
  non2xx: number;
}

export interface RankingRow {
  query: string;
  correct: boolean;
  expectedTop: number[];
  gotTop: number[];
  rows: number;
  single: RunFigures;
  loaded: RunFigures;
}

/** The top view figures of a period, by a plain SQL query. */
const expectedTop = async ({ knex }: BenchDatabase, { period, sectionIds }: Case) => {
  const fromDay = periodStart(new Date(), period);
  const counts = fromDay
    ? knex(DAILY_TABLE)
        .select('document_id')
        .sum({ views: 'views' })
        .where('day', '>=', fromDay)
        .groupBy('document_id')
        .as('c')
    : knex(VIEWS_TABLE).select('document_id', 'views').as('c');
  const query = knex
    .from(counts)
    .join(`${ARTICLES} as a`, 'a.document_id', 'c.document_id')
    .whereNotNull('a.published_at')
    .where('c.views', '>', 0)
    .select('c.views')
    .orderBy('c.views', 'desc')
    .limit(LIMIT);
  if (sectionIds !== undefined) {
    query
      .join(`${SECTION_LINK.table} as l`, `l.${SECTION_LINK.article}`, 'a.id')
      .whereIn(`l.${SECTION_LINK.section}`, sectionIds);
  }
  return ((await query) as Array<{ views: unknown }>).map((row) => Number(row.views));
};

/** The first top-level section (by id) and its subtree, from the parent links as stored. */
const sectionTree = async ({ knex }: BenchDatabase): Promise<{ slug: string; ids: number[] }> => {
  const sections: Array<{ id: number; slug: string }> = await knex(SECTIONS)
    .select('id', 'slug')
    .orderBy('id');
  const links: Array<{ child: number; parent: number }> = await knex(SECTION_PARENT.table).select({
    child: SECTION_PARENT.child,
    parent: SECTION_PARENT.parent,
  });
  const children = new Set(links.map((link) => Number(link.child)));
  const root = sections.find((section) => !children.has(Number(section.id)));
  if (!root) throw new Error('The corpus has no top-level section');
  const ids = [Number(root.id)];
  for (let index = 0; index < ids.length; index += 1) {
    links
      .filter((link) => Number(link.parent) === ids[index])
      .forEach((link) => ids.push(Number(link.child)));
  }
  return { slug: root.slug, ids };
};

const casesOf = async (db: BenchDatabase): Promise<Case[]> => {
  const section = await sectionTree(db);
  return [
    ...PERIODS.map((period) => ({ query: `period=${period}`, period })),
    { query: `period=week&section=${section.slug}`, period: 'week', sectionIds: section.ids },
  ];
};

const figures = (measured: Run, connections: number): RunFigures => ({
  connections,
  requests: measured.requests,
  rps: measured.rps,
  latency: measured.latency,
  fivexx: measured.fivexx,
  non2xx: measured.non2xx,
});

const measureCase = async (
  baseUrl: string,
  db: BenchDatabase,
  how: RankingRun,
  which: Case,
): Promise<RankingRow> => {
  const path = `/api/articles/most-read?${which.query}&limit=${LIMIT}`;
  // A few answers first (warm-up); the last is the one checked.
  let answer = { data: [] as Array<{ views: number }> };
  for (let index = 0; index < 5; index += 1) answer = await getJson(baseUrl + path);
  const expected = await expectedTop(db, which);
  const got = answer.data.map((row) => row.views);
  const length = 'seconds' in how ? { duration: how.seconds } : { amount: how.amount };
  const single = await run({ baseUrl, path, connections: 1, ...length });
  const loaded = await run({ baseUrl, path, connections: LOADED_CONNECTIONS, ...length });
  return {
    query: which.query,
    correct: JSON.stringify(got) === JSON.stringify(expected),
    expectedTop: expected.slice(0, 3),
    gotTop: got.slice(0, 3),
    rows: got.length,
    single: figures(single, 1),
    loaded: figures(loaded, LOADED_CONNECTIONS),
  };
};

export const measureRanking = async (
  baseUrl: string,
  db: BenchDatabase,
  how: RankingRun,
): Promise<RankingRow[]> => {
  const rows: RankingRow[] = [];
  for (const which of await casesOf(db)) {
    const row = await measureCase(baseUrl, db, how, which);
    step(
      `${row.query}: p50 ${row.single.latency.p50} ms, p99 ${row.single.latency.p99} ms (1 connection); ${fmt(row.loaded.rps)} req/s (${LOADED_CONNECTIONS} connections)${row.correct ? '' : ' WRONG'}`,
    );
    rows.push(row);
  }
  return rows;
};

/**
 * The tables `strapi export` does not carry (they are not content types): the view counter's
 * totals and days, and the slug history behind redirects. A table added by a migration in
 * database/migrations belongs here (the backup test checks that every one is listed).
 */

import type { Knex } from 'knex';

import { SLUG_HISTORY_TABLE } from '../../src/publishing/slug-history';
import { DAILY_TABLE, VIEWS_TABLE } from '../../src/views/store';

export interface CustomTable {
  name: string;
  /** The primary key's columns: rows are read in this order, page by page. */
  key: string[];
  /** Whole-number columns (PostgreSQL answers `bigint` as a string). */
  numbers: string[];
  /** Timestamp columns, kept as ISO strings in the archive (SQLite stores epoch milliseconds). */
  dates: string[];
}

export const CUSTOM_TABLES: CustomTable[] = [
  { name: VIEWS_TABLE, key: ['document_id'], numbers: ['views'], dates: [] },
  { name: DAILY_TABLE, key: ['document_id', 'day'], numbers: ['views'], dates: [] },
  { name: SLUG_HISTORY_TABLE, key: ['slug'], numbers: [], dates: ['retired_at'] },
];

export type Row = Record<string, string | number | null>;

const PAGE = 5_000;
/** Rows per insert: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

const toIso = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(value)}`);
  return date.toISOString();
};

/** A stored row as the archive keeps it: plain JSON, the same from either database. */
const portable = (table: CustomTable, row: Record<string, unknown>): Row =>
  Object.fromEntries(
    Object.entries(row).map(([column, value]) => {
      if (table.numbers.includes(column)) return [column, Number(value)];
      if (table.dates.includes(column)) return [column, toIso(value)];
      return [column, value === null ? null : String(value)];
    }),
  );

/** Rows after `last` in key order (keyset paging: no OFFSET, constant cost per page). */
const after = (query: Knex.QueryBuilder, key: string[], last: Row | undefined) => {
  if (!last) return query;
  return query.where((outer) => {
    key.forEach((column, index) => {
      outer.orWhere((inner) => {
        key.slice(0, index).forEach((equal) => inner.where(equal, last[equal] as string));
        inner.where(column, '>', last[column] as string);
      });
    });
  });
};

/** Every row of `table`, page by page, handed to `each` in key order. */
export const readTable = async (
  db: Knex | Knex.Transaction,
  table: CustomTable,
  each: (row: Row) => void,
): Promise<number> => {
  let count = 0;
  let last: Row | undefined;
  for (;;) {
    const page: Array<Record<string, unknown>> = await after(
      db(table.name).select('*'),
      table.key,
      last,
    )
      .orderBy(table.key.map((column) => ({ column, order: 'asc' })))
      .limit(PAGE);
    for (const raw of page) {
      last = portable(table, raw);
      each(last);
    }
    count += page.length;
    if (page.length < PAGE) return count;
  }
};

/** Empties `table` and writes `rows` into it (inside the caller's transaction). */
export const replaceTable = async (
  trx: Knex.Transaction,
  table: CustomTable,
  rows: Row[],
): Promise<void> => {
  await trx(table.name).delete();
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows
      .slice(start, start + CHUNK)
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => [
            column,
            table.dates.includes(column) && value !== null ? new Date(value) : value,
          ]),
        ),
      );
    await trx(table.name).insert(chunk);
  }
};

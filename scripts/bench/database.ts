/**
 * A fresh database per bench run and corpus size, a copy of the corpus template (corpus.ts) made
 * and dropped by the tests' own helper, plus a direct connection for the checks.
 */

import type { Knex } from 'knex';

import {
  connectTestDatabase,
  createTestDatabase,
  type DatabaseClient,
  type TestDatabase,
} from '../../tests/helpers/database';

export interface BenchDatabase extends TestDatabase {
  label: string;
  /** What to look for in a process's command line to find the backends serving it. */
  backendMatch?: string;
  knex: Knex;
}

/** A new database of `client`, a copy of `template` (a SQLite file, a PostgreSQL database). */
export const openDatabase = async (
  client: DatabaseClient,
  template?: string,
): Promise<BenchDatabase> => {
  const db = await createTestDatabase(client, { template });
  const connection = connectTestDatabase(db);
  return {
    ...db,
    label: client === 'postgres' ? 'PostgreSQL' : 'SQLite',
    backendMatch: client === 'postgres' ? db.env.DATABASE_NAME : undefined,
    knex: connection,
    drop: async () => {
      await connection.destroy();
      await db.drop();
    },
  };
};

export const databaseVersion = async ({ client, knex: db }: BenchDatabase): Promise<string> => {
  if (client === 'postgres') {
    const result: { rows: Array<{ server_version: string }> } = await db.raw('SHOW server_version');
    return result.rows[0].server_version;
  }
  const rows: Array<{ version: string }> = await db.raw('select sqlite_version() as version');
  return rows[0].version;
};

/** A stored count: `views` of the row whose `document_id` is `documentId`, 0 when none. */
export const storedCount = async (
  db: BenchDatabase,
  table: string,
  documentId: string,
): Promise<number> => {
  const row: { views: unknown } | undefined = await db
    .knex(table)
    .where({ document_id: documentId })
    .first('views');
  return Number(row?.views ?? 0);
};

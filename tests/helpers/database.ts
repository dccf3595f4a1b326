import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import knex, { type Knex } from 'knex';
import { Client } from 'pg';

export type DatabaseClient = 'sqlite' | 'postgres';

export interface TestDatabase {
  client: DatabaseClient;
  /** The `DATABASE_*` variables that point Strapi at this database (every one set, so a `.env` cannot leak in). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** The PostgreSQL server tests make their databases on (`TEST_PG_*`). */
export const PG = {
  host: process.env.TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT ?? 5432),
  user: process.env.TEST_PG_USER ?? 'postgres',
  password: process.env.TEST_PG_PASSWORD ?? '',
};

/**
 * What every test database's name starts with (`TEST_DATABASE_PREFIX`). Letters, digits and
 * underscores only, so the name needs no escaping, and short enough that PostgreSQL's 63-byte
 * limit never truncates two names into one.
 */
export const databasePrefix = (value = process.env.TEST_DATABASE_PREFIX): string => {
  const prefix = value || 'newsroom_test';
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(prefix)) {
    throw new Error(
      `TEST_DATABASE_PREFIX must be 1 to 40 lowercase letters, digits or underscores, starting with a letter, not "${prefix}".`,
    );
  }
  return prefix;
};

const isLoopback = (host: string): boolean =>
  host === 'localhost' ||
  host.startsWith('/') || // a Unix socket directory: this machine
  host === '::1' ||
  (net.isIPv4(host) && host.startsWith('127.'));

/**
 * Tests CREATE and DROP databases: on a server other than this machine's, only when the
 * operator says so with `TEST_PG_ALLOW_REMOTE=true` (a shared or production server is the
 * likely mistake behind a non-loopback host).
 */
export const assertTestServer = (
  host = PG.host,
  allowRemote = process.env.TEST_PG_ALLOW_REMOTE === 'true',
): void => {
  if (isLoopback(host) || allowRemote) return;
  throw new Error(
    `Refusing to create and drop test databases on the PostgreSQL server at "${host}", which is ` +
      'not this machine. Point TEST_PG_HOST at a loopback server, or set TEST_PG_ALLOW_REMOTE=true ' +
      'if that server is meant for throwaway test databases.',
  );
};

/** One statement on the test server's `postgres` database (CREATE, DROP, a look at pg_database). */
export const adminQuery = async <Row extends Record<string, unknown> = Record<string, unknown>>(
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> => {
  const client = new Client({ ...PG, database: 'postgres' });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
};

/**
 * A database of its own for one test file: made here, dropped by `drop()`. With `template`, a
 * copy of that database (PostgreSQL: `CREATE DATABASE ... TEMPLATE` the database so named, which
 * nobody may be connected to; SQLite: a copy of the file at that path).
 */
export const createTestDatabase = async (
  client: DatabaseClient = (process.env.DATABASE_CLIENT as DatabaseClient | undefined) ?? 'sqlite',
  { template }: { template?: string } = {},
): Promise<TestDatabase> => {
  const name = `${databasePrefix()}_${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${randomBytes(4).toString('hex')}`;

  if (client === 'postgres') {
    assertTestServer();
    // Only a database this call created is ever dropped: CREATE fails on an existing name.
    await adminQuery(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    return {
      client,
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: '',
        DATABASE_HOST: PG.host,
        DATABASE_PORT: String(PG.port),
        DATABASE_NAME: name,
        DATABASE_USERNAME: PG.user,
        DATABASE_PASSWORD: PG.password,
        DATABASE_SSL: 'false',
        DATABASE_SCHEMA: 'public',
        DATABASE_FILENAME: '',
      },
      drop: async () => {
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'));
  const filename = path.join(dir, `${name}.db`);
  if (template) fs.copyFileSync(template, filename);
  return {
    client,
    env: {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_URL: '',
      DATABASE_HOST: '',
      DATABASE_PORT: '',
      DATABASE_NAME: '',
      DATABASE_USERNAME: '',
      DATABASE_PASSWORD: '',
      DATABASE_SSL: 'false',
      DATABASE_SCHEMA: '',
      DATABASE_FILENAME: filename,
    },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
};

/** A direct connection to a test database, with the same `DATABASE_*` values the app gets. */
export const connectTestDatabase = ({ client, env }: Pick<TestDatabase, 'client' | 'env'>): Knex =>
  client === 'postgres'
    ? knex({
        client: 'pg',
        connection: {
          host: env.DATABASE_HOST,
          port: Number(env.DATABASE_PORT),
          user: env.DATABASE_USERNAME,
          password: env.DATABASE_PASSWORD,
          database: env.DATABASE_NAME,
        },
        pool: { min: 0, max: 4 },
      })
    : knex({
        client: 'better-sqlite3',
        connection: { filename: env.DATABASE_FILENAME },
        useNullAsDefault: true,
      });

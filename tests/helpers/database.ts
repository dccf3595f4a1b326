import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

export type DatabaseClient = 'sqlite' | 'postgres';

export interface TestDatabase {
  client: DatabaseClient;
  /** The `DATABASE_*` variables that point Strapi at this database (every one set, so a `.env` cannot leak in). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const PG = {
  host: process.env.TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT ?? 5432),
  user: process.env.TEST_PG_USER ?? 'postgres',
  password: process.env.TEST_PG_PASSWORD ?? '',
};

const adminQuery = async (sql: string): Promise<void> => {
  const client = new Client({ ...PG, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** A database of its own for one test file: made here, dropped by `drop()`. */
export const createTestDatabase = async (
  client: DatabaseClient = (process.env.DATABASE_CLIENT as DatabaseClient | undefined) ?? 'sqlite',
): Promise<TestDatabase> => {
  const name = `newsroom_test_${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${randomBytes(4).toString('hex')}`;

  if (client === 'postgres') {
    await adminQuery(`CREATE DATABASE "${name}"`);
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
      drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'));
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
      DATABASE_FILENAME: path.join(dir, `${name}.db`),
    },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
};

/**
 * The app's own database, reached as the app reaches it: the compiled `config/database` read with
 * Strapi's `env` helper, after the `.env` Strapi itself would load (variables already set win).
 */

import fs from 'node:fs';
import path from 'node:path';

import { env } from '@strapi/utils';
import knex, { type Knex } from 'knex';

import { APP_ROOT } from '../../tests/helpers/env';

type DatabaseConfig = {
  connection: {
    client: string;
    connection: Record<string, unknown> & { schema?: string };
    pool?: Knex.PoolConfig;
    useNullAsDefault?: boolean;
  };
};

/** Strapi's client names to knex's. */
const KNEX_CLIENTS: Record<string, string> = { postgres: 'pg', sqlite: 'better-sqlite3' };

export const loadDotEnv = (): void => {
  const file = path.join(APP_ROOT, '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
};

export const databaseClient = (): string => process.env.DATABASE_CLIENT || 'sqlite';

export const connectAppDatabase = (): Knex => {
  const file = path.join(APP_ROOT, 'dist', 'config', 'database.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app's compiled config, as Strapi loads it
  const module = require(file) as { default: (params: { env: typeof env }) => DatabaseConfig };
  const { connection } = module.default({ env });
  const client = KNEX_CLIENTS[connection.client];
  if (!client) throw new Error(`Unsupported database client "${connection.client}".`);
  const { schema, ...settings } = connection.connection;
  return knex({
    client,
    connection: settings as Knex.StaticConnectionConfig,
    pool: { min: 0, max: 2 },
    useNullAsDefault: connection.useNullAsDefault,
    ...(schema ? { searchPath: [schema] } : {}),
  });
};

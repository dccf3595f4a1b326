import type { Server } from 'node:http';
import path from 'node:path';

import { type Core, createStrapi } from '@strapi/strapi';
import supertest from 'supertest';

import { createTestDatabase, type DatabaseClient, type TestDatabase } from './database';
import { APP_ROOT, TEST_ADMIN, TEST_APP_ENV, TEST_SECRETS } from './env';

export { APP_ROOT, TEST_ADMIN, TEST_SECRETS };

export interface TestApp {
  strapi: Core.Strapi;
  db: TestDatabase;
  server: Server;
  /** supertest bound to the listening server. */
  request: () => supertest.Agent;
}

export interface BootOptions {
  /** Extra environment for this boot (e.g. `SEED_EXAMPLE_CONTENT: 'true'`). */
  env?: Record<string, string>;
  /** The database to boot on: `DATABASE_CLIENT`'s (SQLite by default) unless a test needs one. */
  database?: DatabaseClient;
}

let current: { app: TestApp; restoreEnv: () => void } | undefined;

const applyEnv = (vars: Record<string, string>): (() => void) => {
  const previous = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
};

/**
 * Boots a real Strapi (the compiled app in `dist/`, see `npm test`) on a database of its own,
 * listening on a free loopback port. Call once per test file, in `beforeAll`.
 */
export const bootStrapi = async ({ env = {}, database }: BootOptions = {}): Promise<TestApp> => {
  if (current) throw new Error('Strapi is already booted in this test file');
  const db = await createTestDatabase(database);
  const restoreEnv = applyEnv({
    ...TEST_APP_ENV,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...TEST_SECRETS,
    ...db.env,
    ...env,
  });

  const strapi = createStrapi({ appDir: APP_ROOT, distDir: path.join(APP_ROOT, 'dist') });
  strapi.log.level = process.env.TEST_LOG_LEVEL ?? 'error';
  await strapi.load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const app: TestApp = { strapi, db, server, request: () => supertest.agent(server) };
  current = { app, restoreEnv };
  return app;
};

/** Stops Strapi, closes its connections and drops its database. Call in `afterAll`. */
export const stopStrapi = async (): Promise<void> => {
  if (!current) return;
  const { app, restoreEnv } = current;
  current = undefined;
  await app.strapi.destroy();
  await app.db.drop();
  restoreEnv();
};

/**
 * A module of the compiled app in `dist/src` (e.g. `appModule<typeof import('../../src/publishing/scheduler')>('publishing/scheduler')`):
 * the copy the app under test loaded (Jest's registry hands back the same instance), so state it
 * keeps, such as who is acting, is the app's.
 */
export const appModule = <T>(modulePath: string): T =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app's own compiled module, not a second copy
  require(path.join(APP_ROOT, 'dist', 'src', modulePath)) as T;

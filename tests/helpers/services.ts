/**
 * The services some tests need besides the app: Redis (several instances sharing deduplication)
 * and PostgreSQL (the test database under `DATABASE_CLIENT=postgres`, and the tests that are
 * about PostgreSQL itself). A test file asks with `describeNeeding(...)`: when a service does not
 * answer, its tests are skipped with one printed reason, or fail when `CI=true`, where every
 * service must be there.
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { PG } from './database';
import { APP_ROOT } from './env';

export type Service = 'redis' | 'postgres';

/** The Redis that tests needing one use (`TEST_REDIS_URL`). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * One connection and one command, in a child process: Jest decides what to skip while it
 * collects tests, synchronously, so the probe cannot be awaited here.
 */
const PROBES: Record<Service, { script: string; target: string; config: unknown }> = {
  redis: {
    target: `Redis at ${TEST_REDIS_URL} (TEST_REDIS_URL)`,
    config: { url: TEST_REDIS_URL },
    script: `
      const { Redis } = require('ioredis');
      const { url } = JSON.parse(process.env.PROBE);
      const redis = new Redis(url, {
        lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null,
      });
      let cause;
      redis.on('error', (error) => { cause = error; });
      redis.connect().then(() => redis.ping()).then(
        () => { redis.disconnect(); },
        (error) => { process.stderr.write((cause || error).message); process.exit(1); },
      );`,
  },
  postgres: {
    target: `PostgreSQL at ${PG.host}:${PG.port} as ${PG.user} (TEST_PG_*)`,
    config: PG,
    script: `
      const { Client } = require('pg');
      const client = new Client({
        ...JSON.parse(process.env.PROBE), database: 'postgres', connectionTimeoutMillis: 1500,
      });
      client.connect().then(() => client.query('SELECT 1')).then(
        () => client.end(),
        (error) => { process.stderr.write(error.message || error.code); process.exit(1); },
      );`,
  },
};

/** Why `service` cannot be used, or `undefined` when it answers. */
const probe = (service: Service): string | undefined => {
  const { script, config } = PROBES[service];
  try {
    execFileSync(process.execPath, ['-e', script], {
      cwd: APP_ROOT,
      env: { PATH: process.env.PATH, PROBE: JSON.stringify(config) },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 5000,
    });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error as Error).message;
  }
};

const answers = new Map<Service, string | undefined>();

/**
 * Whether `service` answers (asked once per test file). When it does not: prints which file is
 * skipped and why, or throws when `CI=true`.
 */
export const serviceAvailable = (service: Service): boolean => {
  if (!answers.has(service)) {
    const problem = probe(service);
    answers.set(service, problem);
    if (problem !== undefined) {
      const message = `${PROBES[service].target} does not answer (${problem})`;
      if (process.env.CI === 'true') {
        throw new Error(`${message}; CI=true, so the tests that need it fail instead of skipping.`);
      }
      const file = path.relative(APP_ROOT, expect.getState().testPath ?? 'this file');
      // Straight to stderr: Jest drops what a wholly skipped file logs through `console`.
      process.stderr.write(`\n${file} skipped: ${message}.\n`);
    }
  }
  return answers.get(service) === undefined;
};

/** `describe` when every service answers, `describe.skip` (with the reason printed) otherwise. */
export const describeNeeding = (...services: Service[]): jest.Describe =>
  services.every(serviceAvailable) ? describe : describe.skip;

/** What the test database needs: PostgreSQL under `DATABASE_CLIENT=postgres`; SQLite nothing. */
export const databaseServices = (): Service[] =>
  process.env.DATABASE_CLIENT === 'postgres' ? ['postgres'] : [];

/** `describe` for a file that boots the app: skipped (or failed on CI) without its database. */
export const describeWithDatabase = (name: string, fn: () => void): void =>
  describeNeeding(...databaseServices())(name, fn);

/**
 * Whether the admin panel is built (`npm run build`, which CI runs before the tests): `/admin`
 * serves its page only then. When it is not: prints why, or throws when `CI=true`.
 */
export const adminBuilt = (): boolean => {
  if (fs.existsSync(path.join(APP_ROOT, 'dist', 'build', 'index.html'))) return true;
  const message = 'the admin panel is not built (run `npm run build`)';
  if (process.env.CI === 'true') throw new Error(`${message}; CI=true, so its tests fail.`);
  const file = path.relative(APP_ROOT, expect.getState().testPath ?? 'this file');
  process.stderr.write(`\n${file}: tests of the admin's page skipped: ${message}.\n`);
  return false;
};

/**
 * The app under test: the built app started by the tests' own process helper, in production mode
 * with the bench routes open and new secrets from the app's own generator, on a database holding
 * the corpus (corpus.ts); the bench reads and counts the views of the corpus's sample article.
 */

import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { generateSecrets } from '../../src/setup/secrets';
import { APP_ROOT } from '../../tests/helpers/env';
import { startStrapiProcess, type StrapiProcess } from '../../tests/helpers/process';
import type { BenchDatabase } from './database';
import type { Options } from './options';

export const RESULTS_DIR = path.join(APP_ROOT, 'bench-results');
/** How often the app writes counted views: the exactness check waits for a few. */
export const FLUSH_INTERVAL_MS = 1000;

/**
 * The first admin the app creates at boot (`ADMIN_EMAIL`, `ADMIN_PASSWORD`), the same for every
 * start of this run: the bench logs in only to make a read-only API token.
 */
const BENCH_ADMIN = {
  email: 'bench.admin@newsroom.test',
  password: `Bench1-${randomBytes(12).toString('base64url')}`,
};

const APP_ENV = {
  NODE_ENV: 'production',
  // Production refuses to start without listed origins; the bench calls from no browser.
  CORS_ORIGINS: 'https://www.example.com',
  // The corpus is there: the example content would not be seeded into a newsroom that is not empty.
  SEED_EXAMPLE_CONTENT: 'false',
  BENCH_ROUTES: 'true',
  ADMIN_EMAIL: BENCH_ADMIN.email,
  ADMIN_PASSWORD: BENCH_ADMIN.password,
  VIEWS_FLUSH_INTERVAL_MS: String(FLUSH_INTERVAL_MS),
};

export interface BenchApp {
  strapi: StrapiProcess;
  /** From spawning to the first answer of `/_health`. */
  bootSeconds: number;
  /** The article whose views the views targets count (not the page's sample). */
  documentId: string;
  /** A read-only API token: authorised reads pass by the response cache, so they are fresh. */
  readToken: string;
}

const call = async <T>(
  url: string,
  { body, token }: { body?: unknown; token?: string } = {},
): Promise<T> => {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      accept: 'application/json',
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
};

export const getJson = <T>(url: string): Promise<T> => call<T>(url);

/**
 * An article's views as the API answers them (stored plus not yet written), read with the API
 * token: an anonymous read may be a response-cache hit, whose views lag by design.
 */
export const apiViews = async ({ strapi, documentId, readToken }: BenchApp): Promise<number> =>
  (
    await call<{ data: { views: number } }>(`${strapi.url}/api/articles/${documentId}`, {
      token: readToken,
    })
  ).data.views;

/** Logs in as the bench's admin (the Super Admin): its admin JWT, as the admin panel holds it. */
export const adminToken = async (url: string): Promise<string> =>
  (await call<{ data: { token: string } }>(`${url}/admin/login`, { body: BENCH_ADMIN })).data.token;

/** Logs in as the bench's admin and makes a read-only API token (a new one per start). */
const makeReadToken = async (url: string): Promise<string> => {
  const login = { data: { token: await adminToken(url) } };
  const created = await call<{ data: { accessKey: string } }>(`${url}/admin/api-tokens`, {
    body: { name: `bench ${randomBytes(4).toString('hex')}`, type: 'read-only', lifespan: null },
    token: login.data.token,
  });
  return created.data.accessKey;
};

/**
 * The app on `db`, the views targets counting the article `documentId`; `env` over the bench's (e.g. `CACHE_ENABLED`); `name` names its CPU profile's
 * folder (`bench-results/cpu-<name>/`) with `--cpu-prof`.
 */
export const startApp = async (
  db: BenchDatabase,
  options: Options,
  documentId: string,
  { env = {}, name = db.client }: { env?: Record<string, string>; name?: string } = {},
): Promise<BenchApp> => {
  const profileDir = path.join(RESULTS_DIR, `cpu-${name}`);
  const started = Date.now();
  const strapi = await startStrapiProcess({
    database: db.env,
    secrets: generateSecrets(),
    env: { ...APP_ENV, ...env },
    nodeArgs: options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    onOutput: options.verbose ? (chunk) => process.stderr.write(chunk) : undefined,
    outputLimit: 4_000,
  });
  const bootSeconds = (Date.now() - started) / 1000;
  try {
    return {
      strapi,
      bootSeconds,
      documentId,
      readToken: await makeReadToken(strapi.url),
    };
  } catch (error) {
    await strapi.stop();
    throw error;
  }
};

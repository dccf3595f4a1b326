/**
 * The app under test: the built app started by the tests' own process helper, in production mode
 * with the bench routes open, new secrets from the app's own generator, and the example content
 * (the reference article, whose views the bench drives).
 */

import path from 'node:path';

import { REFERENCE_SLUG } from '../../src/setup';
import { generateSecrets } from '../../src/setup/secrets';
import { APP_ROOT } from '../../tests/helpers/env';
import { startStrapiProcess, type StrapiProcess } from '../../tests/helpers/process';
import type { BenchDatabase } from './database';
import type { Options } from './options';

export const RESULTS_DIR = path.join(APP_ROOT, 'bench-results');
/** How often the app writes counted views: the exactness check waits for a few. */
export const FLUSH_INTERVAL_MS = 1000;

const APP_ENV = {
  NODE_ENV: 'production',
  // Production refuses to start without listed origins; the bench calls from no browser.
  CORS_ORIGINS: 'https://www.example.com',
  SEED_EXAMPLE_CONTENT: 'true',
  BENCH_ROUTES: 'true',
  VIEWS_FLUSH_INTERVAL_MS: String(FLUSH_INTERVAL_MS),
};

export interface BenchApp {
  strapi: StrapiProcess;
  /** From spawning to the first answer of `/_health`. */
  bootSeconds: number;
  /** The reference article's document id. */
  documentId: string;
}

export const getJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
};

/** An article's views as the API answers them (stored plus not yet written). */
export const apiViews = async (url: string, documentId: string): Promise<number> =>
  (await getJson<{ data: { views: number } }>(`${url}/api/articles/${documentId}`)).data.views;

const referenceDocumentId = async (url: string): Promise<string> => {
  const found = await getJson<{ data: Array<{ documentId: string }> }>(
    `${url}/api/articles?filters[slug][$eq]=${REFERENCE_SLUG}&fields[0]=slug`,
  );
  const documentId = found.data[0]?.documentId;
  if (!documentId) throw new Error('The reference article was not seeded (SEED_EXAMPLE_CONTENT).');
  return documentId;
};

export const startApp = async (db: BenchDatabase, options: Options): Promise<BenchApp> => {
  const profileDir = path.join(RESULTS_DIR, `cpu-${db.client}`);
  const started = Date.now();
  const strapi = await startStrapiProcess({
    database: db.env,
    secrets: generateSecrets(),
    env: APP_ENV,
    nodeArgs: options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    onOutput: options.verbose ? (chunk) => process.stderr.write(chunk) : undefined,
    outputLimit: 4_000,
  });
  const bootSeconds = (Date.now() - started) / 1000;
  try {
    return { strapi, bootSeconds, documentId: await referenceDocumentId(strapi.url) };
  } catch (error) {
    await strapi.stop();
    throw error;
  }
};

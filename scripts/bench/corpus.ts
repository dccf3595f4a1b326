/**
 * The bench's corpus: the app's own large corpus (`seedScale`, scripts/seed-scale), written by
 * `npm run seed:scale -- --json` in a child process into a database of its own, which is then kept
 * as a template per database and size under `.tmp/bench-corpus/` (SQLite: the file; PostgreSQL: a
 * database named `<TEST_DATABASE_PREFIX>_tpl_<articles>_<key>`). Every measured database is a copy
 * of it, so only the first run of a day pays the seed. The key is a hash of what shapes the rows
 * (schemas, migrations, the seed's code and the app code it calls, Strapi's version, the size,
 * authors and seed) and of the UTC day, since publication dates and daily views count back from
 * the day of seeding: a template is never used once any of them changes. A new template replaces
 * the older ones of the same database and size. Table names come from the app's own schemas.
 */

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import articleSchema from '../../src/api/article/content-types/article/schema.json';
import sectionSchema from '../../src/api/section/content-types/section/schema.json';
import {
  adminQuery,
  connectTestDatabase,
  createTestDatabase,
  type DatabaseClient,
  databasePrefix,
} from '../../tests/helpers/database';
import { APP_ROOT, childProcessEnv } from '../../tests/helpers/env';
import type { SeedScaleResult } from '../seed-scale/corpus';
import { fmt, step } from './format';
import { onInterrupt } from './lifecycle';

export const ARTICLES = articleSchema.collectionName;
export const SECTIONS = sectionSchema.collectionName;
const ARTICLE = articleSchema.info.singularName;
const SECTION = sectionSchema.info.singularName;
/** How Strapi names the join table of `article.section` and its columns. */
export const SECTION_LINK = {
  table: `${ARTICLES}_section_lnk`,
  article: `${ARTICLE}_id`,
  section: `${SECTION}_id`,
};
/** How Strapi names the join table of `section.parent` (a section to itself) and its columns. */
export const SECTION_PARENT = {
  table: `${SECTIONS}_parent_lnk`,
  child: `${SECTION}_id`,
  parent: `inv_${SECTION}_id`,
};

export const CORPUS_DIR = path.join(APP_ROOT, '.tmp', 'bench-corpus');
/** Bumped when the way templates are made changes. */
const FORMAT = 1;
/**
 * What shapes the seeded rows, relative to the repository root (folders: every file under, but
 * only the schemas of `src/api`: its routes, controllers and services read rows, never shape them,
 * so a change to the read path keeps the templates; the same for the view counter's store).
 */
const KEY_SOURCES = [
  'src/api',
  'src/components',
  'src/extensions',
  'src/constants.ts',
  'src/publishing',
  // Of the view counter, only what writes the seeded view rows (its request path shapes none).
  'src/views/store.ts',
  'src/setup',
  'database/migrations',
  'config/database.ts',
  'scripts/seed-scale',
  'node_modules/@strapi/strapi/package.json',
];

export interface CorpusSpec {
  articles: number;
  authors: number;
  seed: number;
}

export interface CorpusReport extends Omit<SeedScaleResult, 'sample'> {
  sample: SeedScaleResult['sample'];
  /** Seconds the seed took (when the template was made, maybe by an earlier run). */
  seedSeconds: number;
  /** Whether this run reused a template made earlier. */
  reused: boolean;
  /** Seconds this run spent on the corpus: making the template, or nothing much. */
  seconds: number;
  key: string;
}

interface Template {
  /** What `createTestDatabase` copies: the SQLite file, or the PostgreSQL database's name. */
  source: string;
  report: CorpusReport;
}

/** A content type's schema or lifecycles under `src/api/<name>/content-types/`. */
const isSchemaFile = (name: string): boolean => name.split(path.sep).includes('content-types');

const filesUnder = (relative: string): string[] => {
  const full = path.join(APP_ROOT, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(relative, name))
    .filter((name) => fs.statSync(path.join(APP_ROOT, name)).isFile())
    .filter((name) => !name.startsWith(`src${path.sep}api${path.sep}`) || isSchemaFile(name))
    .sort();
};

/** The template's key: 16 hex digits of a hash of everything that shapes its rows, and the day. */
export const corpusKey = (client: DatabaseClient, spec: CorpusSpec, now = new Date()): string => {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ FORMAT, client, spec, day: now.toISOString().slice(0, 10) }));
  for (const file of KEY_SOURCES.flatMap(filesUnder)) {
    hash.update(`\0${file}\0`);
    hash.update(fs.readFileSync(path.join(APP_ROOT, file)));
  }
  return hash.digest('hex').slice(0, 16);
};

/** `seedScale` into the database `env` points at, by the seed:scale command in a child process. */
const runSeed = (env: Record<string, string>, spec: CorpusSpec): Promise<SeedScaleResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      path.join(APP_ROOT, 'node_modules', '.bin', 'tsx'),
      [
        path.join('scripts', 'seed-scale', 'index.ts'),
        `--articles=${spec.articles}`,
        `--authors=${spec.authors}`,
        `--seed=${spec.seed}`,
        '--json',
      ],
      {
        cwd: APP_ROOT,
        // Its progress bar (stderr) shows; stdout is the result.
        stdio: ['ignore', 'pipe', 'inherit'],
        env: childProcessEnv(env),
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`seed:scale exited with ${code}: ${out.slice(-2_000)}`));
        return;
      }
      resolve(JSON.parse(last) as SeedScaleResult);
    });
  });

const reportOf = (
  result: SeedScaleResult & { seconds?: number },
  key: string,
  reused: boolean,
  seconds: number,
): CorpusReport => {
  const { seconds: seedSeconds = seconds, ...rest } = result;
  return { ...rest, seedSeconds, reused, seconds, key };
};

const metaFile = (client: DatabaseClient, articles: number, key: string) =>
  path.join(CORPUS_DIR, `${client}-${articles}-${key}.json`);

/** Removes the files of every template of `client` at `articles` (before making a new one). */
const pruneFiles = (client: DatabaseClient, articles: number): void => {
  if (!fs.existsSync(CORPUS_DIR)) return;
  const prefix = `${client}-${articles}-`;
  for (const name of fs.readdirSync(CORPUS_DIR)) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(CORPUS_DIR, name), { force: true });
  }
};

/** Seeds a new database, then keeps it: `keep` moves it where the template lives. */
const makeTemplate = async (
  client: DatabaseClient,
  spec: CorpusSpec,
  key: string,
  keep: (env: Record<string, string>) => Promise<void>,
): Promise<CorpusReport> => {
  const started = Date.now();
  step(
    `seeding ${fmt(spec.articles)} articles with seedScale (${fmt(spec.authors)} authors, seed ${spec.seed}); kept as template ${key} ...`,
  );
  const db = await createTestDatabase(client);
  const forget = onInterrupt(() => db.drop());
  try {
    const result = await runSeed(db.env, spec);
    await keep(db.env);
    const report = reportOf(result, key, false, (Date.now() - started) / 1000);
    fs.mkdirSync(CORPUS_DIR, { recursive: true });
    fs.writeFileSync(metaFile(client, spec.articles, key), JSON.stringify(report));
    return report;
  } finally {
    forget();
    await db.drop();
  }
};

const readReport = (file: string): CorpusReport | undefined => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as CorpusReport;
  } catch {
    return undefined;
  }
};

const sqliteTemplate = async (spec: CorpusSpec, key: string, reseed: boolean) => {
  const file = path.join(CORPUS_DIR, `sqlite-${spec.articles}-${key}.db`);
  const known = readReport(metaFile('sqlite', spec.articles, key));
  if (known && fs.existsSync(file) && !reseed) {
    return { source: file, report: { ...known, reused: true, seconds: 0 } };
  }
  pruneFiles('sqlite', spec.articles);
  const report = await makeTemplate('sqlite', spec, key, async (env) => {
    // Everything in the one file (the WAL written back), then moved into place.
    const knex = connectTestDatabase({ client: 'sqlite', env });
    try {
      await knex.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      await knex.destroy();
    }
    fs.mkdirSync(CORPUS_DIR, { recursive: true });
    fs.copyFileSync(env.DATABASE_FILENAME, `${file}.part`);
    fs.renameSync(`${file}.part`, file);
  });
  return { source: file, report };
};

const postgresTemplate = async (spec: CorpusSpec, key: string, reseed: boolean) => {
  const prefix = `${databasePrefix()}_tpl_${spec.articles}_`;
  const name = `${prefix}${key}`;
  const existing = await adminQuery<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`${prefix}%`],
  );
  const known = readReport(metaFile('postgres', spec.articles, key));
  if (known && existing.some((row) => row.datname === name) && !reseed) {
    return { source: name, report: { ...known, reused: true, seconds: 0 } };
  }
  for (const { datname } of existing) {
    await adminQuery(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  pruneFiles('postgres', spec.articles);
  const report = await makeTemplate('postgres', spec, key, async (env) => {
    // Renamed, not copied: the seeded database becomes the template (its drop then finds nothing).
    await adminQuery(`ALTER DATABASE "${env.DATABASE_NAME}" RENAME TO "${name}"`);
  });
  return { source: name, report };
};

/**
 * The template of `spec` on `client`, made when missing or stale (or when `reseed`): what to copy
 * each measured database from, and what the seed reported (its `sample` page).
 */
export const corpusTemplate = async (
  client: DatabaseClient,
  spec: CorpusSpec,
  { reseed = false }: { reseed?: boolean } = {},
): Promise<Template> => {
  const key = corpusKey(client, spec);
  const template =
    client === 'postgres'
      ? await postgresTemplate(spec, key, reseed)
      : await sqliteTemplate(spec, key, reseed);
  const { report } = template;
  step(
    report.reused
      ? `corpus: template ${key} reused (${fmt(report.articles)} articles, seeded in ${report.seedSeconds.toFixed(1)} s by an earlier run)`
      : `corpus: seeded in ${report.seedSeconds.toFixed(1)} s (${report.seconds.toFixed(1)} s with the seed's boot and the copy): ${fmt(report.articles)} articles, ${report.sections} sections, ${report.authors} authors, ${fmt(report.dailyViewRows)} daily view rows`,
  );
  return template;
};

/**
 * `npm run seed:scale -- --articles 100000`: the large corpus (./corpus.ts) written into the app's
 * database (DATABASE_* from the environment, then `.env`), through the compiled app in dist/,
 * which makes the schema when it boots. Prints the time taken and the database's size.
 * docs/benchmarks.md, "Seeding a large corpus".
 */

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { type Core, createStrapi } from '@strapi/strapi';

import { APP_ROOT } from '../../tests/helpers/env';
import { runCommand, wholeNumber } from '../cli-options';
import { seedScale } from './corpus';
import { duration, progressBar } from './progress';

const HELP = `npm run seed:scale -- [--articles N] [--authors N] [--batch N] [--seed N] [--json]

Adds a large published corpus to the app's database (DATABASE_* from the environment, then
.env): a 3-level section tree (78 sections), authors, and N articles of 300 to 1,200 words with
1 to 3 authors each, published over the last year, each with a draft and a published version,
an SEO component, a publishing log line and daily views. Sections and authors already there
(by name) are reused; slugs that are taken get the next free suffix, as in the admin.
Needs the compiled app (npx tsc -p tsconfig.json or npm run build). Stop the app first, or
restart it after: it does not see rows written behind its back in its caches.

  --articles N   articles to add (default 100000)
  --authors N    authors to have (default 300)
  --batch N      articles per transaction (default 500)
  --seed N       seed of the made-up text: same seed and size, same corpus (default 1)
  --json         print what was seeded as one JSON line (seedScale's result), for scripts
  -h, --help     this help`;

interface Options {
  articles: number;
  authors: number;
  batch: number;
  seed: number;
  json: boolean;
}

const parse = (argv: string[]): Options | undefined => {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      articles: { type: 'string' },
      authors: { type: 'string' },
      batch: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  return {
    articles: wholeNumber('articles', values.articles) ?? 100_000,
    authors: wholeNumber('authors', values.authors) ?? 300,
    batch: wholeNumber('batch', values.batch) ?? 500,
    seed: wholeNumber('seed', values.seed) ?? 1,
    json: values.json ?? false,
  };
};

const bytes = (size: number): string =>
  size >= 1024 ** 3 ? `${(size / 1024 ** 3).toFixed(2)} GB` : `${(size / 1024 ** 2).toFixed(0)} MB`;

/** The database's size on disk: SQLite's file (and its WAL), PostgreSQL's `pg_database_size`. */
const databaseSize = async (strapi: Core.Strapi): Promise<string> => {
  const client = strapi.config.get<string>('database.connection.client');
  if (client === 'postgres') {
    const result = (await strapi.db.connection.raw(
      'SELECT pg_database_size(current_database()) AS size',
    )) as { rows: Array<{ size: string }> };
    return `${bytes(Number(result.rows[0].size))} (PostgreSQL)`;
  }
  const file = strapi.config.get<string>('database.connection.connection.filename');
  const size = ['', '-wal']
    .map((suffix) => `${file}${suffix}`)
    .filter((name) => fs.existsSync(name))
    .reduce((sum, name) => sum + fs.statSync(name).size, 0);
  const shown = path.relative(APP_ROOT, file);
  return `${bytes(size)} (SQLite ${shown.startsWith('..') ? file : shown})`;
};

const run = async (options: Options): Promise<number> => {
  const distDir = path.join(APP_ROOT, 'dist');
  if (!fs.existsSync(path.join(distDir, 'src', 'index.js'))) {
    throw new Error('dist/ is not compiled: run `npx tsc -p tsconfig.json` (or npm run build).');
  }
  const strapi = createStrapi({ appDir: APP_ROOT, distDir });
  strapi.log.level = 'error';
  await strapi.load();
  try {
    process.stderr.write('Sections and authors, through the Document Service...\n');
    const bar = progressBar('articles');
    const started = Date.now();
    const result = await seedScale(strapi, {
      articles: options.articles,
      authors: options.authors,
      batchSize: options.batch,
      seed: options.seed,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.done();
    const seconds = (Date.now() - started) / 1000;
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ ...result, seconds })}\n`);
      return 0;
    }
    process.stdout.write(
      `Seeded ${result.articles.toLocaleString('en')} articles ` +
        `(${result.sections} sections, ${result.authors} authors, ` +
        `${result.dailyViewRows.toLocaleString('en')} daily view rows) in ${duration(seconds)}; ` +
        `database ${await databaseSize(strapi)}.\n` +
        `Sample (3 authors, a 3-level section): /api/articles/slug/${result.sample.slug}\n`,
    );
    return 0;
  } finally {
    await strapi.destroy();
  }
};

runCommand('seed:scale', { help: HELP, parse, run });

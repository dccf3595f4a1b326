/**
 * The bench's command line: `node:util` `parseArgs`, three sizes (full, `--quick`, `--smoke`),
 * and the corpus sizes measured (`--articles`).
 */

import { parseArgs } from 'node:util';

import type { DatabaseClient } from '../../tests/helpers/database';
import { databaseOf, wholeNumber } from '../cli-options';

export const HELP = `npm run bench [-- options]

For each database (SQLite, then PostgreSQL) and each corpus size, starts the built app (dist/) on a
fresh copy of the seed:scale corpus of that many published articles (seeded once per database,
size and day, then kept as a template in .tmp/bench-corpus/) and drives it with autocannon: the
sample article page (3 authors, a 3-level section) cached (X-Cache: HIT) and revalidated (304) against a bare Node server sending the
same bytes, the page uncached (CACHE_ENABLED=false) against stock findOne?populate=*, the views
endpoint (exactness and shutdown checks) against a bare server answering 204, the naive counter,
a no-op route, /_health and GET /api/articles/most-read. Prints each figure's goal and whether it
is met (a miss is not a failure). Exits non-zero on a lost or double-counted view, an unexpected
status (any 5xx) or a wrong ranking. Writes bench-results/latest.json.

  --quick            smaller amounts and corpora (1,000 and 10,000 articles)
  --smoke            tiny amounts and corpus, every target once (seconds per database): a check
  --articles=LIST    corpus sizes, e.g. 1000,100000 (default; --quick 1000,10000; --smoke 100)
  --reseed           seed the corpus again even when a template of it is kept in .tmp/bench-corpus
  --db=LIST          sqlite, postgres or sqlite,postgres (default: both)
  --amount=N         requests per measured target
  --connections=N    autocannon connections (default 50)
  --no-build         use dist/ as it is (default: compile with tsc first)
  --no-ranking       skip the most-read measurement
  --cpu-prof         the app writes a .cpuprofile per database into bench-results/cpu-<db>/
  --verbose          the app's log on stderr
  -h, --help         this text

PostgreSQL: the tests' server, 127.0.0.1:5432, user postgres (TEST_PG_HOST, TEST_PG_PORT,
TEST_PG_USER, TEST_PG_PASSWORD). The app runs with BENCH_ROUTES=true: bench only.`;

export type Size = 'full' | 'quick' | 'smoke';

/** How long each most-read query is driven: for `seconds`, or for `amount` requests. */
export type RankingRun = { seconds: number } | { amount: number };

export interface Options {
  size: Size;
  databases: DatabaseClient[];
  /** Requests per measured target, split over `rounds`. */
  amount: number;
  warmup: number;
  connections: number;
  rounds: number;
  build: boolean;
  ranking: boolean;
  cpuProf: boolean;
  verbose: boolean;
  /** Corpus sizes measured, smallest first: every figure at the largest is compared to the smallest. */
  articles: number[];
  /** Authors of the corpus (seedScale's `authors`). */
  authors: number;
  /** Seed of the corpus's made-up text. */
  seed: number;
  /** Seed the corpus even when a template of it is kept. */
  reseed: boolean;
  rankingRun: RankingRun;
  /** Views sent just before SIGTERM. */
  shutdownBurst: number;
}

const SIZES: Record<
  Size,
  Pick<Options, 'amount' | 'rounds' | 'articles' | 'authors' | 'rankingRun'> & { floor: number }
> = {
  full: {
    amount: 20_000,
    rounds: 4,
    articles: [1_000, 100_000],
    authors: 300,
    rankingRun: { seconds: 4 },
    floor: 1_000,
  },
  quick: {
    amount: 5_000,
    rounds: 2,
    articles: [1_000, 10_000],
    authors: 300,
    rankingRun: { seconds: 3 },
    floor: 1_000,
  },
  smoke: {
    amount: 200,
    rounds: 1,
    articles: [100],
    authors: 20,
    rankingRun: { amount: 20 },
    floor: 50,
  },
};

const databasesOf = (list = 'sqlite,postgres'): DatabaseClient[] => list.split(',').map(databaseOf);

/** `--articles=1000,100000`: distinct whole numbers, smallest first. */
const articlesOf = (list: string | undefined): number[] | undefined =>
  list === undefined
    ? undefined
    : [...new Set(list.split(',').map((item) => wholeNumber('articles', item.trim()) ?? 0))].sort(
        (a, b) => a - b,
      );

const read = (argv: string[]) =>
  parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean' },
      smoke: { type: 'boolean' },
      db: { type: 'string' },
      articles: { type: 'string' },
      amount: { type: 'string' },
      connections: { type: 'string' },
      'no-build': { type: 'boolean' },
      'no-ranking': { type: 'boolean' },
      'cpu-prof': { type: 'boolean' },
      reseed: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;

/** The options of `argv`, or `undefined` when `--help` was asked for. Throws on a bad option. */
export const parseOptions = (argv: string[]): Options | undefined => {
  const values = read(argv);
  if (values.help) return undefined;
  if (values.quick && values.smoke) throw new Error('--quick or --smoke, not both.');
  const size: Size = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
  const { floor, ...preset } = SIZES[size];
  const amount = wholeNumber('amount', values.amount) ?? preset.amount;
  const tenth = Math.round(amount / 10);
  return {
    ...preset,
    size,
    databases: databasesOf(values.db),
    articles: articlesOf(values.articles) ?? preset.articles,
    amount,
    warmup: Math.max(floor / 2, tenth),
    connections: wholeNumber('connections', values.connections) ?? 50,
    build: !values['no-build'],
    ranking: !values['no-ranking'],
    cpuProf: values['cpu-prof'] ?? false,
    seed: 1,
    reseed: values.reseed ?? false,
    verbose: values.verbose ?? false,
    shutdownBurst: Math.max(floor, tenth),
  };
};

/** The bench's command line: `node:util` `parseArgs`, three sizes (full, `--quick`, `--smoke`). */

import { parseArgs } from 'node:util';

import type { DatabaseClient } from '../../tests/helpers/database';
import { databaseOf, wholeNumber } from '../cli-options';

export const HELP = `npm run bench [-- options]

Starts the built app (dist/) on a fresh SQLite database, then on a fresh PostgreSQL database, and
drives it with autocannon: the views endpoint (exactness and shutdown checks), the naive
read-modify-write counter, a no-op content-API route, /_health, a bare Node http server (the
ceiling), and GET /api/articles/most-read over a seeded corpus. Exits non-zero on a lost or
double-counted view, any 5xx or a wrong ranking. Writes bench-results/latest.json.

  --quick            smaller amounts and corpus (about 3 minutes)
  --smoke            tiny amounts, every target once (seconds per database): a check, not figures
  --db=LIST          sqlite, postgres or sqlite,postgres (default: both)
  --amount=N         requests per measured target
  --connections=N    autocannon connections (default 50)
  --no-build         use dist/ as it is (default: compile with tsc first)
  --no-ranking       skip the most-read corpus and measurement
  --cpu-prof         the app writes a .cpuprofile per database into bench-results/cpu-<db>/
  --verbose          the app's log on stderr
  -h, --help         this text

PostgreSQL: the tests' server, 127.0.0.1:5432, user postgres (TEST_PG_HOST, TEST_PG_PORT,
TEST_PG_USER, TEST_PG_PASSWORD). The app runs with BENCH_ROUTES=true: bench only.`;

export type Size = 'full' | 'quick' | 'smoke';

export interface Corpus {
  /** Published articles seeded for the rankings. */
  articles: number;
  /** Of them, how many get daily view rows. */
  hot: number;
  /** Daily rows per hot article, ending today. */
  days: number;
}

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
  corpus: Corpus;
  rankingRun: RankingRun;
  /** Views sent just before SIGTERM. */
  shutdownBurst: number;
}

const SIZES: Record<
  Size,
  Pick<Options, 'amount' | 'rounds' | 'corpus' | 'rankingRun'> & { floor: number }
> = {
  full: {
    amount: 20_000,
    rounds: 4,
    corpus: { articles: 100_000, hot: 2_000, days: 365 },
    rankingRun: { seconds: 4 },
    floor: 1_000,
  },
  quick: {
    amount: 5_000,
    rounds: 2,
    corpus: { articles: 10_000, hot: 200, days: 365 },
    rankingRun: { seconds: 3 },
    floor: 1_000,
  },
  smoke: {
    amount: 200,
    rounds: 1,
    corpus: { articles: 500, hot: 50, days: 40 },
    rankingRun: { amount: 20 },
    floor: 50,
  },
};

const databasesOf = (list = 'sqlite,postgres'): DatabaseClient[] => list.split(',').map(databaseOf);

const read = (argv: string[]) =>
  parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean' },
      smoke: { type: 'boolean' },
      db: { type: 'string' },
      amount: { type: 'string' },
      connections: { type: 'string' },
      'no-build': { type: 'boolean' },
      'no-ranking': { type: 'boolean' },
      'cpu-prof': { type: 'boolean' },
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
    amount,
    warmup: Math.max(floor / 2, tenth),
    connections: wholeNumber('connections', values.connections) ?? 50,
    build: !values['no-build'],
    ranking: !values['no-ranking'],
    cpuProf: values['cpu-prof'] ?? false,
    verbose: values.verbose ?? false,
    shutdownBurst: Math.max(floor, tenth),
  };
};

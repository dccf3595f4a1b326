/** The soak's command line: `node:util` `parseArgs`; a full run, or `--smoke` for CI. */

import { parseArgs } from 'node:util';

import type { DatabaseClient } from '../../tests/helpers/database';
import { databaseOf, wholeNumber } from '../cli-options';

export const HELP = `npm run soak [-- options]

Starts the built app (dist/) in production mode on a fresh database with a corpus of published
articles, then drives it with mixed traffic for --duration: article pages by slug, article lists,
most-read rankings and views (each view a new visitor). Prints the app's RSS and the p99 of each
interval, errors (non-2xx answers and socket errors), then stops the app with SIGTERM and compares
the views acknowledged (answers with counted: true) with the views stored.

Exits non-zero on any error, when the views stored differ from the views acknowledged, or (full
runs of 10 minutes or more) when RSS grows by 10 % or more between the 2nd and the 10th minute.

  --duration=SECONDS    how long the traffic runs (default 600; --smoke: 20)
  --connections=N       concurrent connections (default 50)
  --db=sqlite|postgres  the database (default sqlite)
  --interval=SECONDS    how often RSS and p99 are printed (default 30; --smoke: 5)
  --articles=N          published articles in the corpus (default 1000)
  --memory-entries=N    the app's VIEWS_MEMORY_MAX_ENTRIES (default: the app's, 100000): set it
                        below the run's visitors to soak a full dedupe window (eviction)
  --smoke               a 20-second run: a check that everything works, not figures
  --no-build            use dist/ as it is (default: compile with tsc first)
  --node-args="..."     arguments for the app's node (e.g. "--heapsnapshot-signal=SIGUSR2")
  --verbose             the app's log on stderr
  -h, --help            this text

PostgreSQL: the tests' server, 127.0.0.1:5432, user postgres (TEST_PG_HOST, TEST_PG_PORT,
TEST_PG_USER, TEST_PG_PASSWORD).`;

export interface SoakOptions {
  smoke: boolean;
  durationSeconds: number;
  connections: number;
  database: DatabaseClient;
  intervalSeconds: number;
  articles: number;
  /** VIEWS_MEMORY_MAX_ENTRIES for the app, when given. */
  memoryEntries: number | undefined;
  build: boolean;
  nodeArgs: string[];
  verbose: boolean;
}

/** The options of `argv`, or `undefined` when `--help` was asked for. Throws on a bad option. */
export const parseSoakOptions = (argv: string[]): SoakOptions | undefined => {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      db: { type: 'string' },
      interval: { type: 'string' },
      articles: { type: 'string' },
      'memory-entries': { type: 'string' },
      smoke: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      'node-args': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const smoke = values.smoke ?? false;
  return {
    smoke,
    durationSeconds: wholeNumber('duration', values.duration) ?? (smoke ? 20 : 600),
    connections: wholeNumber('connections', values.connections) ?? 50,
    database: databaseOf(values.db ?? 'sqlite'),
    intervalSeconds: wholeNumber('interval', values.interval) ?? (smoke ? 5 : 30),
    articles: wholeNumber('articles', values.articles) ?? (smoke ? 200 : 1000),
    memoryEntries: wholeNumber('memory-entries', values['memory-entries']),
    build: !values['no-build'],
    nodeArgs: (values['node-args'] ?? '').split(/\s+/).filter(Boolean),
    verbose: values.verbose ?? false,
  };
};

/**
 * `npm run soak`: the built app in production mode under mixed traffic for minutes (reads and
 * views), watching its memory, its latency, its errors and its view count. `npm run soak -- --help`
 * lists the options; docs/operations.md, "Soak test", says what it checks and the figures.
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

import { generateSecrets } from '../../src/setup/secrets';
import { DAILY_TABLE, VIEWS_TABLE } from '../../src/views/store';
import { startStrapiProcess, type StrapiProcess } from '../../tests/helpers/process';
import { compile, ensureBuilt } from '../bench/build';
import { ARTICLES, corpusTemplate } from '../bench/corpus';
import { type BenchDatabase, openDatabase } from '../bench/database';
import { fmt, say, step } from '../bench/format';
import { onInterrupt } from '../bench/lifecycle';
import { runCommand } from '../cli-options';
import { HELP, parseSoakOptions, type SoakOptions } from './options';
import { type Corpus, drive, newTally, percentile, type Tally } from './traffic';

/** RSS growth from the 2nd to the 10th minute that fails a full run. */
const MAX_GROWTH = 0.1;
const MINUTE = 60;

interface Sample {
  second: number;
  rssMb: number;
}

/** The app's resident memory in MB (Linux: /proc; elsewhere: ps). */
const rssOf = (pid: number): number => {
  const status = `/proc/${pid}/status`;
  if (fs.existsSync(status)) {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(status, 'utf8'));
    if (match) return Number(match[1]) / 1024;
  }
  return (
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) / 1024
  );
};

const sumOf = async (db: BenchDatabase, table: string): Promise<number> => {
  const [row] = (await db.knex(table).sum({ n: 'views' })) as Array<{ n: unknown }>;
  return Number(row?.n ?? 0);
};

const startApp = (db: BenchDatabase, options: SoakOptions): Promise<StrapiProcess> =>
  startStrapiProcess({
    database: db.env,
    secrets: generateSecrets(),
    env: {
      NODE_ENV: 'production',
      // Production refuses to start without listed origins; the soak calls from no browser.
      CORS_ORIGINS: 'https://www.example.com',
      SEED_EXAMPLE_CONTENT: 'true',
      // Every request comes from 127.0.0.1: a per-IP limit or cap would refuse nearly every view.
      VIEWS_RATE_LIMIT_PER_MINUTE: '0',
      VIEWS_MAX_PER_IP_PER_ARTICLE: '1000000000',
      VIEWS_FLUSH_INTERVAL_MS: '1000',
      ...(options.memoryEntries ? { VIEWS_MEMORY_MAX_ENTRIES: String(options.memoryEntries) } : {}),
    },
    nodeArgs: options.nodeArgs,
    onOutput: options.verbose ? (chunk) => process.stderr.write(chunk) : undefined,
    outputLimit: 20_000,
  });

const corpusOf = async (db: BenchDatabase): Promise<Corpus> => {
  const rows: Array<{ document_id: string; slug: string }> = await db
    .knex(ARTICLES)
    .whereNotNull('published_at')
    .select('document_id', 'slug');
  return { articles: rows.map((row) => ({ documentId: row.document_id, slug: row.slug })) };
};

const clock = (second: number): string =>
  `${Math.floor(second / 60)}:${String(Math.round(second % 60)).padStart(2, '0')}`;

/** How often RSS is read: often enough to catch the top of each garbage-collection cycle. */
const RSS_EVERY_MS = 1000;

/**
 * Reads RSS every second and prints it (the interval's highest) with the interval's p99 every
 * `intervalSeconds` while the traffic runs.
 */
const watch = (app: StrapiProcess, tally: Tally, options: SoakOptions, samples: Sample[]) => {
  const startedAt = performance.now();
  let sent = 0;
  let lastSecond = 0;
  let printedUpTo = 0;
  const read = () => {
    samples.push({ second: (performance.now() - startedAt) / 1000, rssMb: rssOf(app.pid) });
  };
  const print = () => {
    read();
    const second = (performance.now() - startedAt) / 1000;
    const elapsed = Math.max(second - lastSecond, 0.001);
    lastSecond = second;
    const recent = samples.slice(printedUpTo).map((s) => s.rssMb);
    printedUpTo = samples.length;
    const requests = tally.all.length - sent;
    sent = tally.all.length;
    const errors = Object.values(tally.non2xx).reduce((a, b) => a + b, 0) + tally.socketErrors;
    step(
      `${clock(second).padStart(5)}  RSS ${fmt(Math.max(...recent))} MB (now ${fmt(recent.at(-1))})  p99 ${fmt(percentile(tally.interval, 99))} ms  ${fmt(requests / elapsed)} req/s  views acknowledged ${fmt(tally.acknowledged)}  errors ${fmt(errors)}`,
    );
    tally.interval = [];
  };
  const reader = setInterval(read, RSS_EVERY_MS);
  const printer = setInterval(print, options.intervalSeconds * 1000);
  return () => {
    clearInterval(reader);
    clearInterval(printer);
    print();
  };
};

/**
 * RSS of the 2nd and of the 10th minute, when the run lasted that long: the highest reading in
 * each minute. RSS rises and falls by a hundred MB and more with each garbage collection; the
 * top of the cycle is what grows when something leaks, a single reading is whatever phase it hit.
 */
const growthOf = (samples: Sample[]): { at2: number; at10: number; growth: number } | undefined => {
  const last = samples.at(-1);
  if (!last || last.second < 10 * MINUTE - 1) return undefined;
  const peak = (minute: number) =>
    Math.max(
      ...samples
        .filter((s) => s.second > (minute - 1) * MINUTE && s.second <= minute * MINUTE + 1)
        .map((s) => s.rssMb),
    );
  const at2 = peak(2);
  const at10 = peak(10);
  return { at2, at10, growth: (at10 - at2) / at2 };
};

const soak = async (options: SoakOptions): Promise<number> => {
  if (options.build) compile();
  ensureBuilt('views/store.js');
  const label = options.database === 'postgres' ? 'PostgreSQL' : 'SQLite';
  say(
    `Newsroom soak: ${options.durationSeconds} s, ${options.connections} connections, ${label}${options.smoke ? ' (smoke)' : ''}`,
  );
  // The bench's corpus (seed:scale), seeded once per size and day and copied (bench/corpus.ts).
  const { source, report: seeded } = await corpusTemplate(options.database, {
    articles: options.articles,
    authors: options.smoke ? 20 : 300,
    seed: 1,
  });
  const db = await openDatabase(options.database, source);
  const forget = onInterrupt(() => db.drop());
  const failures: string[] = [];
  try {
    const app = await startApp(db, options);
    step(`app started (pid ${app.pid}), RSS ${fmt(rssOf(app.pid))} MB`);
    const corpus = await corpusOf(db);
    step(
      `corpus: ${fmt(seeded.articles)} published articles, ${fmt(seeded.dailyViewRows)} daily view rows`,
    );
    const before = { total: await sumOf(db, VIEWS_TABLE), daily: await sumOf(db, DAILY_TABLE) };

    const tally = newTally();
    const samples: Sample[] = [];
    const stopWatching = watch(app, tally, options, samples);
    await drive(
      app.url,
      corpus,
      options.connections,
      performance.now() + options.durationSeconds * 1000,
      tally,
    );
    stopWatching();

    const exit = await app.stop('SIGTERM');
    if (exit.code !== 0)
      failures.push(`the app exited with ${exit.signal ?? exit.code} on SIGTERM`);
    const stored = {
      total: (await sumOf(db, VIEWS_TABLE)) - before.total,
      daily: (await sumOf(db, DAILY_TABLE)) - before.daily,
    };

    say('\n---- soak results ----');
    step(
      `requests: ${fmt(tally.all.length)} (${Object.entries(tally.requests)
        .map(([k, n]) => `${k} ${fmt(n)}`)
        .join(', ')})`,
    );
    step(
      `p99 over the run: ${fmt(percentile(tally.all, 99))} ms (p50 ${fmt(percentile(tally.all, 50))} ms)`,
    );
    const non2xx = Object.entries(tally.non2xx);
    step(
      `non-2xx: ${non2xx.length === 0 ? 0 : non2xx.map(([key, n]) => `${key}: ${fmt(n)}`).join(', ')}; socket errors: ${fmt(tally.socketErrors)}`,
    );
    step(
      `views acknowledged ${fmt(tally.acknowledged)} (not counted ${fmt(tally.notCounted)}); stored after SIGTERM: total ${fmt(stored.total)}, daily ${fmt(stored.daily)}`,
    );
    const rss = samples.map((s) => s.rssMb);
    step(
      `RSS: min ${fmt(Math.min(...rss))} MB, max ${fmt(Math.max(...rss))} MB, last ${fmt(rss.at(-1))} MB`,
    );
    const growth = growthOf(samples);
    if (growth) {
      step(
        `RSS 2nd minute ${fmt(growth.at2)} MB -> 10th minute ${fmt(growth.at10)} MB: ${(growth.growth * 100).toFixed(1)} %`,
      );
      if (growth.growth >= MAX_GROWTH)
        failures.push(
          `RSS grew ${(growth.growth * 100).toFixed(1)} % between the 2nd and the 10th minute`,
        );
    }
    if (non2xx.length > 0 || tally.socketErrors > 0) failures.push('errors under load');
    if (stored.total !== tally.acknowledged || stored.daily !== tally.acknowledged) {
      failures.push(
        `views acknowledged ${tally.acknowledged} != stored (total ${stored.total}, daily ${stored.daily})`,
      );
    }
    if (tally.acknowledged === 0) failures.push('no view was counted');
  } finally {
    forget();
    await db.drop();
  }
  if (failures.length === 0) {
    say('\nSoak passed.');
    return 0;
  }
  say(`\nSoak FAILED:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  return 1;
};

runCommand('soak', { help: HELP, parse: parseSoakOptions, run: soak });

/**
 * Everything measured on one database: a fresh database, the app started on it, the ranking
 * corpus, the targets in turns with the views checks, the most-read queries, and the shutdown.
 */

import type { DatabaseClient } from '../../tests/helpers/database';
import { apiViews, type BenchApp, startApp } from './app';
import { type CorpusReport, seedCorpus } from './corpus';
import { type BenchDatabase, databaseVersion, openDatabase } from './database';
import { fmt, pct, say, step } from './format';
import { onInterrupt } from './lifecycle';
import type { MergedRun } from './load';
import type { Options } from './options';
import { measureRanking, type RankingRow } from './ranking';
import { measureInTurns, warmUp } from './rounds';
import {
  checkExactness,
  checkShutdown,
  type ShutdownCheck,
  type Tally,
  type ViewsCheck,
  viewsTarget,
} from './views';
import {
  healthTarget,
  type NaiveCheck,
  naiveLosses,
  naiveStored,
  naiveTarget,
  noopTarget,
} from './yardsticks';

export interface TargetResult {
  key: string;
  label: string;
  run: MergedRun;
}

export interface StackResult {
  targets: TargetResult[];
  views: ViewsCheck;
  naive: NaiveCheck;
  /** The largest share of the machine that other processes used during one measurement. */
  otherCpuShare?: number;
}

export interface DatabaseResult extends StackResult {
  database: string;
  version: string;
  bootSeconds: number;
  seed?: CorpusReport;
  mostRead?: RankingRow[];
  shutdown: ShutdownCheck;
}

/** The four targets on the app, in turns, then the views and naive checks. */
const measureStack = async (
  app: BenchApp,
  db: BenchDatabase,
  options: Options,
): Promise<StackResult> => {
  const { strapi, documentId } = app;
  const tally: Tally = { counted: 0, notCounted: 0 };
  const targets = [
    noopTarget,
    healthTarget,
    viewsTarget(documentId, tally),
    naiveTarget(documentId),
  ];
  const load = {
    server: { baseUrl: strapi.url, connections: options.connections },
    warmup: options.warmup,
    amount: options.amount,
    rounds: options.rounds,
    cpu: { pids: [strapi.pid], match: db.backendMatch },
  };
  await warmUp(targets, load);
  const apiBefore = await apiViews(strapi.url, documentId);
  const naiveBefore = await naiveStored(db, documentId);
  const { runs, otherCpuShare } = await measureInTurns(targets, load);
  const apiAfter = await apiViews(strapi.url, documentId);
  const views = await checkExactness(app, db, { measured: runs.views, tally, apiBefore, apiAfter });
  const naive = await naiveLosses(db, documentId, naiveBefore, runs.naive);
  if (otherCpuShare !== undefined && otherCpuShare > 0.1) {
    step(
      `note: other processes used up to ${pct(otherCpuShare)} of the machine during a measurement: figures are low`,
    );
  }
  return {
    targets: targets.map(({ key, label }) => ({ key, label, run: runs[key] })),
    views,
    naive,
    otherCpuShare,
  };
};

const seedStep = async (db: BenchDatabase, { corpus }: Options): Promise<CorpusReport> => {
  step(
    `seeding ${fmt(corpus.articles)} published articles, ${fmt(corpus.hot)} x ${corpus.days} daily rows (direct SQL) ...`,
  );
  const seed = await seedCorpus(db, corpus);
  step(
    `seeded in ${seed.seconds.toFixed(1)} s: ${fmt(seed.articleRows)} article rows (${fmt(seed.publishedArticles)} published), ${fmt(seed.dailyRows)} daily rows, ${fmt(seed.totalRows)} totals`,
  );
  return seed;
};

const measureApp = async (
  app: BenchApp,
  db: BenchDatabase,
  options: Options,
): Promise<DatabaseResult> => {
  step(`Strapi answered after ${app.bootSeconds.toFixed(1)} s`);
  const version = await databaseVersion(db);
  const seed = options.ranking ? await seedStep(db, options) : undefined;
  const stack = await measureStack(app, db, options);
  if (options.ranking) step(`most-read over ${fmt(options.corpus.articles)} articles ...`);
  const mostRead = options.ranking
    ? await measureRanking(app.strapi.url, db, options.rankingRun)
    : undefined;
  const shutdown = await checkShutdown(app, db, {
    amount: options.shutdownBurst,
    connections: options.connections,
  });
  return {
    database: db.label,
    version,
    bootSeconds: app.bootSeconds,
    seed,
    ...stack,
    mostRead,
    shutdown,
  };
};

export const measureDatabase = async (
  client: DatabaseClient,
  options: Options,
): Promise<DatabaseResult> => {
  const db = await openDatabase(client);
  const forget = onInterrupt(() => db.drop());
  say(`\n== ${db.label} ==`);
  try {
    const app = await startApp(db, options);
    try {
      return await measureApp(app, db, options);
    } catch (error) {
      if (error instanceof Error)
        error.message += `\n--- the app's last output ---\n${app.strapi.output()}`;
      throw error;
    } finally {
      await app.strapi.stop();
    }
  } finally {
    forget();
    await db.drop();
  }
};

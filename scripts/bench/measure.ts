/**
 * Everything measured on one database at one corpus size: a fresh copy of the corpus (seeded
 * once per database and size, corpus.ts), the app started on it with the response cache on, the
 * targets in turns with the views checks, the most-read queries and the shutdown; then the app
 * started again on the same database with the cache off for the uncached page. Each start first
 * times editors' saves (saves.ts): revisions on in the first, off in the second.
 */

import type { DatabaseClient } from '../../tests/helpers/database';
import { apiViews, type BenchApp, startApp } from './app';
import { ARTICLES, type CorpusReport, corpusTemplate } from './corpus';
import { type BenchDatabase, databaseVersion, openDatabase } from './database';
import { fmt, pct, say, step } from './format';
import { onInterrupt } from './lifecycle';
import type { MergedRun } from './load';
import type { Options } from './options';
import {
  cachedAnswer,
  cachedTargets,
  type PageAnswer,
  pagePath,
  type Sample,
  uncachedTargets,
} from './pages';
import { measureRanking, type RankingRow } from './ranking';
import { measureInTurns, type Target, warmUp } from './rounds';
import {
  measureSaves,
  savedArticle,
  type SaveResult,
  saveResultOf,
  type SaveRun,
  savesOf,
} from './saves';
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
  /** Published articles seeded (the corpus size). */
  articles: number;
  bootSeconds: number;
  seed?: CorpusReport;
  /** The cached article page as fetched before the measurements. */
  page: PageAnswer;
  mostRead?: RankingRow[];
  shutdown: ShutdownCheck;
  /** An editor's save with revisions on and off (`REVISIONS_ENABLED=false`). */
  saves: SaveResult;
}

type Load = Parameters<typeof measureInTurns>[1];

const loadOf = (app: BenchApp, db: BenchDatabase, options: Options, pids: number[] = []): Load => ({
  server: { baseUrl: app.strapi.url, connections: options.connections },
  warmup: options.warmup,
  amount: options.amount,
  rounds: options.rounds,
  cpu: { pids: [app.strapi.pid, ...pids], match: db.backendMatch },
});

const noteBusy = (otherCpuShare: number | undefined) => {
  if (otherCpuShare !== undefined && otherCpuShare > 0.1) {
    step(
      `note: other processes used up to ${pct(otherCpuShare)} of the machine during a measurement: figures are low`,
    );
  }
};

const resultsOf = (targets: Target[], runs: Record<string, MergedRun>): TargetResult[] =>
  targets.map(({ key, label }) => ({ key, label, run: runs[key] }));

/** The app's targets and the page's, in turns, then the views and naive checks. */
const measureStack = async (
  app: BenchApp,
  db: BenchDatabase,
  options: Options,
  page: { targets: Target[]; pids: number[] },
): Promise<StackResult> => {
  const { documentId } = app;
  const tally: Tally = { counted: 0, notCounted: 0 };
  const targets = [
    ...page.targets,
    noopTarget,
    healthTarget,
    viewsTarget(documentId, tally),
    naiveTarget(documentId),
  ];
  const load = loadOf(app, db, options, page.pids);
  await warmUp(targets, load);
  const apiBefore = await apiViews(app);
  const naiveBefore = await naiveStored(db, documentId);
  const { runs, otherCpuShare } = await measureInTurns(targets, load);
  const apiAfter = await apiViews(app);
  const views = await checkExactness(app, db, { measured: runs.views, tally, apiBefore, apiAfter });
  const naive = await naiveLosses(db, documentId, naiveBefore, runs.naive);
  noteBusy(otherCpuShare);
  return { targets: resultsOf(targets, runs), views, naive, otherCpuShare };
};

/** With the response cache on: the page's targets with the app's, most-read, the shutdown. */
const measureCached = async (
  app: BenchApp,
  db: BenchDatabase,
  options: Options,
  sample: Sample,
  articles: number,
) => {
  step(`Strapi answered after ${app.bootSeconds.toFixed(1)} s (CACHE_ENABLED=true)`);
  const version = await databaseVersion(db);
  const { answer, bare } = await cachedAnswer(app.strapi.url, sample);
  let stack: StackResult;
  try {
    stack = await measureStack(app, db, options, {
      targets: cachedTargets(sample, answer, bare),
      pids: bare.pid ? [bare.pid] : [],
    });
  } finally {
    await bare.stop();
  }
  if (options.ranking) step(`most-read over ${fmt(articles)} articles ...`);
  const mostRead = options.ranking
    ? await measureRanking(app.strapi.url, db, options.rankingRun)
    : undefined;
  const shutdown = await checkShutdown(app, db, {
    amount: options.shutdownBurst,
    connections: options.connections,
  });
  return { version, page: answer, stack, mostRead, shutdown, bootSeconds: app.bootSeconds };
};

/** With the response cache off (a second start on the same database): the page against stock. */
const measureUncached = async (
  app: BenchApp,
  db: BenchDatabase,
  options: Options,
  sample: Sample,
) => {
  step(`Strapi answered after ${app.bootSeconds.toFixed(1)} s (CACHE_ENABLED=false)`);
  const probe = await fetch(app.strapi.url + pagePath(sample));
  await probe.arrayBuffer();
  if (probe.headers.get('x-cache') === 'HIT') {
    step('note: the page is a cache hit with CACHE_ENABLED=false: the "uncached" figure is not');
  }
  const targets = uncachedTargets(sample);
  const load = loadOf(app, db, options);
  await warmUp(targets, load);
  const { runs, otherCpuShare } = await measureInTurns(targets, load);
  noteBusy(otherCpuShare);
  return { targets: resultsOf(targets, runs), otherCpuShare };
};

/**
 * The article the views targets count: another than the page's sample, whose views would
 * otherwise change its cached answer (and ETag) whenever the entry is rendered again, and so
 * turn the 304 target's answers into 200s.
 */
const viewedArticle = async ({ knex }: BenchDatabase, sample: Sample): Promise<string> => {
  const row: { document_id: string } | undefined = await knex(ARTICLES)
    .whereNotNull('published_at')
    .whereNot('document_id', sample.documentId)
    .orderBy('id')
    .first('document_id');
  if (!row) throw new Error('The corpus needs at least 2 articles (--articles=2 or more)');
  return row.document_id;
};

/** Starts the app, runs `measure` on it, and stops it (its last output joins an error). */
const withApp = async <T>(
  db: BenchDatabase,
  options: Options,
  sample: Sample,
  start: Parameters<typeof startApp>[3],
  measure: (app: BenchApp) => Promise<T>,
): Promise<T> => {
  const app = await startApp(db, options, await viewedArticle(db, sample), start);
  try {
    return await measure(app);
  } catch (error) {
    if (error instanceof Error)
      error.message += `\n--- the app's last output ---\n${app.strapi.output()}`;
    throw error;
  } finally {
    await app.strapi.stop();
  }
};

const maxOf = (...values: Array<number | undefined>): number | undefined => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
};

/**
 * One database at one corpus size, on a database of its own (a copy of the corpus template,
 * dropped at the end) that both starts of the app use.
 */
const measureSize = async (
  client: DatabaseClient,
  articles: number,
  options: Options,
): Promise<DatabaseResult> => {
  say(`\n== ${client === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${fmt(articles)} articles ==`);
  const { source, report: seed } = await corpusTemplate(
    client,
    { articles, authors: options.authors, seed: options.seed },
    { reseed: options.reseed },
  );
  const { sample } = seed;
  const db = await openDatabase(client, source);
  const forget = onInterrupt(() => db.drop());
  try {
    step(`sample page: /api/articles/slug/${sample.slug} (3 authors, a 3-level section)`);
    const name = `${client}-${articles}`;
    const saved = await savedArticle(db, [sample.documentId, await viewedArticle(db, sample)]);
    const saves: Partial<Record<'on' | 'off', SaveRun>> = {};
    const cached = await withApp(
      db,
      options,
      sample,
      { env: { CACHE_ENABLED: 'true', REVISIONS_ENABLED: 'true' }, name },
      async (app) => {
        saves.on = await measureSaves(app, saved, savesOf(options), 'revisions on');
        return measureCached(app, db, options, sample, articles);
      },
    );
    const uncached = await withApp(
      db,
      options,
      sample,
      { env: { CACHE_ENABLED: 'false', REVISIONS_ENABLED: 'false' }, name: `${name}-uncached` },
      async (app) => {
        saves.off = await measureSaves(app, saved, savesOf(options), 'revisions off');
        return measureUncached(app, db, options, sample);
      },
    );
    if (!saves.on || !saves.off) throw new Error('the save target was not measured');
    const { stack, ...rest } = cached;
    return {
      database: db.label,
      articles,
      seed,
      saves: saveResultOf(saves.on, saves.off),
      ...rest,
      ...stack,
      targets: [...stack.targets, ...uncached.targets],
      otherCpuShare: maxOf(stack.otherCpuShare, uncached.otherCpuShare),
    };
  } finally {
    forget();
    await db.drop();
  }
};

/** Every corpus size of `options.articles` on one database, smallest first. */
export const measureDatabase = async (
  client: DatabaseClient,
  options: Options,
): Promise<DatabaseResult[]> => {
  const results: DatabaseResult[] = [];
  for (const articles of options.articles)
    results.push(await measureSize(client, articles, options));
  return results;
};

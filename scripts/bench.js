#!/usr/bin/env node
/**
 * `npm run bench`: starts the built app (`dist/`) on a fresh SQLite database, then on a fresh
 * PostgreSQL database, and drives it with autocannon:
 *
 * - the views endpoint (`POST /api/articles/:documentId/views`), every request a distinct visitor,
 *   checking afterwards that the counted views equal the 2xx answers (in the API, in the database
 *   once flushed, and again after a SIGTERM with views still buffered);
 * - the same load through a naive read-modify-write counter (`/api/bench/naive-views`), to show
 *   the updates it loses;
 * - a no-op content-API route (`/api/bench/noop`) and `/_health`: what Strapi's stack costs alone;
 * - a bare Node `http` server answering 204: the ceiling of this machine;
 * - `GET /api/articles/most-read` for each period over 100,000 published articles and a year of
 *   daily rows (seeded with direct SQL).
 *
 * Prints a table per database and a Markdown summary, writes `bench-results/latest.json`, and
 * exits non-zero when a view is lost or double-counted, on any 5xx, or on a wrong ranking.
 *
 * Options: --quick (smaller scale, about 3 minutes), --db=sqlite|postgres (one only),
 * --amount=N (requests per measured run), --connections=N, --no-build (use dist/ as it is),
 * --no-ranking, --cpu-prof (Strapi writes a .cpuprofile per database into bench-results/),
 * --verbose (Strapi's log on stderr).
 * The app runs with BENCH_ROUTES=true, which opens /api/bench/* to the Public role: bench only.
 */
'use strict';

/* global fetch, AbortSignal */

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const app = require('./bench/app');
const cpu = require('./bench/cpu');
const load = require('./bench/load');
const ranking = require('./bench/ranking');

const REFERENCE_SLUG = 'natos-rutte-anticipates-success-of-us-peace-initiative-for-ukraine';
const RESULTS_DIR = path.join(app.ROOT, 'bench-results');
const FLUSH_INTERVAL_MS = 1000;
/** Target of the issue: counted views/s at least this share of the no-op route's requests/s. */
const NOOP_TARGET = 0.8;

// ---------------------------------------------------------------------------------------------
// Options

const parseArgs = (argv) => {
  const flags = new Map();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}" (see the header of scripts/bench.js).`);
    flags.set(match[1], match[2] ?? true);
  }
  const known = [
    'quick',
    'db',
    'amount',
    'connections',
    'no-build',
    'no-ranking',
    'cpu-prof',
    'verbose',
    'help',
  ];
  for (const flag of flags.keys()) {
    if (!known.includes(flag)) throw new Error(`Unknown option --${flag}.`);
  }
  const quick = flags.has('quick');
  const number = (name, fallback) => {
    if (!flags.has(name)) return fallback;
    const value = Number(flags.get(name));
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`--${name} must be a whole number.`);
    return value;
  };
  const databases = flags.has('db') ? String(flags.get('db')).split(',') : ['sqlite', 'postgres'];
  for (const db of databases) {
    if (!['sqlite', 'postgres'].includes(db))
      throw new Error(`--db: sqlite or postgres, not ${db}.`);
  }
  const amount = number('amount', quick ? 5000 : 20000);
  return {
    help: flags.has('help'),
    quick,
    databases,
    amount,
    warmup: Math.max(500, Math.round(amount / 10)),
    connections: number('connections', 50),
    rounds: quick ? 2 : 4,
    build: !flags.has('no-build'),
    ranking: !flags.has('no-ranking'),
    cpuProf: flags.has('cpu-prof'),
    verbose: flags.has('verbose'),
    scale: quick
      ? { articles: 10_000, hot: 200, days: 365 }
      : { articles: 100_000, hot: 2_000, days: 365 },
    rankingSeconds: quick ? 3 : 4,
    shutdownBurst: Math.max(1000, Math.round(amount / 10)),
  };
};

// ---------------------------------------------------------------------------------------------
// Output helpers

const log = (line = '') => process.stdout.write(`${line}\n`);
const step = (line) => process.stdout.write(`  ${line}\n`);
const fmt = (value, digits = 0) =>
  value === undefined || value === null || Number.isNaN(value)
    ? '-'
    : Number(value).toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
const pct = (value) =>
  value === undefined || value === null ? '-' : `${(value * 100).toFixed(1)} %`;
const ratio = (value) => (value === undefined || value === null ? '-' : `${value.toFixed(2)}x`);

const table = (headers, rows) => {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
      )
      .join('  ');
  return [
    line(headers),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
};

const markdownTable = (headers, rows) =>
  [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

// ---------------------------------------------------------------------------------------------
// Measurements

const failures = [];
const fail = (message) => {
  failures.push(message);
  step(`FAIL: ${message}`);
};

/** Fails on 5xx, connection errors or timeouts in a run; `exact` runs also need every answer 2xx. */
const checkRun = (label, run, { exact = false } = {}) => {
  if (run.fivexx > 0)
    fail(`${label}: ${run.fivexx} answers were 5xx (${JSON.stringify(run.statuses)})`);
  if (run.errors > 0 || run.timeouts > 0) {
    fail(`${label}: ${run.errors} connection errors, ${run.timeouts} timeouts`);
  }
  if (exact && run.non2xx > 0) {
    fail(`${label}: ${run.non2xx} answers were not 2xx (${JSON.stringify(run.statuses)})`);
  }
};

const summary = (target, run) => ({
  target,
  requests: run.requests,
  ok: run.ok,
  rps: run.rps,
  p50: run.latency.p50,
  p99: run.latency.p99,
  statuses: run.statuses,
  errors: run.errors,
  timeouts: run.timeouts,
  seconds: run.seconds,
});

const getJson = async (url, init) => {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
};

/** The article's views as the API answers them (stored + not yet written). */
const apiViews = async (baseUrl, documentId) =>
  (await getJson(`${baseUrl}/api/articles/${documentId}`)).data.views;

const storedViews = async (db, documentId) => {
  const row = await db.knex()('article_views').where({ document_id: documentId }).first('views');
  return row ? Number(row.views) : 0;
};

const naiveStored = async (db, documentId) => {
  const row = await db
    .knex()('bench_naive_views')
    .where({ document_id: documentId })
    .first('views');
  return row ? Number(row.views) : 0;
};

const measureBare = async (options) => {
  log('\n== bare Node http server (the ceiling) ==');
  const bare = await app.startBareServer();
  try {
    const common = { baseUrl: bare.baseUrl, path: '/', connections: options.connections };
    await load.run({ ...common, amount: options.warmup * 10 });
    const stopCpu = cpu.start({ pids: [bare.pid] });
    const run = await load.run({ ...common, amount: options.amount * 10 });
    const otherCpuShare = stopCpu();
    checkRun('bare http', run, { exact: true });
    step(`${fmt(run.rps)} requests/s, p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms`);
    if (otherCpuShare > 0.1) {
      step(
        `note: other processes used ${pct(otherCpuShare)} of the machine meanwhile: figure is low`,
      );
    }
    return { ...summary('bare Node http, 204', run), otherCpuShare };
  } finally {
    await bare.stop();
  }
};

/** Everything measured on one database. */
const measureDatabase = async (client, options) => {
  const label = client === 'postgres' ? 'PostgreSQL' : 'SQLite';
  log(`\n== ${label} ==`);
  const db = await app.createDatabase(client);
  const result = { database: label, targets: [], checks: {} };
  let strapi;
  try {
    const cpuProfDir = path.join(RESULTS_DIR, `cpu-${client}`);
    strapi = await app.startStrapi(db, {
      verbose: options.verbose,
      nodeArgs: options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [],
      extraEnv: { VIEWS_FLUSH_INTERVAL_MS: String(FLUSH_INTERVAL_MS) },
    });
    const { baseUrl } = strapi;
    step(`Strapi answered after ${(strapi.bootMs / 1000).toFixed(1)} s (${db.name})`);
    result.database_version =
      client === 'postgres'
        ? (await db.knex().raw('SHOW server_version')).rows[0].server_version
        : (await db.knex().raw('select sqlite_version() as v'))[0].v;

    const found = await getJson(
      `${baseUrl}/api/articles?filters[slug][$eq]=${REFERENCE_SLUG}&fields[0]=slug`,
    );
    const documentId = found.data[0]?.documentId;
    if (!documentId)
      throw new Error('The reference article was not seeded (SEED_EXAMPLE_CONTENT).');

    if (options.ranking) {
      step(
        `seeding ${fmt(options.scale.articles)} published articles, ${fmt(options.scale.hot)} x ${options.scale.days} daily rows (direct SQL) ...`,
      );
      result.seed = await ranking.seed(db, options.scale);
      step(
        `seeded in ${result.seed.seconds.toFixed(1)} s: ${fmt(result.seed.articleRows)} article rows (${fmt(result.seed.publishedArticles)} published), ${fmt(result.seed.dailyRows)} daily rows, ${fmt(result.seed.totalRows)} totals`,
      );
    }

    const run = (spec) => load.run({ baseUrl, connections: options.connections, ...spec });
    const cpuScope = { pids: [strapi.pid], match: client === 'postgres' ? db.name : undefined };

    // The four targets, measured in turns (`rounds` chunks each) so that a change in the
    // machine's load during the run touches them alike and their ratios stay fair.
    const viewsPath = `/api/articles/${documentId}/views`;
    let counted = 0;
    let notCounted = 0;
    const targets = [
      {
        key: 'noop',
        target: 'no-op content-API route (GET /api/bench/noop)',
        spec: { path: '/api/bench/noop' },
      },
      { key: 'health', target: "Strapi's GET /_health", spec: { path: '/_health' } },
      {
        key: 'views',
        target: 'views endpoint (POST /api/articles/:id/views)',
        spec: {
          path: viewsPath,
          method: 'POST',
          visitors: true,
          inspect: (status, body) => {
            if (status !== 200) return;
            if (body.includes('"counted":true')) counted += 1;
            else notCounted += 1;
          },
        },
        warmup: { path: viewsPath, method: 'POST', visitors: true },
      },
      {
        key: 'naive',
        target: 'naive read-modify-write (POST /api/bench/naive-views/:id)',
        spec: { path: `/api/bench/naive-views/${documentId}`, method: 'POST', visitors: true },
        // Warmed up on another key, so the measured count starts from nothing.
        warmup: {
          path: '/api/bench/naive-views/warmupwarmupwarmupwarmup',
          method: 'POST',
          visitors: true,
        },
      },
    ];
    step(`warm-up: ${fmt(options.warmup)} requests per target`);
    for (const { spec, warmup } of targets)
      await run({ ...(warmup || spec), amount: options.warmup });

    const viewsBefore = await apiViews(baseUrl, documentId);
    const naiveBefore = await naiveStored(db, documentId);
    const chunks = new Map(targets.map(({ key }) => [key, []]));
    const others = [];
    const chunk = Math.ceil(options.amount / options.rounds);
    for (let round = 1; round <= options.rounds; round += 1) {
      const line = [];
      for (const { key, spec } of targets) {
        const stopCpu = cpu.start(cpuScope);
        const measured = await run({ ...spec, amount: chunk });
        const busy = stopCpu();
        if (busy !== undefined) others.push(busy);
        chunks.get(key).push(measured);
        line.push(`${key} ${fmt(measured.rps)}/s`);
      }
      step(`round ${round}/${options.rounds}: ${line.join(', ')}`);
    }
    const viewsAfter = await apiViews(baseUrl, documentId);
    const naiveAfter = await naiveStored(db, documentId);
    const measuredRuns = Object.fromEntries(
      [...chunks].map(([key, runs]) => [key, load.merge(runs)]),
    );
    result.otherCpuShare = others.length ? Math.max(...others) : undefined;
    for (const { key, target } of targets) {
      checkRun(`${label} ${target}`, measuredRuns[key], { exact: true });
      result.targets.push({
        ...summary(target, measuredRuns[key]),
        chunks: measuredRuns[key].chunks,
      });
    }
    const measuredViews = measuredRuns.views;
    const measuredNaive = measuredRuns.naive;

    // Counted views: every visitor was new, so each 2xx answer must have counted exactly once:
    // in the answers, in the API's figure, and in the database once the buffer is written.
    await app.sleep(FLUSH_INTERVAL_MS * 2.5);
    const afterFlushApi = await apiViews(baseUrl, documentId);
    const afterFlushDb = await storedViews(db, documentId);
    result.checks.views = {
      requests: measuredViews.requests,
      answers2xx: measuredViews.ok,
      countedTrue: counted,
      countedFalse: notCounted,
      apiBefore: viewsBefore,
      apiAfter: viewsAfter,
      apiDelta: viewsAfter - viewsBefore,
      apiAfterFlush: afterFlushApi,
      dbAfterFlush: afterFlushDb,
    };
    const exact =
      counted === measuredViews.ok &&
      viewsAfter - viewsBefore === measuredViews.ok &&
      afterFlushDb === viewsAfter &&
      afterFlushApi === viewsAfter;
    result.checks.views.exact = exact;
    step(
      `views: ${fmt(counted)} answers "counted: true" of ${fmt(measuredViews.ok)} 2xx; API +${fmt(viewsAfter - viewsBefore)}; database ${fmt(afterFlushDb)} = API ${fmt(viewsAfter)}: ${exact ? 'exact' : 'MISMATCH'}`,
    );
    if (!exact)
      fail(
        `${label}: counted views differ from 2xx answers ${JSON.stringify(result.checks.views)}`,
      );

    result.checks.naive = {
      answers2xx: measuredNaive.ok,
      stored: naiveAfter - naiveBefore,
      lostUpdates: measuredNaive.ok - (naiveAfter - naiveBefore),
    };
    result.checks.naive.lostShare = result.checks.naive.lostUpdates / measuredNaive.ok;
    step(
      `naive: stored ${fmt(result.checks.naive.stored)} of ${fmt(measuredNaive.ok)} 2xx answers: ${fmt(result.checks.naive.lostUpdates)} lost`,
    );

    const noopRps = measuredRuns.noop.rps;
    result.checks.ratios = {
      viewsPerSecond: measuredViews.rps,
      viewsOverNaive: measuredViews.rps / measuredNaive.rps,
      viewsOverNoop: measuredViews.rps / noopRps,
      noopTarget: NOOP_TARGET,
      noopTargetMet: measuredViews.rps / noopRps >= NOOP_TARGET,
    };
    if (result.otherCpuShare !== undefined && result.otherCpuShare > 0.1) {
      step(
        `note: other processes used up to ${pct(result.otherCpuShare)} of the machine during a measurement: figures are low`,
      );
    }

    if (options.ranking) {
      step(`most-read over ${fmt(options.scale.articles)} articles ...`);
      result.mostRead = await ranking.measure({ baseUrl, db, seconds: options.rankingSeconds });
      for (const row of result.mostRead) {
        if (!row.correct)
          fail(
            `${label} most-read ${row.query}: top views ${JSON.stringify(row.gotTop)} but SQL says ${JSON.stringify(row.expectedTop)}`,
          );
        if (row.single.fivexx || row.loaded.fivexx)
          fail(`${label} most-read ${row.query}: 5xx answers`);
        step(
          `${row.query}: p50 ${row.single.latency.p50} ms, p99 ${row.single.latency.p99} ms (1 connection); ${fmt(row.loaded.rps)} req/s (${row.loaded.connections} connections)${row.correct ? '' : ' WRONG'}`,
        );
      }
    }

    // Shutdown: views still buffered when SIGTERM arrives must reach the database.
    const beforeBurst = await apiViews(baseUrl, documentId);
    let burstCounted = 0;
    const burst = await run({
      path: viewsPath,
      method: 'POST',
      visitors: true,
      amount: options.shutdownBurst,
      inspect: (status, body) => {
        if (status === 200 && body.includes('"counted":true')) burstCounted += 1;
      },
    });
    checkRun(`${label} views before SIGTERM`, burst, { exact: true });
    const expectedTotal = beforeBurst + burstCounted;
    const exitCode = await strapi.stop();
    strapi = undefined;
    const afterStop = await storedViews(db, documentId);
    result.checks.shutdown = {
      viewsJustBeforeSigterm: burstCounted,
      expectedStored: expectedTotal,
      storedAfterExit: afterStop,
      lost: expectedTotal - afterStop,
      exitCode,
    };
    step(
      `SIGTERM right after ${fmt(burstCounted)} more views: stored ${fmt(afterStop)}, expected ${fmt(expectedTotal)} (exit code ${exitCode})`,
    );
    if (afterStop !== expectedTotal) {
      fail(
        `${label}: ${expectedTotal - afterStop} buffered views lost at SIGTERM (stored ${afterStop}, expected ${expectedTotal})`,
      );
    }
    if (exitCode !== 0) step(`note: Strapi exited with code ${exitCode} on SIGTERM (expected 0)`);
    return result;
  } catch (error) {
    if (strapi) error.message += `\n--- Strapi's last output ---\n${strapi.log()}`;
    throw error;
  } finally {
    if (strapi) await strapi.stop().catch(() => undefined);
    await db.drop();
  }
};

// ---------------------------------------------------------------------------------------------
// Report

const printDatabase = (result, bare) => {
  log(`\n${result.database} (${result.database_version})`);
  const rows = [bare, ...result.targets].map((row) => [
    row.target,
    fmt(row.requests),
    fmt(row.ok),
    fmt(row.rps),
    fmt(row.p50),
    fmt(row.p99),
  ]);
  log(table(['target', 'requests', '2xx', 'req/s', 'p50 ms', 'p99 ms'], rows));
  const { views, naive, ratios, shutdown } = result.checks;
  log('');
  log(
    `counted vs 2xx:            ${fmt(views.countedTrue)} counted = ${fmt(views.answers2xx)} 2xx, API +${fmt(views.apiDelta)}, DB ${fmt(views.dbAfterFlush)} = API ${fmt(views.apiAfter)}: ${views.exact ? 'EQUAL' : 'NOT EQUAL'}`,
  );
  log(
    `counted at SIGTERM:        ${fmt(shutdown.storedAfterExit)} stored of ${fmt(shutdown.expectedStored)} expected: ${shutdown.lost === 0 ? 'none lost' : `${fmt(shutdown.lost)} LOST`}`,
  );
  log(
    `naive lost updates:        ${fmt(naive.lostUpdates)} of ${fmt(naive.answers2xx)} (${pct(naive.lostShare)}); stored ${fmt(naive.stored)}`,
  );
  log(`views/s over naive:        ${ratio(ratios.viewsOverNaive)}`);
  log(
    `views/s share of ceiling:  ${pct(ratios.viewsPerSecond / bare.rps)} (bare http ${fmt(bare.rps)} req/s)`,
  );
  log(
    `views/s share of no-op:    ${pct(ratios.viewsOverNoop)} (target >= ${pct(NOOP_TARGET)}: ${ratios.noopTargetMet ? 'met' : 'NOT met'})`,
  );
  if (result.otherCpuShare !== undefined) {
    log(
      `other processes' CPU:      up to ${pct(result.otherCpuShare)} of the machine during a measurement${result.otherCpuShare > 0.1 ? ' (noisy: figures are low)' : ''}`,
    );
  }
  if (result.mostRead) {
    log('');
    log(
      `GET /api/articles/most-read, ${fmt(result.seed.publishedArticles)} published articles, ${fmt(result.seed.dailyRows)} daily rows`,
    );
    log(
      table(
        [
          'query',
          'p50 ms',
          'p99 ms',
          'req/s (1 conn)',
          'req/s (10 conn)',
          'p99 ms (10 conn)',
          'checked',
        ],
        result.mostRead.map((row) => [
          row.query,
          fmt(row.single.latency.p50),
          fmt(row.single.latency.p99),
          fmt(row.single.rps),
          fmt(row.loaded.rps),
          fmt(row.loaded.latency.p99),
          row.correct ? 'ok' : 'WRONG',
        ]),
      ),
    );
  }
};

const markdown = (results, bare, machine, options) => {
  const byTarget = new Map();
  for (const result of results) {
    for (const row of result.targets) {
      byTarget.set(row.target, { ...(byTarget.get(row.target) || {}), [result.database]: row });
    }
  }
  const names = results.map((result) => result.database);
  const cell = (row) => (row ? `${fmt(row.rps)} (${fmt(row.p50)} / ${fmt(row.p99)} ms)` : '-');
  const lines = [];
  lines.push(
    `Measured by \`npm run bench${options.quick ? ' -- --quick' : ''}\` on ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, autocannon ${options.connections} connections, ${fmt(options.amount)} requests per target, production mode, loopback. Figures: 2xx answers/s (p50 / p99 latency).`,
  );
  lines.push('');
  lines.push(
    markdownTable(
      ['target', ...names],
      [
        [bare.target, ...names.map(() => cell(bare))],
        ...[...byTarget].map(([target, perDb]) => [
          target,
          ...names.map((name) => cell(perDb[name])),
        ]),
      ],
    ),
  );
  lines.push('');
  lines.push(
    markdownTable(
      ['check', ...names],
      [
        [
          'counted views = 2xx answers',
          ...results.map(
            (r) =>
              `${fmt(r.checks.views.countedTrue)} = ${fmt(r.checks.views.answers2xx)} ${r.checks.views.exact ? '(equal)' : '(NOT equal)'}`,
          ),
        ],
        ['views buffered at SIGTERM, lost', ...results.map((r) => fmt(r.checks.shutdown.lost))],
        [
          'naive recipe: lost updates',
          ...results.map(
            (r) =>
              `${fmt(r.checks.naive.lostUpdates)} of ${fmt(r.checks.naive.answers2xx)} (${pct(r.checks.naive.lostShare)})`,
          ),
        ],
        ['views/s ÷ naive req/s', ...results.map((r) => ratio(r.checks.ratios.viewsOverNaive))],
        [
          'views/s ÷ bare http',
          ...results.map((r) => pct(r.checks.ratios.viewsPerSecond / bare.rps)),
        ],
        [
          `views/s ÷ no-op route (target ≥ ${NOOP_TARGET})`,
          ...results.map((r) => ratio(r.checks.ratios.viewsOverNoop)),
        ],
      ],
    ),
  );
  const withRanking = results.filter((r) => r.mostRead);
  if (withRanking.length > 0) {
    lines.push('');
    const seed = withRanking[0].seed;
    lines.push(
      `\`GET /api/articles/most-read\` over ${fmt(seed.publishedArticles)} published articles (${fmt(seed.articleRows)} rows with drafts), ${fmt(seed.dailyRows)} daily rows (${fmt(options.scale.hot)} articles × ${options.scale.days} days) and ${fmt(seed.totalRows)} totals: latency with one connection (p50 / p99), and requests/s with 10 connections.`,
    );
    lines.push('');
    const queries = withRanking[0].mostRead.map((row) => row.query);
    lines.push(
      markdownTable(
        ['query', ...withRanking.map((r) => r.database)],
        queries.map((query) => [
          `\`?${query}\``,
          ...withRanking.map((r) => {
            const row = r.mostRead.find((item) => item.query === query);
            return `${fmt(row.single.latency.p50)} / ${fmt(row.single.latency.p99)} ms, ${fmt(row.loaded.rps)}/s`;
          }),
        ]),
      ),
    );
  }
  return lines.join('\n');
};

// ---------------------------------------------------------------------------------------------

const main = async () => {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    const header = fs.readFileSync(path.join(__dirname, 'bench.js'), 'utf8').split('*/')[0];
    log(header.replace(/^#!.*\n/, ''));
    return 0;
  }
  const startedAt = Date.now();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  if (options.build) {
    log('Compiling (tsc -p tsconfig.json) ...');
    execFileSync(
      process.execPath,
      [path.join(app.ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      {
        cwd: app.ROOT,
        stdio: 'inherit',
      },
    );
  }
  if (!fs.existsSync(path.join(app.ROOT, 'dist', 'src', 'api', 'bench', 'routes', 'bench.js'))) {
    throw new Error(
      'dist/ has no bench routes: run `npx tsc -p tsconfig.json` (or drop --no-build).',
    );
  }

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    platform: `${os.type()} ${os.release()}`,
    autocannon: require('autocannon/package.json').version,
  };
  log(
    `Newsroom bench: ${machine.cpus} cores, Node ${machine.node}, ${options.connections} connections, ${fmt(options.amount)} requests per target (warm-up ${fmt(options.warmup)})${options.quick ? ', quick' : ''}`,
  );

  const bare = await measureBare(options);
  const results = [];
  for (const client of options.databases) results.push(await measureDatabase(client, options));

  log('\n================ results ================');
  for (const result of results) printDatabase(result, bare);
  const md = markdown(results, bare, machine, options);
  log('\n---- Markdown (for the README) ----\n');
  log(md);

  const output = {
    date: new Date().toISOString(),
    seconds: (Date.now() - startedAt) / 1000,
    machine,
    options,
    bare,
    results,
    failures,
    markdown: md,
  };
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(output, null, 2)}\n`);
  log(`\nWritten: bench-results/latest.json (${output.seconds.toFixed(0)} s in all)`);
  if (failures.length > 0) {
    log(`\nFAILED (${failures.length}):`);
    for (const failure of failures) log(`- ${failure}`);
    return 1;
  }
  log('\nAll checks passed: no view lost or double-counted, no 5xx.');
  return 0;
};

main().then(
  (code) => app.shutdown(code),
  (error) => {
    process.stderr.write(`\nbench failed: ${error.stack || error}\n`);
    void app.shutdown(1);
  },
);

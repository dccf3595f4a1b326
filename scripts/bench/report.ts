/**
 * The results: a table per database on stdout, a Markdown summary for the README, and
 * `bench-results/latest.json` with every figure (latency samples left out).
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { version as autocannonVersion } from 'autocannon/package.json';

import { RESULTS_DIR } from './app';
import { fmt, markdownTable, pct, ratio, say, table } from './format';
import type { MergedRun } from './load';
import type { DatabaseResult } from './measure';
import type { Options } from './options';
import type { CeilingResult } from './yardsticks';

/** Aim of the view counter: counted views/s at least this share of the no-op route's requests/s. */
const NOOP_TARGET = 0.8;

export const machine = () => ({
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model?.trim(),
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.versions.node,
  platform: `${os.type()} ${os.release()}`,
  autocannon: autocannonVersion,
});

type Machine = ReturnType<typeof machine>;

const runOf = (result: DatabaseResult, key: string): MergedRun | undefined =>
  result.targets.find((target) => target.key === key)?.run;

export const ratiosOf = (result: DatabaseResult, ceiling: CeilingResult) => {
  const views = runOf(result, 'views')?.rps ?? NaN;
  const overNoop = views / (runOf(result, 'noop')?.rps ?? NaN);
  return {
    viewsPerSecond: views,
    viewsOverNaive: views / (runOf(result, 'naive')?.rps ?? NaN),
    viewsOverNoop: overNoop,
    viewsOverCeiling: views / ceiling.rps,
    noopTarget: NOOP_TARGET,
    noopTargetMet: overNoop >= NOOP_TARGET,
  };
};

const printTargets = (result: DatabaseResult, ceiling: CeilingResult): void => {
  const rows = [{ label: ceiling.label, run: ceiling }, ...result.targets].map(({ label, run }) => [
    label,
    fmt(run.requests),
    fmt(run.ok),
    fmt(run.rps),
    fmt(run.latency.p50),
    fmt(run.latency.p99),
  ]);
  say(table(['target', 'requests', '2xx', 'req/s', 'p50 ms', 'p99 ms'], rows));
};

const printChecks = (result: DatabaseResult, ceiling: CeilingResult): void => {
  const { views, naive, shutdown, otherCpuShare } = result;
  const ratios = ratiosOf(result, ceiling);
  say(
    `\ncounted vs 2xx:            ${fmt(views.countedTrue)} counted = ${fmt(views.answers2xx)} 2xx, API +${fmt(views.apiDelta)}, DB ${fmt(views.dbAfterFlush)} = API ${fmt(views.apiAfter)}: ${views.exact ? 'EQUAL' : 'NOT EQUAL'}`,
  );
  say(
    `counted at SIGTERM:        ${fmt(shutdown.storedAfterExit)} stored of ${fmt(shutdown.expectedStored)} expected: ${shutdown.lost === 0 ? 'none lost' : `${fmt(shutdown.lost)} LOST`}`,
  );
  say(
    `naive lost updates:        ${fmt(naive.lostUpdates)} of ${fmt(naive.answers2xx)} (${pct(naive.lostShare)}); stored ${fmt(naive.stored)}`,
  );
  say(`views/s over naive:        ${ratio(ratios.viewsOverNaive)}`);
  say(
    `views/s share of ceiling:  ${pct(ratios.viewsOverCeiling)} (bare http ${fmt(ceiling.rps)} req/s)`,
  );
  say(
    `views/s share of no-op:    ${pct(ratios.viewsOverNoop)} (target >= ${pct(NOOP_TARGET)}: ${ratios.noopTargetMet ? 'met' : 'NOT met'})`,
  );
  if (otherCpuShare === undefined) return;
  say(
    `other processes' CPU:      up to ${pct(otherCpuShare)} of the machine during a measurement${otherCpuShare > 0.1 ? ' (noisy: figures are low)' : ''}`,
  );
};

const printRanking = ({ mostRead, seed }: DatabaseResult): void => {
  if (!mostRead || !seed) return;
  say(
    `\nGET /api/articles/most-read, ${fmt(seed.publishedArticles)} published articles, ${fmt(seed.dailyRows)} daily rows`,
  );
  const headers = [
    'query',
    'p50 ms',
    'p99 ms',
    'req/s (1 conn)',
    'req/s (10 conn)',
    'p99 ms (10 conn)',
    'checked',
  ];
  const rows = mostRead.map((row) => [
    row.query,
    fmt(row.single.latency.p50),
    fmt(row.single.latency.p99),
    fmt(row.single.rps),
    fmt(row.loaded.rps),
    fmt(row.loaded.latency.p99),
    row.correct ? 'ok' : 'WRONG',
  ]);
  say(table(headers, rows));
};

export const printDatabase = (result: DatabaseResult, ceiling: CeilingResult): void => {
  say(`\n${result.database} (${result.version})`);
  printTargets(result, ceiling);
  printChecks(result, ceiling);
  printRanking(result);
};

const cell = (run?: MergedRun) =>
  run ? `${fmt(run.rps)} (${fmt(run.latency.p50)} / ${fmt(run.latency.p99)} ms)` : '-';

const targetsMarkdown = (results: DatabaseResult[], ceiling: CeilingResult): string =>
  markdownTable(
    ['target', ...results.map((result) => result.database)],
    [
      [ceiling.label, ...results.map(() => cell(ceiling))],
      ...(results[0]?.targets ?? []).map(({ key, label }) => [
        label,
        ...results.map((result) => cell(runOf(result, key))),
      ]),
    ],
  );

const checksMarkdown = (results: DatabaseResult[], ceiling: CeilingResult): string => {
  const each = (describe: (result: DatabaseResult) => string) => results.map(describe);
  const ratios = (result: DatabaseResult) => ratiosOf(result, ceiling);
  return markdownTable(
    ['check', ...each((result) => result.database)],
    [
      [
        'counted views = 2xx answers',
        ...each(
          ({ views }) =>
            `${fmt(views.countedTrue)} = ${fmt(views.answers2xx)} ${views.exact ? '(equal)' : '(NOT equal)'}`,
        ),
      ],
      ['views buffered at SIGTERM, lost', ...each(({ shutdown }) => fmt(shutdown.lost))],
      [
        'naive recipe: lost updates',
        ...each(
          ({ naive }) =>
            `${fmt(naive.lostUpdates)} of ${fmt(naive.answers2xx)} (${pct(naive.lostShare)})`,
        ),
      ],
      ['views/s ÷ naive req/s', ...each((result) => ratio(ratios(result).viewsOverNaive))],
      ['views/s ÷ bare http', ...each((result) => pct(ratios(result).viewsOverCeiling))],
      [
        `views/s ÷ no-op route (target ≥ ${NOOP_TARGET})`,
        ...each((result) => ratio(ratios(result).viewsOverNoop)),
      ],
    ],
  );
};

const rankingMarkdown = (results: DatabaseResult[], options: Options): string[] => {
  const ranked = results.filter((result) => result.mostRead && result.seed);
  const seed = ranked[0]?.seed;
  if (!seed) return [];
  const { hot, days } = options.corpus;
  const rows = (ranked[0].mostRead ?? []).map(({ query }) => [
    `\`?${query}\``,
    ...ranked.map((result) => {
      const row = result.mostRead?.find((item) => item.query === query);
      return row
        ? `${fmt(row.single.latency.p50)} / ${fmt(row.single.latency.p99)} ms, ${fmt(row.loaded.rps)}/s`
        : '-';
    }),
  ]);
  return [
    `\`GET /api/articles/most-read\` over ${fmt(seed.publishedArticles)} published articles (${fmt(seed.articleRows)} rows with drafts), ${fmt(seed.dailyRows)} daily rows (${fmt(hot)} articles × ${days} days) and ${fmt(seed.totalRows)} totals: latency with one connection (p50 / p99), and requests/s with 10 connections.`,
    markdownTable(['query', ...ranked.map((result) => result.database)], rows),
  ];
};

export const markdown = (
  results: DatabaseResult[],
  ceiling: CeilingResult,
  host: Machine,
  options: Options,
): string => {
  const command = options.size === 'full' ? 'npm run bench' : `npm run bench -- --${options.size}`;
  return [
    `Measured on ${new Date().toISOString().slice(0, 10)} by \`${command}\` on ${host.cpus} cores (${host.cpuModel}), Node ${host.node}, autocannon ${options.connections} connections, ${fmt(options.amount)} requests per target, production mode, loopback. Figures: 2xx answers/s (p50 / p99 latency).`,
    targetsMarkdown(results, ceiling),
    checksMarkdown(results, ceiling),
    ...rankingMarkdown(results, options),
  ].join('\n\n');
};

/** Writes `bench-results/latest.json`; latency samples are left out (the percentiles stay). */
export const writeResults = (output: Record<string, unknown>): string => {
  const file = path.join(RESULTS_DIR, 'latest.json');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = JSON.stringify(
    output,
    (key, value: unknown) => (key === 'latencies' ? undefined : value),
    2,
  );
  fs.writeFileSync(file, `${json}\n`);
  return path.relative(process.cwd(), file);
};

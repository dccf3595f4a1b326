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
import { type GoalRow, goalRows, SCALE_GOAL, scaleRows, unmeasuredGoals } from './goals';
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

const verdict = ({ met, note }: Pick<GoalRow, 'met' | 'note'>): string =>
  met === undefined ? '' : met ? 'met' : `MISS${note ? ` (${note})` : ''}`;

const printTargets = (result: DatabaseResult, ceiling: CeilingResult): void => {
  const rows = [
    { label: ceiling.label, run: ceiling } as Pick<GoalRow, 'label' | 'run'> & Partial<GoalRow>,
    ...goalRows(result, ceiling),
  ].map(({ label, run, over, ratio: share, goal, met, note }) => [
    label,
    fmt(run.requests),
    fmt(run.ok),
    fmt(run.rps),
    fmt(run.latency.p50),
    fmt(run.latency.p99),
    over ? `${ratio(share)} ${over}` : '',
    goal ?? '',
    verdict({ met, note }),
  ]);
  say(
    table(
      ['target', 'requests', 'expected', 'req/s', 'p50 ms', 'p99 ms', 'ratio to', 'goal', ''],
      rows,
    ),
  );
  unmeasuredGoals(result).forEach((line) => say(line));
};

/** Each target's req/s at the largest corpus against the smallest, for one database. */
export const printScale = (results: DatabaseResult[]): void => {
  const rows = scaleRows(results);
  if (rows.length === 0) return;
  const sizes = results.map((result) => result.articles);
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  say(
    `\n${results[0].database}: req/s at ${fmt(small)} articles over the same at ${fmt(large)} (goal <= ${SCALE_GOAL}x)`,
  );
  say(
    table(
      ['target', `req/s at ${fmt(small)}`, `req/s at ${fmt(large)}`, 'slowdown', ''],
      rows.map((row) => [
        row.label,
        fmt(row.small.rps),
        fmt(row.large.rps),
        ratio(row.slowdown),
        row.met ? 'met' : 'MISS',
      ]),
    ),
  );
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
    `save, revisions on ÷ off:  ${result.saves.ratio.toFixed(2)} (${result.saves.on.meanMs.toFixed(1)} ms vs ${result.saves.off.meanMs.toFixed(1)} ms mean, ${fmt(result.saves.on.saves)} saves each; goal at most 1.20)`,
  );
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
    `\nGET /api/articles/most-read, ${fmt(seed.articles)} published articles, ${fmt(seed.dailyViewRows)} daily view rows`,
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

/** A result's name in tables: its database and corpus size. */
const nameOf = (result: DatabaseResult): string =>
  `${result.database}, ${fmt(result.articles)} articles`;

export const printDatabase = (result: DatabaseResult, ceiling: CeilingResult): void => {
  say(`\n${nameOf(result)} (${result.version}; page ${fmt(result.page.bytes)} bytes)`);
  printTargets(result, ceiling);
  printChecks(result, ceiling);
  printRanking(result);
};

const cell = (run?: MergedRun) =>
  run ? `${fmt(run.rps)} (${fmt(run.latency.p50)} / ${fmt(run.latency.p99)} ms)` : '-';

const targetsMarkdown = (results: DatabaseResult[], ceiling: CeilingResult): string =>
  markdownTable(
    ['target', ...results.map(nameOf)],
    [
      [ceiling.label, ...results.map(() => cell(ceiling))],
      ...(results[0]?.targets ?? []).map(({ key, label }) => [
        label,
        ...results.map((result) => cell(runOf(result, key))),
      ]),
    ],
  );

const goalsMarkdown = (results: DatabaseResult[], ceiling: CeilingResult): string => {
  const rowsOf = results.map((result) => goalRows(result, ceiling));
  const goals = rowsOf[0]?.filter((row) => row.goal) ?? [];
  const unmeasured = [...new Set(results.flatMap(unmeasuredGoals))];
  return [
    markdownTable(
      ['target', 'goal', ...results.map(nameOf)],
      goals.map(({ key, label, goal, over }) => [
        `${label} ÷ ${over ?? '-'}`,
        goal ?? '',
        ...rowsOf.map((rows) => {
          const row = rows.find((item) => item.key === key);
          return row
            ? `${ratio(row.ratio)}, p99 ${fmt(row.run.latency.p99)} ms: ${verdict(row)}`
            : '-';
        }),
      ]),
    ),
    ...unmeasured,
  ].join('\n\n');
};

const scaleMarkdown = (results: DatabaseResult[]): string[] => {
  const databases = [...new Set(results.map((result) => result.database))];
  const perDatabase = databases.map((database) =>
    scaleRows(results.filter((result) => result.database === database)),
  );
  const first = perDatabase.find((rows) => rows.length > 0);
  if (!first) return [];
  const sizes = results.map((result) => result.articles);
  return [
    `Slowdown from ${fmt(Math.min(...sizes))} to ${fmt(Math.max(...sizes))} articles (req/s at the smaller over req/s at the larger; goal ≤ ${SCALE_GOAL}x):`,
    markdownTable(
      ['target', ...databases],
      first.map(({ key, label }) => [
        label,
        ...perDatabase.map((rows) => {
          const row = rows.find((item) => item.key === key);
          return row ? `${ratio(row.slowdown)} ${row.met ? '(met)' : '(MISS)'}` : '-';
        }),
      ]),
    ),
  ];
};

const checksMarkdown = (results: DatabaseResult[], ceiling: CeilingResult): string => {
  const each = (describe: (result: DatabaseResult) => string) => results.map(describe);
  const ratios = (result: DatabaseResult) => ratiosOf(result, ceiling);
  return markdownTable(
    ['check', ...each(nameOf)],
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

const rankingMarkdown = (results: DatabaseResult[]): string[] => {
  // At the largest corpus only.
  const largest = Math.max(...results.map((result) => result.articles));
  const ranked = results.filter(
    (result) => result.mostRead && result.seed && result.articles === largest,
  );
  const seed = ranked[0]?.seed;
  if (!seed) return [];
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
    `\`GET /api/articles/most-read\` over the seedScale corpus of ${fmt(seed.articles)} published articles (a draft row each too), ${seed.sections} sections, ${fmt(seed.authors)} authors and ${fmt(seed.dailyViewRows)} daily view rows (2 to 14 days from each publication): latency with one connection (p50 / p99), and requests/s with 10 connections.`,
    markdownTable(['query', ...ranked.map(nameOf)], rows),
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
    `Measured on ${new Date().toISOString().slice(0, 10)} by \`${command}\` on ${host.cpus} cores (${host.cpuModel}), Node ${host.node}, autocannon ${options.connections} connections, ${fmt(options.amount)} requests per target, production mode, loopback. Figures: answers/s with the expected status, 2xx (304 for the revalidation), (p50 / p99 latency); ratios to yardsticks measured in the same run.`,
    goalsMarkdown(results, ceiling),
    ...scaleMarkdown(results),
    targetsMarkdown(results, ceiling),
    checksMarkdown(results, ceiling),
    ...rankingMarkdown(results),
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

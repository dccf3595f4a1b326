/**
 * `npm run bench`: load figures and exactness checks of the view counter, on the built app, on
 * SQLite and PostgreSQL. `npm run bench -- --help` lists the options; README, "Benchmarks", says
 * what is measured and the figures.
 */

import { runCommand } from '../cli-options';
import { compile, ensureBuilt } from './build';
import { failuresOf } from './checks';
import { fmt, say } from './format';
import { goalRows } from './goals';
import { type DatabaseResult, measureDatabase } from './measure';
import { HELP, type Options, parseOptions } from './options';
import { machine, markdown, printDatabase, printScale, ratiosOf, writeResults } from './report';
import { type CeilingResult, measureCeiling } from './yardsticks';

const report = (
  options: Options,
  ceiling: CeilingResult,
  results: DatabaseResult[],
  startedAt: number,
): number => {
  say('\n================ results ================');
  results.forEach((result) => printDatabase(result, ceiling));
  options.databases.forEach((client, index) =>
    printScale(
      results.slice(index * options.articles.length, (index + 1) * options.articles.length),
    ),
  );
  const host = machine();
  const summary = markdown(results, ceiling, host, options);
  say(`\n---- Markdown (for the README) ----\n\n${summary}`);
  const failures = failuresOf(ceiling, results);
  const seconds = (Date.now() - startedAt) / 1000;
  const file = writeResults({
    date: new Date().toISOString(),
    seconds,
    machine: host,
    options,
    bare: ceiling,
    results: results.map((result) => ({
      ...result,
      ratios: ratiosOf(result, ceiling),
      goals: goalRows(result, ceiling).map(({ key, ratio, goal, met, note }) => ({
        key,
        ratio,
        goal,
        met,
        note,
      })),
    })),
    failures,
    markdown: summary,
  });
  say(`\nWritten: ${file} (${fmt(seconds)} s in all)`);
  if (failures.length === 0) {
    const rankings = options.ranking ? ', rankings as SQL computes them' : '';
    say(`\nAll checks passed: no view lost or double-counted, no 5xx${rankings}.`);
    return 0;
  }
  say(`\nFAILED (${failures.length}):\n${failures.map((failure) => `- ${failure}`).join('\n')}`);
  return 1;
};

const bench = async (options: Options): Promise<number> => {
  const startedAt = Date.now();
  if (options.build) compile();
  ensureBuilt();
  say(
    `Newsroom bench (${options.size}): ${options.connections} connections, ${fmt(options.amount)} requests per target (warm-up ${fmt(options.warmup)}), ${options.databases.join(' and ')}, ${options.articles.map((n) => fmt(n)).join(' and ')} articles`,
  );
  const ceiling = await measureCeiling(options);
  const results: DatabaseResult[] = [];
  for (const client of options.databases) results.push(...(await measureDatabase(client, options)));
  return report(options, ceiling, results, startedAt);
};

runCommand('bench', { help: HELP, parse: parseOptions, run: bench });

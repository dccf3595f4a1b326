/**
 * What fails the bench, read from the results: a lost or double-counted view, views lost at
 * SIGTERM, a wrong ranking, any 5xx, connection error or timeout, and any answer other than the
 * expected one (2xx, or 304 for a revalidation). A missed speed goal is not a failure (`goals.ts`).
 */

import type { Run } from './load';
import type { DatabaseResult } from './measure';
import type { RankingRow } from './ranking';
import type { CeilingResult } from './yardsticks';

/** `[message()]` when `failed`, else nothing. */
const when = (failed: boolean, message: () => string): string[] => (failed ? [message()] : []);

const runFailures = (label: string, measured: Run): string[] => {
  const statuses = JSON.stringify(measured.statuses);
  return [
    ...when(
      measured.fivexx > 0,
      () => `${label}: ${measured.fivexx} answers were 5xx (${statuses})`,
    ),
    ...when(
      measured.errors > 0 || measured.timeouts > 0,
      () => `${label}: ${measured.errors} connection errors, ${measured.timeouts} timeouts`,
    ),
    ...when(
      measured.non2xx > 0,
      () =>
        `${label}: ${measured.non2xx} answers were not ${measured.expect ?? '2xx'} (${statuses})`,
    ),
  ];
};

const rankingFailures = (name: string, row: RankingRow): string[] => [
  ...when(
    !row.correct,
    () =>
      `${name} most-read ${row.query}: top views ${JSON.stringify(row.gotTop)} but SQL says ${JSON.stringify(row.expectedTop)}`,
  ),
  ...when(
    row.single.fivexx + row.loaded.fivexx > 0,
    () => `${name} most-read ${row.query}: 5xx answers`,
  ),
];

const databaseFailures = ({
  database: name,
  targets,
  views,
  shutdown,
  mostRead,
}: DatabaseResult) => [
  ...targets.flatMap(({ label, run }) => runFailures(`${name} ${label}`, run)),
  ...when(
    !views.exact,
    () => `${name}: counted views differ from 2xx answers ${JSON.stringify(views)}`,
  ),
  ...runFailures(`${name} views before SIGTERM`, shutdown.burst),
  ...when(
    shutdown.lost !== 0,
    () =>
      `${name}: ${shutdown.lost} buffered views lost at SIGTERM (stored ${shutdown.storedAfterExit}, expected ${shutdown.expectedStored})`,
  ),
  ...(mostRead ?? []).flatMap((row) => rankingFailures(name, row)),
];

export const failuresOf = (ceiling: CeilingResult, results: DatabaseResult[]): string[] => [
  ...runFailures('bare http', ceiling),
  ...results.flatMap(databaseFailures),
];

/**
 * The views endpoint under load, and its two checks: every `counted: true` answer is one stored
 * view (in the answers, in the API's figure and in the database once written), and the views
 * still buffered when SIGTERM arrives are written before the app exits.
 */

import { setTimeout as sleep } from 'node:timers/promises';

import { VIEWS_TABLE } from '../../src/views/store';
import { apiViews, type BenchApp, FLUSH_INTERVAL_MS } from './app';
import { type BenchDatabase, storedCount } from './database';
import { fmt, step } from './format';
import { type Run, run } from './load';
import type { Target } from './rounds';

/** Answers of the views endpoint, by what they said. */
export interface Tally {
  counted: number;
  notCounted: number;
}

const tallying = (tally: Tally) => (status: number, body: string) => {
  if (status !== 200) return;
  if (body.includes('"counted":true')) tally.counted += 1;
  else tally.notCounted += 1;
};

const viewsPath = (documentId: string) => `/api/articles/${documentId}/views`;

/** The views target; what its measured answers said is added to `tally`. */
export const viewsTarget = (documentId: string, tally: Tally): Target => ({
  key: 'views',
  label: 'views endpoint (POST /api/articles/:id/views)',
  request: {
    path: viewsPath(documentId),
    method: 'POST',
    visitors: true,
    inspect: tallying(tally),
  },
  warmup: { path: viewsPath(documentId), method: 'POST', visitors: true },
});

export interface ViewsCheck {
  requests: number;
  answers2xx: number;
  countedTrue: number;
  countedFalse: number;
  apiBefore: number;
  apiAfter: number;
  apiDelta: number;
  apiAfterFlush: number;
  dbAfterFlush: number;
  exact: boolean;
}

/**
 * Every visitor was new, so each 2xx answer must have counted exactly once: `apiBefore` and
 * `apiAfter` are the API's figures around the measurement; then the buffer is left to be written.
 */
export const checkExactness = async (
  app: BenchApp,
  db: BenchDatabase,
  {
    measured,
    tally,
    apiBefore,
    apiAfter,
  }: { measured: Run; tally: Tally; apiBefore: number; apiAfter: number },
): Promise<ViewsCheck> => {
  await sleep(FLUSH_INTERVAL_MS * 2.5);
  const apiAfterFlush = await apiViews(app);
  const dbAfterFlush = await storedCount(db, VIEWS_TABLE, app.documentId);
  const apiDelta = apiAfter - apiBefore;
  const exact =
    tally.counted === measured.ok &&
    apiDelta === measured.ok &&
    dbAfterFlush === apiAfter &&
    apiAfterFlush === apiAfter;
  step(
    `views: ${fmt(tally.counted)} answers "counted: true" of ${fmt(measured.ok)} 2xx; API +${fmt(apiDelta)}; database ${fmt(dbAfterFlush)} = API ${fmt(apiAfter)}: ${exact ? 'exact' : 'MISMATCH'}`,
  );
  return {
    requests: measured.requests,
    answers2xx: measured.ok,
    countedTrue: tally.counted,
    countedFalse: tally.notCounted,
    apiBefore,
    apiAfter,
    apiDelta,
    apiAfterFlush,
    dbAfterFlush,
    exact,
  };
};

export interface ShutdownCheck {
  burst: Run;
  viewsJustBeforeSigterm: number;
  expectedStored: number;
  storedAfterExit: number;
  lost: number;
  exitCode: number | null;
}

/** Sends `amount` views, then SIGTERM at once: what was still buffered must reach the database. */
export const checkShutdown = async (
  app: BenchApp,
  db: BenchDatabase,
  { amount, connections }: { amount: number; connections: number },
): Promise<ShutdownCheck> => {
  const { strapi, documentId } = app;
  const before = await apiViews(app);
  const tally: Tally = { counted: 0, notCounted: 0 };
  const burst = await run({
    baseUrl: strapi.url,
    connections,
    amount,
    ...viewsTarget(documentId, tally).request,
  });
  const expectedStored = before + tally.counted;
  const { code: exitCode } = await strapi.stop('SIGTERM');
  const storedAfterExit = await storedCount(db, VIEWS_TABLE, documentId);
  step(
    `SIGTERM right after ${fmt(tally.counted)} more views: stored ${fmt(storedAfterExit)}, expected ${fmt(expectedStored)} (exit code ${exitCode})`,
  );
  if (exitCode !== 0) step(`note: the app exited with code ${exitCode} on SIGTERM (expected 0)`);
  return {
    burst,
    viewsJustBeforeSigterm: tally.counted,
    expectedStored,
    storedAfterExit,
    lost: expectedStored - storedAfterExit,
    exitCode,
  };
};

/**
 * The "save" target: an editor's save of an article's draft through the content manager (admin
 * JWT, `PUT /content-manager/collection-types/api::article.article/:documentId`), one at a time
 * as editors save, timed end to end. Measured on both starts of the app, revisions on (the
 * first) and off (`REVISIONS_ENABLED=false`, the second): a draft-only save purges no cached
 * answer, so the cache setting of each start does not weigh on it.
 */

import { performance } from 'node:perf_hooks';

import { adminToken, type BenchApp } from './app';
import { ARTICLES } from './corpus';
import type { BenchDatabase } from './database';
import { fmt, step } from './format';
import type { Options } from './options';

export interface SaveRun {
  saves: number;
  meanMs: number;
  p50Ms: number;
}

export interface SaveResult {
  on: SaveRun;
  off: SaveRun;
  /** Mean save time with revisions over without: the goal is at most 1.2. */
  ratio: number;
}

export const SAVE_GOAL = 1.2;

/** Saves per measurement: a hundredth of the requests per target, 20 at least. */
export const savesOf = (options: Options): number => Math.max(20, Math.round(options.amount / 100));

/** The article the saves edit: published, neither the page's sample nor the viewed one. */
export const savedArticle = async ({ knex }: BenchDatabase, avoid: string[]): Promise<string> => {
  const row: { document_id: string } | undefined = await knex(ARTICLES)
    .whereNotNull('published_at')
    .whereNotIn('document_id', avoid)
    .orderBy('id', 'desc')
    .first('document_id');
  if (!row) throw new Error('The corpus needs at least 3 articles for the save target');
  return row.document_id;
};

/** `count` saves of the article's title (after a few unmeasured ones), one after the other. */
export const measureSaves = async (
  app: BenchApp,
  documentId: string,
  count: number,
  label: string,
): Promise<SaveRun> => {
  const token = await adminToken(app.strapi.url);
  const url = `${app.strapi.url}/content-manager/collection-types/api::article.article/${documentId}`;
  const save = async (title: string) => {
    const response = await fetch(url, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`save: ${response.status} ${text.slice(0, 300)}`);
  };
  for (let i = 0; i < 5; i += 1) await save(`Bench warm-up ${label} ${i}`);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await save(`Bench save ${label} ${i}`);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const run = {
    saves: count,
    meanMs: times.reduce((sum, ms) => sum + ms, 0) / count,
    p50Ms: sorted[Math.floor(count / 2)],
  };
  step(
    `save (${label}): ${fmt(count)} saves, mean ${run.meanMs.toFixed(1)} ms, p50 ${run.p50Ms.toFixed(1)} ms`,
  );
  return run;
};

export const saveResultOf = (on: SaveRun, off: SaveRun): SaveResult => {
  const ratio = on.meanMs / off.meanMs;
  step(
    `save with revisions ÷ without: ${ratio.toFixed(2)} (goal at most ${SAVE_GOAL.toFixed(2)}: ${ratio <= SAVE_GOAL ? 'met' : 'NOT met'})`,
  );
  return { on, off, ratio };
};

/**
 * The read targets of issue 9 ("Measure"), judged from a run: each figure over its yardstick
 * measured in the same run, and each figure at the largest corpus over the same at the smallest.
 * A missed goal is printed, never a failure (exactness failures are `checks.ts`'s).
 */

import type { MergedRun } from './load';
import type { DatabaseResult } from './measure';
import type { CeilingResult } from './yardsticks';

/** Every figure at the largest corpus within this factor of the same at the smallest. */
export const SCALE_GOAL = 1.5;

interface Goal {
  /** The yardstick's target key, or `ceiling` (the bare server answering 204). */
  over: string;
  /** Requests/s at least this share of the yardstick's. */
  min: number;
  /** And a p99 under this many ms. */
  p99Below?: number;
  /** Only met by a response-cache hit (`X-Cache: HIT` when warmed). */
  hit?: boolean;
  /** What to say when the target could not be measured (a miss). */
  unmeasured?: string;
}

const GOALS: Record<string, Goal> = {
  page: { over: 'barePage', min: 0.4, p99Below: 20, hit: true },
  page304: {
    over: 'bare304',
    min: 0.5,
    unmeasured: 'article page, 304 (If-None-Match): not measured, the page has no ETag: MISS',
  },
  pageUncached: { over: 'stockFindOne', min: 3 },
  views: { over: 'ceiling', min: 0.1 },
};

export interface GoalRow {
  key: string;
  label: string;
  run: MergedRun;
  /** The yardstick's label, its figure's ratio, the goal in words and whether it is met. */
  over?: string;
  ratio?: number;
  goal?: string;
  met?: boolean;
  note?: string;
}

const describe = ({ min, p99Below }: Goal): string =>
  `>= ${min}x${p99Below === undefined ? '' : `, p99 < ${p99Below} ms`}`;

/** Every target of one run with its goal, when it has one. */
export const goalRows = (result: DatabaseResult, ceiling: CeilingResult): GoalRow[] =>
  result.targets.map(({ key, label, run }) => {
    const goal = GOALS[key];
    if (!goal) return { key, label, run };
    const yardstick =
      goal.over === 'ceiling'
        ? { label: ceiling.label, run: ceiling }
        : result.targets.find((target) => target.key === goal.over);
    const ratio = yardstick ? run.rps / yardstick.run.rps : undefined;
    const p99 = run.latency.p99 ?? Infinity;
    const notHit = goal.hit && result.page.xCache !== 'HIT';
    const met =
      ratio !== undefined &&
      ratio >= goal.min &&
      (goal.p99Below === undefined || p99 < goal.p99Below) &&
      !notHit;
    return {
      key,
      label,
      run,
      over: yardstick?.label,
      ratio,
      goal: describe(goal),
      met,
      ...(notHit && { note: 'not a cache hit' }),
    };
  });

/** A line for each goal whose target was not measured (the 304 without an ETag): each a miss. */
export const unmeasuredGoals = (result: DatabaseResult): string[] =>
  Object.entries(GOALS).flatMap(([key, { unmeasured }]) =>
    unmeasured && !result.targets.some((target) => target.key === key) ? [unmeasured] : [],
  );

export interface ScaleRow {
  key: string;
  label: string;
  small: MergedRun;
  large: MergedRun;
  /** Requests/s at the smallest corpus over the same at the largest (1 = no slower). */
  slowdown: number;
  met: boolean;
}

/**
 * For one database: each app target (not the bare yardsticks) at its largest corpus against its
 * smallest; none when one size was measured.
 */
export const scaleRows = (results: DatabaseResult[]): ScaleRow[] => {
  const sorted = [...results].sort((a, b) => a.articles - b.articles);
  const small = sorted[0];
  const large = sorted[sorted.length - 1];
  if (!small || !large || small === large) return [];
  return small.targets.flatMap(({ key, label, run }) => {
    const other = large.targets.find((target) => target.key === key);
    if (!other || key.startsWith('bare')) return [];
    const slowdown = run.rps / other.run.rps;
    return [{ key, label, small: run, large: other.run, slowdown, met: slowdown <= SCALE_GOAL }];
  });
};

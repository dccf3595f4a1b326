/**
 * The targets on the app, measured in turns: each gets its share of requests in every round, so
 * that a change in the machine's load during the run touches them alike and their ratios stay fair.
 */

import { type CpuScope, watchOtherCpu } from './cpu';
import { fmt, step } from './format';
import { type LoadSpec, merge, type MergedRun, type Run, run } from './load';

/** What a target sends; `baseUrl` when it is another server than the app (a bare yardstick). */
type Request = Pick<LoadSpec, 'path' | 'method' | 'headers' | 'expect' | 'visitors' | 'inspect'> &
  Partial<Pick<LoadSpec, 'baseUrl'>>;

export interface Target {
  key: string;
  label: string;
  request: Request;
  /** Warm-up requests, when they must not touch what `request` measures. */
  warmup?: Request;
  /** Its share of the amount (default 1): slow targets measured on fewer requests. */
  share?: number;
}

export interface Rounds {
  /** The chunks of each target (by key) summed into one run. */
  runs: Record<string, MergedRun>;
  /** The largest share of the machine that other processes used during one measurement. */
  otherCpuShare?: number;
}

interface Load {
  server: Pick<LoadSpec, 'baseUrl' | 'connections'>;
  warmup: number;
  amount: number;
  rounds: number;
  cpu: CpuScope;
}

export const warmUp = async (targets: Target[], load: Load): Promise<void> => {
  step(`warm-up: ${fmt(load.warmup)} requests per target`);
  for (const { request, warmup, share = 1 } of targets) {
    const amount = Math.max(1, Math.ceil(load.warmup * share));
    await run({ ...load.server, ...(warmup ?? request), amount });
  }
};

export const measureInTurns = async (targets: Target[], load: Load): Promise<Rounds> => {
  const chunks = new Map(targets.map(({ key }) => [key, [] as Run[]]));
  const others: number[] = [];
  for (let round = 1; round <= load.rounds; round += 1) {
    const line: string[] = [];
    for (const { key, request, share = 1 } of targets) {
      const amount = Math.max(1, Math.ceil((load.amount * share) / load.rounds));
      const stopWatching = watchOtherCpu(load.cpu);
      const measured = await run({ ...load.server, ...request, amount });
      const busy = stopWatching();
      if (busy !== undefined) others.push(busy);
      chunks.get(key)?.push(measured);
      line.push(`${key} ${fmt(measured.rps)}/s`);
    }
    step(`round ${round}/${load.rounds}: ${line.join(', ')}`);
  }
  const runs = Object.fromEntries([...chunks].map(([key, measured]) => [key, merge(measured)]));
  return { runs, otherCpuShare: others.length > 0 ? Math.max(...others) : undefined };
};

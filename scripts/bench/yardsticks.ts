/**
 * What the views endpoint is measured against: a bare Node `http` server (the machine's ceiling),
 * a no-op route through Strapi's whole content-API stack, Strapi's `/_health`, and the naive
 * read-modify-write counter (routed only with `BENCH_ROUTES=true`), whose lost updates are counted.
 */

import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

import { NAIVE_TABLE } from '../../src/api/bench/controllers/bench';
import type { BareAnswer } from './bare-server';
import { watchOtherCpu } from './cpu';
import { type BenchDatabase, storedCount } from './database';
import { fmt, pct, say, step } from './format';
import { merge, type MergedRun, type Run, run } from './load';
import type { Options } from './options';
import type { Target } from './rounds';

export const noopTarget: Target = {
  key: 'noop',
  label: 'no-op content-API route (GET /api/bench/noop)',
  request: { path: '/api/bench/noop' },
};

export const healthTarget: Target = {
  key: 'health',
  label: "Strapi's GET /_health",
  request: { path: '/_health' },
};

export const naiveTarget = (documentId: string): Target => ({
  key: 'naive',
  label: 'naive read-modify-write (POST /api/bench/naive-views/:id)',
  request: { path: `/api/bench/naive-views/${documentId}`, method: 'POST', visitors: true },
  // Warmed up on another key, so that the measured count starts from nothing.
  warmup: {
    path: '/api/bench/naive-views/warmupwarmupwarmupwarmup',
    method: 'POST',
    visitors: true,
  },
});

export interface NaiveCheck {
  answers2xx: number;
  stored: number;
  lostUpdates: number;
  lostShare: number;
}

export const naiveStored = (db: BenchDatabase, documentId: string): Promise<number> =>
  storedCount(db, NAIVE_TABLE, documentId);

/** Updates the naive counter lost: 2xx answers it gave minus what it stored meanwhile. */
export const naiveLosses = async (
  db: BenchDatabase,
  documentId: string,
  storedBefore: number,
  measured: Run,
): Promise<NaiveCheck> => {
  const stored = (await naiveStored(db, documentId)) - storedBefore;
  const lostUpdates = measured.ok - stored;
  step(`naive: stored ${fmt(stored)} of ${fmt(measured.ok)} 2xx answers: ${fmt(lostUpdates)} lost`);
  return { answers2xx: measured.ok, stored, lostUpdates, lostShare: lostUpdates / measured.ok };
};

export interface BareServer {
  pid?: number;
  baseUrl: string;
  stop(): Promise<void>;
}

/** A bare server (`bare-server.ts`) answering `answer`: 204 when it has no body. */
export const startBareServer = async (answer: BareAnswer = {}): Promise<BareServer> => {
  // `fork` passes on this process's `execArgv`, tsx's loader among them: the child runs TypeScript.
  const child = fork(path.join(__dirname, 'bare-server.ts'));
  child.send(answer);
  const [port] = (await once(child, 'message')) as [number];
  return {
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (!child.connected) return;
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
};

export interface CeilingResult extends MergedRun {
  label: string;
  otherCpuShare?: number;
}

/** The bare server, 10 times the amount of the other targets (it answers that much faster). */
export const measureCeiling = async (options: Options): Promise<CeilingResult> => {
  say('\n== bare Node http server (the ceiling) ==');
  const bare = await startBareServer();
  try {
    const server = { baseUrl: bare.baseUrl, path: '/', connections: options.connections };
    await run({ ...server, amount: options.warmup * 10 });
    const stopWatching = watchOtherCpu({ pids: bare.pid ? [bare.pid] : [] });
    const measured = merge([await run({ ...server, amount: options.amount * 10 })]);
    const otherCpuShare = stopWatching();
    step(
      `${fmt(measured.rps)} requests/s, p50 ${measured.latency.p50} ms, p99 ${measured.latency.p99} ms`,
    );
    if (otherCpuShare !== undefined && otherCpuShare > 0.1) {
      step(
        `note: other processes used ${pct(otherCpuShare)} of the machine meanwhile: figure is low`,
      );
    }
    return { ...measured, label: 'bare Node http, 204', otherCpuShare };
  } finally {
    await bare.stop();
  }
};

/** autocannon runs against a server on loopback, summarised into the figures the bench prints. */

import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';

export interface Latency {
  p50?: number;
  p90?: number;
  p99?: number;
  max?: number;
}

export interface Run {
  requests: number;
  /** Answers with the expected status: any 2xx, or `expect` when the run set one. */
  ok: number;
  /** Answers without it. */
  non2xx: number;
  fivexx: number;
  statuses: Record<string, number>;
  /** The one status every answer should have (e.g. 304), when not any 2xx. */
  expect?: number;
  errors: number;
  timeouts: number;
  /** From the first request to the last answer. */
  seconds: number;
  /** Expected answers per second. */
  rps: number;
  latency: Latency;
  latencies: number[];
}

export interface MergedRun extends Run {
  /** requests/s of each chunk, in the order measured. */
  chunks: number[];
}

export interface LoadSpec {
  baseUrl: string;
  path: string;
  method?: 'GET' | 'POST';
  /** Request headers over the defaults (e.g. `If-None-Match`). */
  headers?: Record<string, string>;
  /** The one status every answer should have, when not any 2xx (e.g. 304). */
  expect?: number;
  connections: number;
  /** Exact number of requests, every one answered before the run ends. */
  amount?: number;
  /** Seconds, for runs that only time. */
  duration?: number;
  /** Each request a visitor of its own (a User-Agent of its own). */
  visitors?: boolean;
  /** Sees every answer (used to count `counted: true`). */
  inspect?: (status: number, body: string) => void;
}

/** A browser-like User-Agent that `isbot` lets through, distinct per `n`: one visitor each. */
const visitorAgent = (n: number): string =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 v/${n}`;

/** What every request sends unless it says otherwise (a reader's browser asking for JSON). */
const DEFAULT_HEADERS = { 'user-agent': visitorAgent(0), accept: 'application/json' };

/** Each visitor request made in this process gets the next number (warm-ups included). */
let nextVisitor = 0;

const sumStatuses = (statuses: Record<string, number>, test: (status: number) => boolean) =>
  Object.entries(statuses)
    .filter(([status]) => test(Number(status)))
    .reduce((total, [, count]) => total + count, 0);

/** Nearest-rank percentile of sorted latencies, in ms with one decimal. */
const percentile = (sorted: Float64Array, p: number): number | undefined => {
  if (sorted.length === 0) return undefined;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank] * 10) / 10;
};

const latencyOf = (latencies: number[]): Latency => {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
  };
};

const summarise = (
  statuses: Record<string, number>,
  counts: Pick<Run, 'errors' | 'timeouts' | 'seconds'>,
  latencies: number[],
  expect?: number,
): Run => {
  const ok = sumStatuses(statuses, (status) =>
    expect === undefined ? status >= 200 && status < 300 : status === expect,
  );
  const requests = sumStatuses(statuses, () => true);
  return {
    ...counts,
    requests,
    ok,
    non2xx: requests - ok,
    fivexx: sumStatuses(statuses, (status) => status >= 500),
    statuses,
    ...(expect !== undefined && { expect }),
    rps: ok / counts.seconds,
    latency: latencyOf(latencies),
    latencies,
  };
};

/** A new visitor's request: the next User-Agent. */
const asNextVisitor = (request: autocannon.RequestData): autocannon.RequestData => {
  nextVisitor += 1;
  return { ...request, headers: { ...request.headers, 'user-agent': visitorAgent(nextVisitor) } };
};

// autocannon takes a key that is present but undefined for a hook to call: only set ones given.
const requestOf = ({
  path,
  method = 'GET',
  headers,
  visitors,
  inspect,
}: LoadSpec): autocannon.Request => ({
  method,
  path,
  // autocannon takes a request's headers in place of the defaults, not over them.
  ...(headers && { headers: { ...DEFAULT_HEADERS, ...headers } }),
  ...(visitors && { setupRequest: asNextVisitor }),
  ...(inspect && { onResponse: inspect }),
});

/** One autocannon run: `amount` makes it exact, `duration` is for timing only. */
export const run = async (spec: LoadSpec): Promise<Run> => {
  const latencies: number[] = [];
  let lastAnswerAt = 0;
  const startedAt = performance.now();
  const instance = autocannon({
    url: spec.baseUrl,
    // autocannon refuses more connections than requests (tiny warm-ups).
    connections: spec.amount ? Math.min(spec.connections, spec.amount) : spec.connections,
    timeout: 30,
    requests: [requestOf(spec)],
    headers: DEFAULT_HEADERS,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration }),
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
    lastAnswerAt = performance.now();
  });
  const result = await instance;
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, Number(count)]),
  );
  // autocannon's own duration ends on its next one-second tick, not at the last answer.
  const seconds = Math.max(lastAnswerAt - startedAt, 1) / 1000;
  const { errors, timeouts } = result;
  return summarise(statuses, { errors, timeouts, seconds }, latencies, spec.expect);
};

/**
 * Runs of one target measured in chunks (in turn with other targets), summed as if one run:
 * requests/s over their added durations, percentiles over all their latencies.
 */
export const merge = (runs: Run[]): MergedRun => {
  const statuses: Record<string, number> = {};
  runs.forEach((one) =>
    Object.entries(one.statuses).forEach(([status, count]) => {
      statuses[status] = (statuses[status] ?? 0) + count;
    }),
  );
  const add = (key: 'errors' | 'timeouts' | 'seconds') =>
    runs.reduce((total, one) => total + one[key], 0);
  const counts = {
    errors: add('errors'),
    timeouts: add('timeouts'),
    seconds: add('seconds'),
  };
  return {
    ...summarise(
      statuses,
      counts,
      runs.flatMap((one) => one.latencies),
      runs[0]?.expect,
    ),
    chunks: runs.map((one) => Math.round(one.rps)),
  };
};

'use strict';

/** autocannon runs, summarised into the figures the bench prints. */

const { performance } = require('node:perf_hooks');

const autocannon = require('autocannon');

/** A browser-like User-Agent that `isbot` lets through, distinct per `n`: one visitor each. */
const visitorAgent = (n) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 v/${n}`;

/** Each request made in this process gets the next visitor number (warm-ups included). */
let nextVisitor = 0;

const statusCounts = (result) => {
  const counts = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats || {})) {
    counts[status] = Number(count);
  }
  return counts;
};

const sumStatus = (counts, test) =>
  Object.entries(counts)
    .filter(([status]) => test(Number(status)))
    .reduce((total, [, count]) => total + count, 0);

/** Percentile of sorted latencies (nearest rank), in ms with one decimal. */
const percentile = (sorted, p) => {
  if (sorted.length === 0) return undefined;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank] * 10) / 10;
};

const latencyOf = (latencies) => {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
  };
};

/**
 * Sums runs of one target (chunks measured in turn with other targets), as if they were one:
 * requests/s over their added durations, percentiles over all their latencies.
 */
const merge = (runs) => {
  const statuses = {};
  for (const run of runs) {
    for (const [status, count] of Object.entries(run.statuses)) {
      statuses[status] = (statuses[status] || 0) + count;
    }
  }
  const add = (key) => runs.reduce((total, run) => total + run[key], 0);
  const latencies = runs.flatMap((run) => run.latencies);
  const seconds = add('seconds');
  const ok = add('ok');
  return {
    requests: add('requests'),
    ok,
    non2xx: add('non2xx'),
    fivexx: add('fivexx'),
    statuses,
    errors: add('errors'),
    timeouts: add('timeouts'),
    seconds,
    rps: ok / seconds,
    latency: latencyOf(latencies),
    latencies,
    chunks: runs.map((run) => Math.round(run.rps)),
  };
};

/**
 * One autocannon run. `amount` makes it exact (every request answered before it ends);
 * `duration` (seconds) is for timing-only runs. With `visitors`, each request carries a User-Agent
 * of its own. `inspect(status, body)` sees every response body (used to count `counted: true`).
 */
const run = async ({
  baseUrl,
  path,
  method = 'GET',
  connections = 50,
  amount,
  duration,
  visitors = false,
  inspect,
  timeout = 30,
}) => {
  const request = { method, path };
  if (visitors) {
    request.setupRequest = (req) => {
      nextVisitor += 1;
      req.headers = { ...req.headers, 'user-agent': visitorAgent(nextVisitor) };
      return req;
    };
  }
  if (inspect) request.onResponse = (status, body) => inspect(status, body);

  const options = {
    url: baseUrl,
    connections,
    timeout,
    requests: [request],
    headers: { 'user-agent': visitorAgent(0), accept: 'application/json' },
  };
  if (amount) options.amount = amount;
  else options.duration = duration;

  const latencies = [];
  let lastResponseAt = 0;
  const startedAt = performance.now();
  const instance = autocannon(options);
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
    lastResponseAt = performance.now();
  });
  const result = await instance;
  // autocannon's own `duration` ends on its next one-second tick, not at the last answer: with
  // `amount`, a 2.1 s run reads 3 s. Time from the start to the last answer instead.
  const seconds = Math.max(lastResponseAt - startedAt, 1) / 1000;

  const statuses = statusCounts(result);
  const ok = sumStatus(statuses, (status) => status >= 200 && status < 300);
  return {
    requests: ok + result.non2xx,
    ok,
    non2xx: result.non2xx,
    fivexx: sumStatus(statuses, (status) => status >= 500),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    // 2xx answers per second, from the first request to the last answer.
    rps: ok / seconds,
    latency: latencyOf(latencies),
    latencies,
  };
};

module.exports = { merge, run, visitorAgent };

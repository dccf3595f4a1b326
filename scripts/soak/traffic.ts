/**
 * The soak's traffic: `connections` loops on one keep-alive agent, each sending its next request
 * as soon as the last one is answered, until the deadline. A loop never leaves a request in
 * flight when it ends, so every view the app counted has been acknowledged to the soak by then.
 */

import http from 'node:http';
import { performance } from 'node:perf_hooks';

import { browserUserAgent } from '../../tests/helpers/user-agent';

export type Kind = 'page' | 'list' | 'most-read' | 'view';

/** How often each kind is sent, out of 100: mostly pages and views, as readers do. */
const MIX: Array<[Kind, number]> = [
  ['page', 40],
  ['list', 15],
  ['most-read', 10],
  ['view', 35],
];

const PERIODS = ['day', 'week', 'month', 'all'];

export interface Tally {
  requests: Record<Kind, number>;
  /** Non-2xx answers, by `"<status> <kind>"`. */
  non2xx: Record<string, number>;
  /** Connection resets, refusals and 30-second timeouts. */
  socketErrors: number;
  /** View answers with `counted: true`. */
  acknowledged: number;
  notCounted: number;
  /** Latencies (ms) of the current interval; emptied by whoever reports it. */
  interval: number[];
  all: number[];
}

export const newTally = (): Tally => ({
  requests: { page: 0, list: 0, 'most-read': 0, view: 0 },
  non2xx: {},
  socketErrors: 0,
  acknowledged: 0,
  notCounted: 0,
  interval: [],
  all: [],
});

export interface Corpus {
  /** Published articles: document id and slug. */
  articles: Array<{ documentId: string; slug: string }>;
}

interface Planned {
  kind: Kind;
  method: 'GET' | 'POST';
  path: string;
  userAgent: string;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

const kindOf = (roll: number): Kind => {
  let left = roll;
  for (const [kind, weight] of MIX) {
    if (left < weight) return kind;
    left -= weight;
  }
  return 'page';
};

let visitors = 0;

const plan = ({ articles }: Corpus): Planned => {
  const kind = kindOf(Math.random() * 100);
  const article = pick(articles);
  const reader = browserUserAgent('soak-reader');
  switch (kind) {
    case 'page':
      return { kind, method: 'GET', path: `/api/articles/slug/${article.slug}`, userAgent: reader };
    case 'list': {
      const page = 1 + Math.floor(Math.random() * 10);
      return {
        kind,
        method: 'GET',
        path: `/api/articles?pagination[page]=${page}&pagination[pageSize]=10&sort=originallyPublishedAt:desc`,
        userAgent: reader,
      };
    }
    case 'most-read':
      return {
        kind,
        method: 'GET',
        path: `/api/articles/most-read?period=${pick(PERIODS)}`,
        userAgent: reader,
      };
    case 'view':
      // Each view a new visitor: the dedupe window remembers every one, up to its cap.
      visitors += 1;
      return {
        kind,
        method: 'POST',
        path: `/api/articles/${article.documentId}/views`,
        userAgent: browserUserAgent(`soak-${visitors}`),
      };
  }
};

const send = (
  agent: http.Agent,
  base: URL,
  planned: Planned,
): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: planned.method,
        path: planned.path,
        headers: { 'user-agent': planned.userAgent, accept: 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.end();
  });

const record = (tally: Tally, planned: Planned, status: number, body: string): void => {
  if (status < 200 || status >= 300) {
    const key = `${status} ${planned.kind}`;
    tally.non2xx[key] = (tally.non2xx[key] ?? 0) + 1;
    return;
  }
  if (planned.kind !== 'view') return;
  const counted = (JSON.parse(body) as { data?: { counted?: boolean } }).data?.counted;
  if (counted === true) tally.acknowledged += 1;
  else tally.notCounted += 1;
};

/** Runs the traffic until `deadline` (a `performance.now()` instant); resolves once all is answered. */
export const drive = async (
  url: string,
  corpus: Corpus,
  connections: number,
  deadline: number,
  tally: Tally,
): Promise<void> => {
  const base = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const planned = plan(corpus);
      tally.requests[planned.kind] += 1;
      const started = performance.now();
      try {
        const { status, body } = await send(agent, base, planned);
        const latency = performance.now() - started;
        tally.interval.push(latency);
        tally.all.push(latency);
        record(tally, planned, status, body);
      } catch {
        tally.socketErrors += 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, loop));
  } finally {
    agent.destroy();
  }
};

/** Nearest-rank percentile, in ms. */
export const percentile = (latencies: number[], p: number): number | undefined => {
  if (latencies.length === 0) return undefined;
  const sorted = Float64Array.from(latencies).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
};

/**
 * The article page's targets: the page by slug cached (a hit of the response cache, `X-Cache: HIT`)
 * and revalidated (`If-None-Match`: 304), each against a bare Node server sending the exact bytes
 * of the same answer; and the page uncached (the app started with `CACHE_ENABLED=false`) against
 * stock `GET /api/articles/:documentId?populate=*`.
 */

import { fmt, step } from './format';
import type { Target } from './rounds';
import { type BareServer, startBareServer } from './yardsticks';

/** The article the page targets read: its slug and document id. */
export interface Sample {
  slug: string;
  documentId: string;
}

/** The cached answer as the bench fetched it, and what it said about the cache. */
export interface PageAnswer {
  status: number;
  bytes: number;
  contentType: string;
  /** `X-Cache` of the answer after warming (HIT when the response cache held it). */
  xCache?: string;
  etag?: string;
}

/** Slow targets (uncached reads) are measured on this share of the amount. */
const UNCACHED_SHARE = 0.25;

export const pagePath = ({ slug }: Sample): string => `/api/articles/slug/${slug}`;

const fetchPage = async (url: string) => {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(30_000),
  });
  const body = Buffer.from(await response.arrayBuffer());
  return { response, body };
};

/**
 * Asks for the page until the response cache answers it (at most a few times), then starts a
 * bare server sending the same bytes with the same content type and ETag.
 */
export const cachedAnswer = async (
  baseUrl: string,
  sample: Sample,
): Promise<{ answer: PageAnswer; bare: BareServer }> => {
  let page = await fetchPage(baseUrl + pagePath(sample));
  for (let tries = 1; tries < 3 && page.response.headers.get('x-cache') !== 'HIT'; tries += 1) {
    page = await fetchPage(baseUrl + pagePath(sample));
  }
  const { response, body } = page;
  if (response.status !== 200) {
    throw new Error(
      `GET ${pagePath(sample)}: ${response.status} ${body.toString().slice(0, 300)} (the sample article must be published)`,
    );
  }
  const answer: PageAnswer = {
    status: response.status,
    bytes: body.length,
    contentType: response.headers.get('content-type') ?? 'application/json',
    xCache: response.headers.get('x-cache') ?? undefined,
    etag: response.headers.get('etag') ?? undefined,
  };
  step(
    `article page: ${fmt(answer.bytes)} bytes, X-Cache ${answer.xCache ?? '(none)'}, ETag ${answer.etag ?? '(none)'}`,
  );
  if (answer.xCache !== 'HIT') {
    step(
      'note: the page is not a cache hit (no response cache, or it is off): "cached" figures are of the uncached page',
    );
  }
  if (!answer.etag) step('note: the page has no ETag: the 304 target is not measured');
  const bare = await startBareServer({
    body: body.toString('base64'),
    contentType: answer.contentType,
    etag: answer.etag,
  });
  return { answer, bare };
};

/** The cached page, its 304, and the bare server's same two answers (as the yardsticks). */
export const cachedTargets = (sample: Sample, answer: PageAnswer, bare: BareServer): Target[] => {
  const page = { path: pagePath(sample) };
  const sameBytes = { baseUrl: bare.baseUrl, path: '/' };
  const targets: Target[] = [
    {
      key: 'page',
      label: 'article page, cached (GET /api/articles/slug/:slug)',
      request: page,
    },
    { key: 'barePage', label: 'bare Node http, same bytes', request: sameBytes },
  ];
  if (!answer.etag) return targets;
  const revalidate = { headers: { 'if-none-match': answer.etag }, expect: 304 };
  return [
    ...targets,
    {
      key: 'page304',
      label: 'article page, 304 (If-None-Match)',
      request: { ...page, ...revalidate },
    },
    { key: 'bare304', label: 'bare Node http, 304', request: { ...sameBytes, ...revalidate } },
  ];
};

/** With the cache off: the page, and stock findOne with everything populated. */
export const uncachedTargets = (sample: Sample): Target[] => [
  {
    key: 'pageUncached',
    label: 'article page, uncached (CACHE_ENABLED=false)',
    request: { path: pagePath(sample) },
    share: UNCACHED_SHARE,
  },
  {
    key: 'stockFindOne',
    label: 'stock GET /api/articles/:documentId?populate=*',
    request: { path: `/api/articles/${sample.documentId}?populate=*` },
    share: UNCACHED_SHARE,
  },
];

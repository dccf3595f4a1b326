import { createHash } from 'node:crypto';

import { VIEWS_SERVICE_UID } from '../../src/constants';
import type { ViewsService } from '../../src/views';
import type { TestApp } from './strapi';

/**
 * A browser's User-Agent (one `isbot` lets through), made distinct per visitor. The visitor goes
 * in as digits of its hash: a name with random letters in it (a document id) now and then spells
 * a word `isbot` takes for a crawler's (about 1 in 3,000 ids), and the view would not count.
 */
export const browserUserAgent = (visitor: number | string = 0): string =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 reader/${createHash('sha256').update(String(visitor)).digest().readUInt32BE(0)}`;

/** `POST /api/articles/:documentId/views` as one visitor's browser. */
export const postView = (app: TestApp, documentId: string, visitor: number | string = 0) =>
  app
    .request()
    .post(`/api/articles/${documentId}/views`)
    .set('User-Agent', browserUserAgent(visitor));

/** The view counter of the Strapi under test: its service, for `flush()` and `useClock()`. */
export const viewCounter = (app: TestApp): ViewsService =>
  app.strapi.service(VIEWS_SERVICE_UID) as unknown as ViewsService;

/** An article's stored total, straight from `article_views` (undefined when it has no row). */
export const storedViews = async (
  app: TestApp,
  documentId: string,
): Promise<number | undefined> => {
  const row: { views: unknown } | undefined = await app.strapi.db
    .connection('article_views')
    .where({ document_id: documentId })
    .first();
  return row === undefined ? undefined : Number(row.views);
};

/** An article's stored views per UTC day, from `article_views_daily`. */
export const dailyViews = async (
  app: TestApp,
  documentId: string,
): Promise<Record<string, number>> => {
  const rows: Array<{ day: string; views: unknown }> = await app.strapi.db
    .connection('article_views_daily')
    .where({ document_id: documentId })
    .orderBy('day');
  return Object.fromEntries(rows.map((row) => [row.day, Number(row.views)]));
};

/** The total readers see on an article (`GET /api/articles/:documentId`, checked to be a 200). */
export const apiViews = async (app: TestApp, documentId: string): Promise<number> => {
  const res = await app.request().get(`/api/articles/${documentId}`);
  expect(res.status).toBe(200);
  return res.body.data.views as number;
};

/** An article's stored views over all days (`article_views_daily`). */
export const dailyTotal = async (app: TestApp, documentId: string): Promise<number> =>
  Object.values(await dailyViews(app, documentId)).reduce((sum, views) => sum + views, 0);

/** `POST /api/articles/:documentId/views` to a Strapi at `url` (another process), as one browser. */
export const postViewTo = async (url: string, documentId: string, visitor: number | string) => {
  const res = await fetch(`${url}/api/articles/${documentId}/views`, {
    method: 'POST',
    headers: { 'User-Agent': browserUserAgent(visitor) },
  });
  return {
    status: res.status,
    body: (await res.json()) as { data: { documentId: string; views: number; counted: boolean } },
  };
};

export interface ViewStream {
  /** Views answered 200 and counted so far. */
  readonly acknowledged: number;
  /** Views answered 200 but not counted (a new visitor each time: should stay 0). */
  readonly uncounted: number;
  /** Resolves once `n` views are acknowledged. */
  reached(n: number): Promise<void>;
  /** Resolves when every sender has stopped: the server refused a view or stopped answering. */
  readonly done: Promise<void>;
}

/**
 * Views sent to a Strapi at `url` without pause by `concurrency` senders, each view from a new
 * visitor, until the server stops answering 200 (a 503, a refused or cut connection).
 */
export const streamViews = (url: string, documentId: string, concurrency: number): ViewStream => {
  let acknowledged = 0;
  let uncounted = 0;
  let sent = 0;
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const send = async (): Promise<void> => {
    for (;;) {
      const visitor = `stream-${(sent += 1)}`;
      const res = await postViewTo(url, documentId, visitor).catch(() => undefined);
      if (res?.status !== 200) return;
      if (!res.body.data.counted) uncounted += 1;
      else acknowledged += 1;
      waiters.filter((w) => acknowledged >= w.n).forEach((w) => w.resolve());
    }
  };
  const done = Promise.all(Array.from({ length: concurrency }, send)).then(() => {
    waiters.forEach((w) => w.resolve());
  });
  return {
    get acknowledged() {
      return acknowledged;
    },
    get uncounted() {
      return uncounted;
    },
    reached: (n) =>
      acknowledged >= n
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ n, resolve })),
    done,
  };
};

import { Agent } from 'node:http';

import { VIEWS_SERVICE_UID } from '../../src/constants';
import type { ViewsService } from '../../src/views';
import type { TestApp } from './strapi';
import { browserUserAgent } from './user-agent';

export { browserUserAgent };
export { postViewTo, streamViews, type ViewStream } from './view-requests';

/** `POST /api/articles/:documentId/views` as one visitor's browser. */
export const postView = (app: TestApp, documentId: string, visitor: number | string = 0) =>
  app
    .request()
    .post(`/api/articles/${documentId}/views`)
    .set('User-Agent', browserUserAgent(visitor));

/**
 * `POST /api/articles/:documentId/views` as one visitor's browser, sent from the loopback
 * address `from` (e.g. `127.0.0.2`, a proxy the app may trust: the app listens on 127.0.0.1,
 * and Linux answers on every 127.x address), with `X-Forwarded-For: forwardedFor` if given.
 */
export const postViewFrom = (
  app: TestApp,
  documentId: string,
  visitor: number | string,
  { from, forwardedFor }: { from: string; forwardedFor?: string },
) => {
  const test = postView(app, documentId, visitor).agent(
    new Agent({ localAddress: from, keepAlive: false }),
  );
  return forwardedFor === undefined ? test : test.set('X-Forwarded-For', forwardedFor);
};

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

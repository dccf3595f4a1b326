import { setTimeout as sleep } from 'node:timers/promises';

import { createArticle } from '../helpers/fixtures';
import { startStrapiProcess, type StrapiProcess } from '../helpers/process';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { browserUserAgent, postView, storedViews, viewCounter } from '../helpers/views';

/**
 * More than one Strapi on one database: this test's app (in this process) and others started as
 * child processes with `strapi start`, sharing Redis for deduplication. The child that tests the
 * shutdown never reaches its flush interval, so what it counted reaches the database only through
 * its shutdown; the other writes every 200 ms, so its counts do not depend on the shutdown.
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

/** Every child still running: killed in `afterAll` whatever happened. */
const running = new Set<StrapiProcess>();

/** Another Strapi on the test app's database, as a child process. */
const startChild = async (app: TestApp, env: Record<string, string>) => {
  const child = await startStrapiProcess({ database: app.db.env, env });
  running.add(child);
  return child;
};

/** `POST /api/articles/:documentId/views` to a child, as one visitor's browser. */
const viewOn = (child: StrapiProcess, documentId: string, visitor: number | string) =>
  fetch(`${child.url}/api/articles/${documentId}/views`, {
    method: 'POST',
    headers: { 'User-Agent': browserUserAgent(visitor) },
  });

describe('view counting across instances', () => {
  let app: TestApp;

  /** Polls until the stored total is `expected` (another process writes it), then answers it. */
  const storedEventually = async (documentId: string, expected: number, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    let views = await storedViews(app, documentId);
    while (views !== expected && Date.now() < deadline) {
      await sleep(100);
      views = await storedViews(app, documentId);
    }
    return views;
  };

  const dailyTotal = async (documentId: string): Promise<number> => {
    const rows: Array<{ views: unknown }> = await app.strapi.db
      .connection('article_views_daily')
      .where({ document_id: documentId });
    return rows.reduce((sum, row) => sum + Number(row.views), 0);
  };

  beforeAll(async () => {
    app = await bootStrapi({ env: { REDIS_URL } });
  });
  afterAll(async () => {
    await Promise.all([...running].map((child) => child.stop('SIGKILL')));
    await stopStrapi();
  });

  describe('graceful shutdown', () => {
    it('writes every buffered view when the instance gets SIGTERM', async () => {
      const article = await createArticle(app.strapi);
      // Its flush interval is never reached: only the shutdown can write what it counted.
      const child = await startChild(app, { VIEWS_FLUSH_INTERVAL_MS: '3600000' });
      const N = 40;
      const responses = await Promise.all(
        Array.from({ length: N }, (_, i) => viewOn(child, article.documentId, `shutdown-${i}`)),
      );
      const bodies = (await Promise.all(responses.map((res) => res.json()))) as Array<{
        data: { counted: boolean; views: number };
      }>;
      expect(responses.map((res) => res.status)).toEqual(Array(N).fill(200));
      expect(bodies.filter((body) => body.data.counted)).toHaveLength(N);
      // Nothing is written yet: the views are only in the child's memory.
      expect(await storedViews(app, article.documentId)).toBeUndefined();

      const exit = await child.stop('SIGTERM');
      // One expectation, so that a failure shows what was lost and how the process ended.
      expect({
        stored: await storedViews(app, article.documentId),
        daily: await dailyTotal(article.documentId),
        exit,
      }).toEqual({ stored: N, daily: N, exit: { code: 0, signal: null } });
    });
  });

  describe('two instances sharing Redis and the database', () => {
    let other: StrapiProcess;

    beforeAll(async () => {
      other = await startChild(app, { REDIS_URL, VIEWS_FLUSH_INTERVAL_MS: '200' });
    });
    afterAll(async () => {
      await other?.stop();
    });

    it('counts a visitor seen by one instance and then the other once', async () => {
      const article = await createArticle(app.strapi);
      const { documentId } = article;
      // Visitors named after the article: no earlier run's Redis keys can match them.
      const visitor = (name: string) => `${documentId}-${name}`;

      const hereFirst = await postView(app, documentId, visitor('a'));
      expect(hereFirst.body.data).toMatchObject({ counted: true });
      const thereSecond = await viewOn(other, documentId, visitor('a'));
      expect(thereSecond.status).toBe(200);
      expect(((await thereSecond.json()) as { data: { counted: boolean } }).data.counted).toBe(
        false,
      );

      const thereFirst = await viewOn(other, documentId, visitor('b'));
      expect(((await thereFirst.json()) as { data: { counted: boolean } }).data.counted).toBe(true);
      const hereSecond = await postView(app, documentId, visitor('b'));
      expect(hereSecond.body.data.counted).toBe(false);

      // Another visitor counts on either instance.
      const third = await viewOn(other, documentId, visitor('c'));
      expect(((await third.json()) as { data: { counted: boolean } }).data.counted).toBe(true);

      // The same visitor arriving at both instances at once is counted once.
      const [here, there] = await Promise.all([
        postView(app, documentId, visitor('d')),
        viewOn(other, documentId, visitor('d')),
      ]);
      const thereBody = (await there.json()) as { data: { counted: boolean } };
      expect([here.body.data.counted, thereBody.data.counted].filter(Boolean)).toHaveLength(1);

      // Four visitors in all, once each, whichever instance wrote them.
      await viewCounter(app).flush();
      expect(await storedEventually(documentId, 4)).toBe(4);
      await sleep(500); // a few more of the other's flushes: nothing more arrives
      expect(await storedViews(app, documentId)).toBe(4);
      expect(await dailyTotal(documentId)).toBe(4);
    });

    (onPostgres ? describe : describe.skip)('on one PostgreSQL database', () => {
      it('counts 2,000 concurrent distinct views, 1,000 on each instance, exactly', async () => {
        const article = await createArticle(app.strapi);
        const { documentId } = article;
        const PER_INSTANCE = 1000;

        const [here, there] = await Promise.all([
          Promise.all(
            Array.from({ length: PER_INSTANCE }, (_, i) =>
              postView(app, documentId, `${documentId}-here-${i}`),
            ),
          ),
          Promise.all(
            Array.from({ length: PER_INSTANCE }, async (_, i) => {
              const res = await viewOn(other, documentId, `${documentId}-there-${i}`);
              return {
                status: res.status,
                body: (await res.json()) as { data: { counted: boolean } },
              };
            }),
          ),
        ]);
        const all = [...here, ...there];
        expect(all.filter((res) => res.status !== 200)).toEqual([]);
        expect(all.filter((res) => res.body.data.counted === true)).toHaveLength(2 * PER_INSTANCE);

        await viewCounter(app).flush();
        expect(await storedEventually(documentId, 2 * PER_INSTANCE)).toBe(2 * PER_INSTANCE);
        await sleep(500);
        expect(await storedViews(app, documentId)).toBe(2 * PER_INSTANCE);
        expect(await dailyTotal(documentId)).toBe(2 * PER_INSTANCE);
      });
    });
  });
});

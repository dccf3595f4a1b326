/**
 * Two instances on one database sharing Redis: this test's app (in this process) and another
 * started with `strapi start`. A visitor seen by one is not counted again by the other, even when
 * both get the visitor at once. Needs Redis (`TEST_REDIS_URL`): skipped without it, failed on CI.
 */

import { createArticle } from '../helpers/fixtures';
import { startStrapiProcess, type StrapiProcess } from '../helpers/process';
import { databaseServices, describeNeeding, TEST_REDIS_URL } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { dailyTotal, postView, postViewTo, storedViews, viewCounter } from '../helpers/views';

describeNeeding('redis', ...databaseServices())('two instances sharing Redis', () => {
  let app: TestApp;
  let other: StrapiProcess;

  beforeAll(async () => {
    app = await bootStrapi({ env: { REDIS_URL: TEST_REDIS_URL } });
    other = await startStrapiProcess({
      database: app.db.env,
      env: { REDIS_URL: TEST_REDIS_URL, VIEWS_FLUSH_INTERVAL_MS: '200' },
    });
  });
  afterAll(async () => {
    await other?.stop('SIGKILL');
    await stopStrapi();
  });

  it('count a visitor seen by one instance and then the other once', async () => {
    const { documentId } = await createArticle(app.strapi);
    const there = (visitor: string) => postViewTo(other.url, documentId, visitor);
    // Visitors named after the article: no earlier run's Redis keys can match them.
    const visitor = (name: string) => `${documentId}-${name}`;

    expect((await postView(app, documentId, visitor('a'))).body.data.counted).toBe(true);
    expect(await there(visitor('a'))).toMatchObject({
      status: 200,
      body: { data: { counted: false } },
    });

    expect((await there(visitor('b'))).body.data.counted).toBe(true);
    expect((await postView(app, documentId, visitor('b'))).body.data.counted).toBe(false);

    // Another visitor counts on either other.
    expect((await there(visitor('c'))).body.data.counted).toBe(true);

    // The same visitor arriving at both instances at once is counted once.
    const [here, thereAtOnce] = await Promise.all([
      postView(app, documentId, visitor('d')),
      there(visitor('d')),
    ]);
    expect([here.body.data.counted, thereAtOnce.body.data.counted].filter(Boolean)).toHaveLength(1);

    // Four visitors in all, once each, whichever instance wrote them: both write what they hold.
    await viewCounter(app).flush();
    expect(await other.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await storedViews(app, documentId)).toBe(4);
    expect(await dailyTotal(app, documentId)).toBe(4);
  });
});

/**
 * The per-address cap is shared through Redis: with two instances on one database sharing Redis
 * (this test's app and another started with `strapi start`), one IP rotating its User-Agent over
 * both still adds at most VIEWS_MAX_PER_IP_PER_ARTICLE (10) counted views to an article, and
 * another IP still counts. (The window's end is proved on an injected clock in
 * view-address-cap.test.api.ts; Redis keeps its own time.) Needs Redis: skipped without it,
 * failed on CI.
 */

import { createArticle } from '../helpers/fixtures';
import { startStrapiProcess, type StrapiProcess } from '../helpers/process';
import { databaseServices, describeNeeding, TEST_REDIS_URL } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postViewFrom, postViewTo, storedViews, viewCounter } from '../helpers/views';

const CAP = 10;

describeNeeding('redis', ...databaseServices())('the per-address cap shared through Redis', () => {
  let app: TestApp;
  let other: StrapiProcess;

  beforeAll(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, VIEWS_MAX_PER_IP_PER_ARTICLE: String(CAP) };
    app = await bootStrapi({ env });
    other = await startStrapiProcess({ database: app.db.env, env });
  });
  afterAll(async () => {
    await other?.stop('SIGKILL');
    await stopStrapi();
  });

  it(`counts ${CAP} views of one IP over both instances, and another IP still`, async () => {
    // A new article per run: no earlier run's Redis keys can match its cap.
    const { documentId } = await createArticle(app.strapi);
    const here = (visitor: string) => postViewFrom(app, documentId, visitor, { from: '127.0.0.1' });
    const there = (visitor: string) => postViewTo(other.url, documentId, visitor);

    const counted: boolean[] = [];
    for (let i = 1; i <= 6; i += 1) counted.push((await here(`shared-${i}`)).body.data.counted);
    for (let i = 7; i <= 12; i += 1) {
      const res = await there(`shared-${i}`);
      expect(res.status).toBe(200);
      counted.push(res.body.data.counted);
    }
    expect(counted).toEqual([...Array<boolean>(CAP).fill(true), false, false]);
    expect((await here('shared-13')).body.data.counted).toBe(false);

    // Another address (127.0.0.2) counts on this instance.
    const elsewhere = await postViewFrom(app, documentId, 'shared-1', { from: '127.0.0.2' });
    expect(elsewhere.body.data.counted).toBe(true);

    await viewCounter(app).flush();
    expect(await other.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await storedViews(app, documentId)).toBe(CAP + 1);
  });
});

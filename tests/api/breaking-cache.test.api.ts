/**
 * A cached breaking list never outlives its first expiry: with the response cache on, the
 * answer's freshness (`Cache-Control: max-age`) is at most 10 seconds, and no more than the
 * seconds left before its soonest item's `breakingUntil`.
 */

import { CACHE_ON, xCache } from '../helpers/cache';
import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const maxAge = (header: string | undefined) => Number(/max-age=(\d+)/.exec(header ?? '')?.[1]);

describeWithDatabase('the cached breaking list', () => {
  let app: TestApp;
  const get = (limit: number) => app.request().get(`/api/articles/breaking?limit=${limit}`);

  beforeAll(async () => {
    app = await bootStrapi({ env: CACHE_ON });
  });
  afterAll(stopStrapi);

  it('is kept at most 10 seconds', async () => {
    await createArticle(app.strapi, {
      title: 'A long banner',
      breaking: true,
      breakingUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const first = await get(5);
    expect(xCache(first)).toBe('MISS');
    expect(maxAge(first.headers['cache-control'])).toBe(10);
    expect(xCache(await get(5))).toBe('HIT');
  });

  it('is kept no longer than its soonest item lives', async () => {
    await createArticle(app.strapi, {
      title: 'A short banner',
      breaking: true,
      breakingUntil: new Date(Date.now() + 8_000).toISOString(),
    });
    const res = await get(6);
    expect(res.body.data).toHaveLength(2);
    expect(maxAge(res.headers['cache-control'])).toBeLessThanOrEqual(8);
  });
});

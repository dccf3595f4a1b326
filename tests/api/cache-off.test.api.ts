/**
 * `CACHE_ENABLED=false` (what the rest of the suite runs with) turns the response cache off:
 * every read goes to the router and runs its queries, and no cache header is sent.
 */

import { xCache } from '../helpers/cache';
import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { queriesDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the response cache turned off', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({ env: { CACHE_ENABLED: 'false' } });
  });
  afterAll(stopStrapi);

  it('reads through the router every time, with no cache header', async () => {
    const article = await createArticle(app.strapi);
    const page = `/api/articles/slug/${String(article.slug)}`;
    await app.request().get(page);
    const { result, queries } = await queriesDuring(app, () => app.request().get(page));
    expect(result.status).toBe(200);
    expect(queries).toBeGreaterThan(0);
    expect(xCache(result)).toBeUndefined();
    expect(result.headers['surrogate-key']).toBeUndefined();
    expect(result.headers['cache-control']).toBeUndefined();
  });
});

/**
 * The response cache under load: 50 concurrent misses on one key run the downstream once (the
 * others answer from its result), and the store stays under CACHE_MAX_BYTES however many
 * distinct URLs are read.
 */

import { CACHE_ON, xCache } from '../helpers/cache';
import { mapLimit } from '../helpers/concurrency';
import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { queriesDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const MAX_BYTES = 1024 * 1024;

interface CacheProbe {
  loads: number;
  store: { bytes: number; size: number };
}

describeWithDatabase('the response cache under load', () => {
  let app: TestApp;
  const cache = () => app.strapi.get<CacheProbe>('newsroom.responseCache');

  beforeAll(async () => {
    app = await bootStrapi({ env: { ...CACHE_ON, CACHE_MAX_BYTES: String(MAX_BYTES) } });
  });
  afterAll(stopStrapi);

  it('loads a page once for 50 concurrent misses', async () => {
    // The Public role's permissions are read once, by the first anonymous request: not counted.
    expect((await app.request().get('/api/sections')).status).toBe(200);
    // What one miss of a page costs in SQL, measured on an article of the same shape (each is
    // the other's related article: the page's related list costs more queries when not empty).
    const yardstick = await createArticle(app.strapi);
    const article = await createArticle(app.strapi);
    const { queries: perLoad } = await queriesDuring(app, () =>
      app.request().get(`/api/articles/slug/${String(yardstick.slug)}`),
    );
    expect(perLoad).toBeGreaterThan(0);

    const page = `/api/articles/slug/${String(article.slug)}`;
    const loadsBefore = cache().loads;
    const { result, queries } = await queriesDuring(app, () =>
      Promise.all(Array.from({ length: 50 }, () => app.request().get(page))),
    );
    expect(cache().loads - loadsBefore).toBe(1);
    expect(queries).toBe(perLoad);
    expect(result.map((res) => res.status)).toEqual(Array(50).fill(200));
    expect(new Set(result.map((res) => res.text)).size).toBe(1);
    expect(result.filter((res) => xCache(res) === 'MISS')).toHaveLength(1);
    expect(result.filter((res) => xCache(res) === 'HIT')).toHaveLength(49);
  });

  it('stays under CACHE_MAX_BYTES with 800 distinct URLs', async () => {
    // A findOne with all its relations: an entry of a few kilobytes, so 800 overflow 1 MiB.
    const article = await createArticle(app.strapi, { standfirst: 'x'.repeat(250) });
    const urls = Array.from(
      { length: 800 },
      (_, i) => `/api/articles/${article.documentId}?populate=*&filters[title][$ne]=not-${i}`,
    );
    const statuses = await mapLimit(urls, 8, async (url) => (await app.request().get(url)).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const { bytes, size } = cache().store;
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(size).toBeLessThan(800);
    expect(size).toBeGreaterThan(50);
  });
});

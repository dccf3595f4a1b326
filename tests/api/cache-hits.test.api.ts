/**
 * The response cache on one instance: a hit runs no SQL, keeps the security and CORS headers,
 * carries its validators and tags; HEAD is served from GET's entry; parameters the public guards
 * override share one entry; `304` on a matching `If-None-Match`.
 */

import { CACHE_ON, xCache } from '../helpers/cache';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { queriesDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the response cache answers anonymous reads', () => {
  let app: TestApp;
  let article: Doc;
  let page: string;

  beforeAll(async () => {
    app = await bootStrapi({ env: CACHE_ON });
    article = await createArticle(app.strapi);
    page = `/api/articles/slug/${String(article.slug)}`;
  });
  afterAll(stopStrapi);

  it('answers a repeated page read from the cache, running no SQL', async () => {
    const first = await app.request().get(page);
    expect(first.status).toBe(200);
    expect(xCache(first)).toBe('MISS');

    const { result: second, queries } = await queriesDuring(app, () => app.request().get(page));
    expect(second.status).toBe(200);
    expect(xCache(second)).toBe('HIT');
    expect(queries).toBe(0);
    expect(second.text).toBe(first.text);
    expect(second.body.data).toMatchObject({ documentId: article.documentId });
  });

  it('sends validators, tags and the headers of the middlewares before it on a hit', async () => {
    const res = await app.request().get(page);
    expect(xCache(res)).toBe('HIT');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers['cache-control']).toMatch(
      /^public, max-age=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/,
    );
    const tags = String(res.headers['surrogate-key']).split(' ');
    expect(tags).toEqual(expect.arrayContaining([article.documentId, 'articles']));
    expect(String(res.headers['cache-tag']).split(',')).toEqual(tags);
    expect(Number(res.headers.age)).toBeGreaterThanOrEqual(0);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('tags a page with its section, its authors and the sections of its breadcrumb', async () => {
    const res = await app.request().get(page);
    const tags = String(res.headers['surrogate-key']).split(' ');
    const section = res.body.data.section as { documentId: string };
    const authors = res.body.data.authors as Array<{ documentId: string }>;
    const crumbs = res.body.data.breadcrumb as Array<{ documentId: string }>;
    for (const { documentId } of [section, ...authors, ...crumbs]) {
      expect(tags).toContain(documentId);
    }
  });

  it('answers 304 on a matching If-None-Match, on a hit and on a miss', async () => {
    const { headers } = await app.request().get(page);
    const hit = await app.request().get(page).set('If-None-Match', headers.etag);
    expect(hit.status).toBe(304);
    expect(hit.text).toBe('');
    expect(xCache(hit)).toBe('HIT');

    const other = await app.request().get(`/api/articles/${article.documentId}`);
    expect(xCache(other)).toBe('MISS');
    app.strapi.get<{ store: { purgeAll(): void } }>('newsroom.responseCache').store.purgeAll();
    const miss = await app
      .request()
      .get(`/api/articles/${article.documentId}`)
      .set('If-None-Match', `W/"x", ${other.headers.etag}`);
    expect(miss.status).toBe(304);
    expect(xCache(miss)).toBe('MISS');

    const stale = await app.request().get(page).set('If-None-Match', '"not-this-one"');
    expect(stale.status).toBe(200);
  });

  it('serves HEAD from the GET entry', async () => {
    const { queries, result } = await queriesDuring(app, () => app.request().head(page));
    expect(result.status).toBe(200);
    expect(xCache(result)).toBe('HIT');
    expect(queries).toBe(0);
  });

  it('shares one entry between query strings that differ only by what the guards override', async () => {
    const list = '/api/articles?sort=title&pagination[pageSize]=5';
    const first = await app.request().get(list);
    expect(first.status).toBe(200);
    expect(xCache(first)).toBe('MISS');
    const variants = [
      '/api/articles?pagination[pageSize]=5&sort=title&status=draft',
      '/api/articles?publicationFilter=never-published&sort=title&pagination[pageSize]=5',
      '/api/articles?sort=title&pagination[pageSize]=5&utm_source=newsletter',
    ];
    for (const url of variants) {
      const res = await app.request().get(url);
      expect([url, xCache(res)]).toEqual([url, 'HIT']);
      expect(res.text).toBe(first.text);
    }
    const different = await app.request().get('/api/articles?sort=title&pagination[pageSize]=6');
    expect(xCache(different)).toBe('MISS');
  });

  it('caches sections, authors and most-read too, and not what did not register', async () => {
    const section = await createSection(app.strapi);
    for (const url of [
      '/api/sections',
      `/api/sections/${section.documentId}`,
      '/api/authors',
      '/api/articles/most-read',
    ]) {
      await app.request().get(url);
      const again = await app.request().get(url);
      expect([url, again.status, xCache(again)]).toEqual([url, 200, 'HIT']);
    }
    const mostRead = await app.request().get('/api/articles/most-read');
    expect(mostRead.headers['cache-control']).toMatch(/max-age=10,/);
    const health = await app.request().get('/_health');
    expect(xCache(health)).toBeUndefined();
  });

  it('never stores an error or an unknown page', async () => {
    const missing = '/api/articles/slug/no-such-article';
    expect((await app.request().get(missing)).status).toBe(404);
    const again = await app.request().get(missing);
    expect(again.status).toBe(404);
    expect(xCache(again)).toBeUndefined();
    const refused = '/api/articles?pagination[pageSize]=abc';
    expect((await app.request().get(refused)).status).toBe(400);
    const refusedAgain = await app.request().get(refused);
    expect(refusedAgain.status).toBe(400);
    expect(xCache(refusedAgain)).toBeUndefined();
  });
});

/**
 * An answer that sets a cookie is never stored by the response cache: a cookie is one visitor's,
 * and a stored answer would hand it (or an answer made for it) to every other reader. The
 * same route's answers without a cookie are stored as usual.
 */

import type { Context } from 'koa';

import { ARTICLE_UID } from '../../src/constants';
import { CACHE_ON, xCache } from '../helpers/cache';
import { createArticle, type Doc } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { queriesDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

type PageService = { findPageBySlug: (slug: string, auth?: unknown) => Promise<unknown> };

describeWithDatabase('the response cache and cookies', () => {
  let app: TestApp;
  let withCookie: Doc;
  let plain: Doc;

  beforeAll(async () => {
    app = await bootStrapi({ env: CACHE_ON });
    withCookie = await createArticle(app.strapi);
    plain = await createArticle(app.strapi);
    // Downstream code that sets a cookie while answering one page (as a session or a consent
    // banner's middleware would): the service the page's controller calls on every load.
    const service = app.strapi.service(ARTICLE_UID) as unknown as PageService;
    const load = service.findPageBySlug.bind(service);
    service.findPageBySlug = (slug, auth) => {
      if (slug === withCookie.slug) {
        const ctx = app.strapi.requestContext.get() as Context | undefined;
        ctx?.cookies.set('newsroom_visitor', 'visitor-1', { httpOnly: true });
      }
      return load(slug, auth);
    };
  });
  afterAll(stopStrapi);

  it('loads an answer that sets a cookie again on every read, and never sends it as a hit', async () => {
    const path = `/api/articles/slug/${String(withCookie.slug)}`;
    for (let read = 0; read < 3; read += 1) {
      const { result: res, queries } = await queriesDuring(app, () => app.request().get(path));
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ documentId: withCookie.documentId });
      expect(String(res.headers['set-cookie'])).toContain('newsroom_visitor=visitor-1');
      expect(xCache(res)).not.toBe('HIT');
      expect(res.headers.etag).toBeUndefined();
      expect(queries).toBeGreaterThan(0);
    }
  });

  it("stores the same route's answers that set no cookie, and sends none on a hit", async () => {
    const path = `/api/articles/slug/${String(plain.slug)}`;
    const first = await app.request().get(path);
    expect(first.status).toBe(200);
    expect(xCache(first)).toBe('MISS');

    const { result: second, queries } = await queriesDuring(app, () => app.request().get(path));
    expect(xCache(second)).toBe('HIT');
    expect(queries).toBe(0);
    expect(second.headers['set-cookie']).toBeUndefined();
  });
});

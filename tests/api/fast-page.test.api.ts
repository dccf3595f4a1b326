/**
 * `GET /api/articles/slug/:slug` for an anonymous reader is answered by `global::fast-page`,
 * before Strapi's router and its authentication (the uncached page: a response cache miss, or the
 * cache off), with the route's rules re-checked there: the Public role's permission, the slug's
 * shape, published content only. Its answers are byte for byte the router's (a query string sends
 * the same request through the router, for comparison), with CORS and security headers. An old
 * slug's redirect, an unknown slug's 404 and a request with `Authorization` go through Strapi's
 * whole stack.
 */

import type supertest from 'supertest';

import { ARTICLE_UID, SECTION_UID } from '../../src/constants';
import { createApiToken } from '../helpers/admin';
import {
  createArticle,
  createAuthor,
  createSection,
  editDraft,
  publishArticle,
} from '../helpers/fixtures';
import { grantPublic, revokePublic } from '../helpers/public-role';
import { describeWithDatabase } from '../helpers/services';
import { permissionQueries, sqlDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const SITE = 'https://www.newsroom.test';
/** Sent with any query string, the page request goes through Strapi's router instead. */
const VIA_ROUTER = { via: 'router' };

describeWithDatabase('the fast article page path', () => {
  let app: TestApp;
  let slug: string;
  let documentId: string;
  let routerAuthentications: jest.SpyInstance;

  const page = (path: string) => app.request().get(`/api/articles/slug/${path}`);
  const answerOf = (res: supertest.Response) => ({
    status: res.status,
    type: res.headers['content-type'],
    location: res.headers.location,
    body: res.text,
  });

  beforeAll(async () => {
    app = await bootStrapi({ env: { CACHE_ENABLED: 'false', CORS_ORIGINS: SITE } });
    const section = await createSection(app.strapi, { name: 'World' });
    const author = await createAuthor(app.strapi, { name: 'Fast Byline' });
    await createArticle(app.strapi, { title: 'A neighbour', section: section.documentId });
    const article = await createArticle(app.strapi, {
      title: 'The fast page',
      section: section.documentId,
      authors: [author.documentId],
    });
    slug = String(article.slug);
    ({ documentId } = article);
    routerAuthentications = jest.spyOn(app.strapi.get('auth'), 'authenticate');
  });
  beforeEach(() => routerAuthentications.mockClear());
  afterAll(async () => {
    routerAuthentications?.mockRestore();
    await stopStrapi();
  });

  it("answers an anonymous page itself, byte for byte the router's, with CORS and security headers", async () => {
    await page(slug); // the first anonymous request reads the Public role's permissions
    let fast: supertest.Response | undefined;
    const statements = await sqlDuring(app, async () => {
      fast = await page(slug).set('Origin', SITE);
    });
    expect(routerAuthentications).not.toHaveBeenCalled();
    expect(permissionQueries(statements)).toEqual([]);
    expect(fast?.status).toBe(200);
    expect(fast?.body.data).toMatchObject({
      documentId,
      title: 'The fast page',
      section: { name: 'World' },
      authors: [{ name: 'Fast Byline' }],
      related: [{ title: 'A neighbour' }],
    });
    expect(fast?.headers['access-control-allow-origin']).toBe(SITE);
    expect(fast?.headers['x-content-type-options']).toBe('nosniff');

    const routed = await page(slug).query(VIA_ROUTER).set('Origin', SITE);
    expect(routerAuthentications).toHaveBeenCalled();
    expect(answerOf(fast as supertest.Response)).toEqual(answerOf(routed));
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await app.request().head(`/api/articles/slug/${slug}`);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/application\/json/);
    expect(head.text ?? '').toBe('');
    expect(routerAuthentications).not.toHaveBeenCalled();
  });

  it("leaves an old slug's redirect and an unknown slug's 404 to the router", async () => {
    await editDraft(app.strapi, documentId, { slug: 'the-fast-page-renamed' });
    await publishArticle(app.strapi, documentId);
    try {
      const moved = await page(slug);
      expect(moved.status).toBe(301);
      expect(moved.headers.location).toBe('/api/articles/slug/the-fast-page-renamed');
      const missing = await page('no-such-article');
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ data: null, error: { name: 'NotFoundError' } });
      expect(routerAuthentications).toHaveBeenCalled();
    } finally {
      await editDraft(app.strapi, documentId, { slug });
      await publishArticle(app.strapi, documentId);
    }
  });

  it('leaves a slug the route refuses to the router: 400 past the length, 404 for other bytes', async () => {
    const tooLong = await page('a'.repeat(201));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ error: { name: 'ValidationError' } });
    expect((await page('Not_A_Slug')).status).toBe(404);
    expect(routerAuthentications).toHaveBeenCalled();
  });

  it('refuses with 403 once the Public role may not read pages, and answers again once it may', async () => {
    const action = `${ARTICLE_UID}.findBySlug`;
    await revokePublic(app, action);
    try {
      const fast = await page(slug);
      expect(routerAuthentications).not.toHaveBeenCalled();
      const routed = await page(slug).query(VIA_ROUTER);
      expect(fast.status).toBe(403);
      expect(fast.body).toMatchObject({
        data: null,
        error: { status: 403, name: 'ForbiddenError' },
      });
      expect(answerOf(fast)).toEqual(answerOf(routed));
    } finally {
      await grantPublic(app, action);
    }
    expect((await page(slug)).status).toBe(200);
  });

  it('leaves out the section, as the router does, when the Public role may not find sections', async () => {
    const action = `${SECTION_UID}.find`;
    await revokePublic(app, action);
    try {
      const fast = await page(slug);
      const routed = await page(slug).query(VIA_ROUTER);
      expect(fast.status).toBe(200);
      expect(fast.body.data).not.toHaveProperty('section');
      expect(fast.body.data.related[0]).not.toHaveProperty('section');
      expect(answerOf(fast)).toEqual(answerOf(routed));
    } finally {
      await grantPublic(app, action);
    }
    expect((await page(slug)).body.data.section).toMatchObject({ name: 'World' });
  });

  it('sends a request with Authorization through Strapi’s stack: a token reads, a bad one is 401', async () => {
    const token = await createApiToken(app, 'fast-page site', 'full-access');
    const withToken = await page(slug).set('Authorization', `Bearer ${token}`);
    expect(withToken.status).toBe(200);
    expect(withToken.body.data.documentId).toBe(documentId);
    expect(routerAuthentications).toHaveBeenCalled();
    routerAuthentications.mockClear();

    const bad = await page(slug).set('Authorization', 'Bearer not-a-token');
    expect(bad.status).toBe(401);
    expect(routerAuthentications).toHaveBeenCalled();
  });
});

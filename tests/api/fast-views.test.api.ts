/**
 * `POST /api/articles/:documentId/views` is answered by `global::fast-views`, before Strapi's
 * router and its authentication, with every rule of the route re-checked there: the Public role's
 * permission, the rate limit, crawlers, 404s; its answers are byte for byte the router's (a
 * query string sends the same request through the router, for comparison), with CORS and
 * security headers. A request with `Authorization` goes through Strapi's whole stack.
 */

import type supertest from 'supertest';

import { ARTICLE_UID } from '../../src/constants';
import { createApiToken } from '../helpers/admin';
import { createApiUser, createArticle } from '../helpers/fixtures';
import { grantPublic, revokePublic } from '../helpers/public-role';
import { describeWithDatabase } from '../helpers/services';
import { permissionQueries, sqlDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { browserUserAgent, postView, postViewFrom } from '../helpers/views';

const RATE_LIMIT = 3;
const SITE = 'https://www.newsroom.test';
/** Sent with any query string, a view request goes through Strapi's router instead. */
const VIA_ROUTER = { via: 'router' };

describeWithDatabase('the fast view path', () => {
  let app: TestApp;
  let documentId: string;
  let routerAuthentications: jest.SpyInstance;
  let visitors = 0;
  const visitor = () => `fast-${(visitors += 1)}`;
  /** Each test its own client address, so the rate limit of one does not reach another. */
  let addresses = 10;
  const address = () => `127.0.0.${(addresses += 1)}`;

  const answerOf = (res: supertest.Response) => ({
    status: res.status,
    type: res.headers['content-type'],
    body: res.text,
  });

  beforeAll(async () => {
    app = await bootStrapi({
      env: { VIEWS_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), CORS_ORIGINS: SITE },
    });
    ({ documentId } = await createArticle(app.strapi));
    // Strapi's router authenticates every request it routes through this method.
    routerAuthentications = jest.spyOn(app.strapi.get('auth'), 'authenticate');
  });
  beforeEach(() => routerAuthentications.mockClear());
  afterAll(async () => {
    routerAuthentications?.mockRestore();
    await stopStrapi();
  });

  it('answers an anonymous view itself: no router, no permission query, CORS and security headers', async () => {
    // The first anonymous request reads the Public role's permissions; later ones do not.
    await postView(app, documentId, visitor());
    const statements = await sqlDuring(app, async () => {
      const res = await postViewFrom(app, documentId, visitor(), { from: address() }).set(
        'Origin',
        SITE,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { documentId, views: expect.any(Number), counted: true } });
      expect(res.headers['access-control-allow-origin']).toBe(SITE);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toEqual(expect.any(String));
    });
    expect(permissionQueries(statements)).toEqual([]);
    expect(routerAuthentications).not.toHaveBeenCalled();

    // The same request with a query string is routed, and authenticated by the router.
    const routed = await postViewFrom(app, documentId, visitor(), { from: address() }).query(
      VIA_ROUTER,
    );
    expect(routed.status).toBe(200);
    expect(routerAuthentications).toHaveBeenCalledTimes(1);
  });

  it('answers 404 for an unknown or unpublished article, as the router does', async () => {
    const unknown = 'abcdefghijklmnopqrstuvwx';
    const from = address();
    const fast = await postViewFrom(app, unknown, visitor(), { from });
    expect(routerAuthentications).not.toHaveBeenCalled();
    const routed = await postViewFrom(app, unknown, visitor(), { from }).query(VIA_ROUTER);
    expect(fast.status).toBe(404);
    expect(fast.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    expect(answerOf(fast)).toEqual(answerOf(routed));
  });

  it('refuses with 403 when the Public role may not record views, and counts again once it may', async () => {
    const action = `${ARTICLE_UID}.recordView`;
    await revokePublic(app, action);
    try {
      const fast = await postViewFrom(app, documentId, visitor(), { from: address() });
      expect(routerAuthentications).not.toHaveBeenCalled();
      const routed = await postViewFrom(app, documentId, visitor(), { from: address() }).query(
        VIA_ROUTER,
      );
      expect(fast.status).toBe(403);
      expect(fast.body).toMatchObject({
        data: null,
        error: { status: 403, name: 'ForbiddenError' },
      });
      expect(answerOf(fast)).toEqual(answerOf(routed));
    } finally {
      await grantPublic(app, action);
    }
    const allowed = await postViewFrom(app, documentId, visitor(), { from: address() });
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.counted).toBe(true);
  });

  it(`answers 429 with Retry-After past ${RATE_LIMIT} views a minute from one address`, async () => {
    const from = address();
    for (let i = 0; i < RATE_LIMIT; i += 1) {
      expect((await postViewFrom(app, documentId, visitor(), { from })).status).toBe(200);
    }
    const fast = await postViewFrom(app, documentId, visitor(), { from });
    const routed = await postViewFrom(app, documentId, visitor(), { from }).query(VIA_ROUTER);
    expect(fast.status).toBe(429);
    expect(fast.headers['retry-after']).toMatch(/^\d+$/);
    expect(fast.body).toMatchObject({ data: null, error: { status: 429, name: 'RateLimitError' } });
    // The same answer but for the seconds left, which may tick between the two requests.
    const seconds = (answer: ReturnType<typeof answerOf>) => ({
      ...answer,
      body: answer.body.replace(/\d+/g, 'N'),
    });
    expect(seconds(answerOf(fast))).toEqual(seconds(answerOf(routed)));
  });

  it('does not count a crawler or a request without User-Agent', async () => {
    const from = address();
    const crawler = await postViewFrom(app, documentId, visitor(), { from }).set(
      'User-Agent',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    );
    expect(crawler.status).toBe(200);
    expect(crawler.body.data.counted).toBe(false);
    const anonymous = await postViewFrom(app, documentId, visitor(), { from }).unset('User-Agent');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.data.counted).toBe(false);
    expect(routerAuthentications).not.toHaveBeenCalled();
  });

  it('sends a request with Authorization through Strapi’s stack: a reader’s JWT and an API token count, a bad token is 401', async () => {
    const credentials = {
      username: 'fastreader',
      email: 'fast.reader@newsroom.test',
      password: 'Fast-Reader-1',
    };
    await createApiUser(app.strapi, credentials);
    const login = await app
      .request()
      .post('/api/auth/local')
      .send({ identifier: credentials.email, password: credentials.password });
    expect(login.status).toBe(200);
    routerAuthentications.mockClear();

    const withJwt = await postViewFrom(app, documentId, visitor(), { from: address() }).set(
      'Authorization',
      `Bearer ${login.body.jwt as string}`,
    );
    expect(withJwt.status).toBe(200);
    expect(withJwt.body.data.counted).toBe(true);
    expect(routerAuthentications).toHaveBeenCalledTimes(1);

    const token = await createApiToken(app, 'fast-views site', 'full-access');
    const withToken = await postViewFrom(app, documentId, visitor(), { from: address() }).set(
      'Authorization',
      `Bearer ${token}`,
    );
    expect(withToken.status).toBe(200);
    expect(withToken.body.data.counted).toBe(true);
    expect(routerAuthentications).toHaveBeenCalledTimes(2);

    const badToken = await app
      .request()
      .post(`/api/articles/${documentId}/views`)
      .set('User-Agent', browserUserAgent(visitor()))
      .set('Authorization', 'Bearer not-a-token');
    expect(badToken.status).toBe(401);
    expect(routerAuthentications).toHaveBeenCalledTimes(3);
  });
});

/**
 * The views lane (`src/views/lane.ts`): once Koa's path (`global::fast-views`) has answered an
 * anonymous view from an `Origin` (or from none), the next ones from it are answered from Node's
 * `request` event, before Koa, with exactly Koa's status, body and headers (CORS and security
 * headers included); counts stay exact. Refusals (403, 429) and requests it does not take
 * (`Authorization`, a body, a query string) are Koa's.
 */

import type supertest from 'supertest';

import { ARTICLE_UID } from '../../src/constants';
import { createArticle } from '../helpers/fixtures';
import { grantPublic, revokePublic } from '../helpers/public-role';
import { describeWithDatabase } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView, postViewFrom, storedViews, viewCounter } from '../helpers/views';

const { viewsLaneAnswers } = appModule<typeof import('../../src/views/lane')>('views/lane');

const SITE = 'https://www.newsroom.test';
const RATE_LIMIT = 5;

describeWithDatabase('the views lane', () => {
  let app: TestApp;
  let documentId: string;
  let visitors = 0;
  const visitor = () => `lane-${(visitors += 1)}`;
  let addresses = 20;
  const address = () => `127.0.0.${(addresses += 1)}`;

  /** What two answers must share: status, body with the count masked, and every header but Date. */
  const answerOf = (res: supertest.Response) => {
    const { date: _date, ...headers } = res.headers as Record<string, string>;
    return { status: res.status, headers, body: res.text.replace(/"views":\d+/, '"views":N') };
  };

  beforeAll(async () => {
    app = await bootStrapi({
      env: { CORS_ORIGINS: SITE, VIEWS_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) },
    });
    ({ documentId } = await createArticle(app.strapi));
  });
  afterAll(stopStrapi);

  it("answers the next views from an Origin itself, with Koa's status, body and headers", async () => {
    const fromSite = (from = address()) =>
      postViewFrom(app, documentId, visitor(), { from }).set('Origin', SITE);
    const before = viewsLaneAnswers(app.strapi);
    const viaKoa = await fromSite();
    expect(viewsLaneAnswers(app.strapi)).toBe(before);
    const viaLane = await fromSite();
    expect(viewsLaneAnswers(app.strapi)).toBe(before + 1);

    expect(viaLane.status).toBe(200);
    expect(viaLane.body).toEqual({
      data: { documentId, views: expect.any(Number), counted: true },
    });
    expect(viaLane.headers['access-control-allow-origin']).toBe(SITE);
    expect(viaLane.headers['content-security-policy']).toEqual(expect.any(String));
    expect(answerOf(viaLane)).toEqual(answerOf(viaKoa));
    expect(viaLane.body.data.views).toBe(viaKoa.body.data.views + 1);
  });

  it('keeps Origins apart: a request without one is answered by Koa first, then by the lane', async () => {
    const before = viewsLaneAnswers(app.strapi);
    const first = await postViewFrom(app, documentId, visitor(), { from: address() });
    expect(viewsLaneAnswers(app.strapi)).toBe(before);
    const second = await postViewFrom(app, documentId, visitor(), { from: address() });
    expect(viewsLaneAnswers(app.strapi)).toBe(before + 1);
    expect(first.headers['access-control-allow-origin']).not.toBe(SITE);
    expect(answerOf(second)).toEqual(answerOf(first));
  });

  it("answers an unknown article's 404 as Koa does", async () => {
    const unknown = 'abcdefghijklmnopqrstuvwx';
    const before = viewsLaneAnswers(app.strapi);
    const viaLane = await postViewFrom(app, unknown, visitor(), { from: address() });
    expect(viewsLaneAnswers(app.strapi)).toBe(before + 1);
    const viaRouter = await postViewFrom(app, unknown, visitor(), { from: address() }).query({
      via: 'router',
    });
    expect(viaLane.status).toBe(404);
    expect(answerOf(viaLane)).toEqual(answerOf(viaRouter));
  });

  it("leaves a refused permission and the rate limit to Koa's answers (403, 429)", async () => {
    const action = `${ARTICLE_UID}.recordView`;
    await revokePublic(app, action);
    try {
      const before = viewsLaneAnswers(app.strapi);
      const refused = await postViewFrom(app, documentId, visitor(), { from: address() });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { status: 403, name: 'ForbiddenError' } });
      expect(viewsLaneAnswers(app.strapi)).toBe(before);
    } finally {
      await grantPublic(app, action);
    }

    const from = address();
    for (let i = 0; i < RATE_LIMIT; i += 1) {
      expect((await postViewFrom(app, documentId, visitor(), { from })).status).toBe(200);
    }
    const limited = await postViewFrom(app, documentId, visitor(), { from });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body).toMatchObject({ error: { status: 429, name: 'RateLimitError' } });
  });

  it('counts exactly: 40 concurrent views from the lane are 40 stored', async () => {
    await viewCounter(app).flush();
    const stored = (await storedViews(app, documentId)) ?? 0;
    const before = viewsLaneAnswers(app.strapi);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        postViewFrom(app, documentId, visitor(), { from: `127.0.1.${i + 1}` }),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(40).fill(200));
    expect(answers.every((res) => res.body.data.counted === true)).toBe(true);
    expect(viewsLaneAnswers(app.strapi) - before).toBe(40);
    await viewCounter(app).flush();
    expect(await storedViews(app, documentId)).toBe(stored + 40);
  });

  it('does not take a request with Authorization, a body or a query string', async () => {
    const before = viewsLaneAnswers(app.strapi);
    await postView(app, documentId, visitor()).set('Authorization', 'Bearer not-a-token');
    await postView(app, documentId, visitor()).send({ hello: 'world' });
    await postView(app, documentId, visitor()).query({ via: 'router' });
    expect(viewsLaneAnswers(app.strapi)).toBe(before);
  });
});

/**
 * The views' admin routes (`/newsroom-views/*`): an article's views today, this week, this month
 * and all time, and the most-read ranking, for administrators whose role may read articles;
 * 401 without an admin token, 403 for other roles, unreachable on the content API. Views are
 * placed on days by the counter's injected clock; the flush timer is off, so views not written
 * yet really are unwritten when the figures are asked for.
 */

import { ARTICLE_UID, SECTION_UID } from '../../src/constants';
import { adminLogin, createAdminUser, createRole } from '../helpers/admin';
import { createArticle, type Doc } from '../helpers/fixtures';
import { RANKING_NOW, readOn } from '../helpers/most-read';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView, storedViews, viewCounter } from '../helpers/views';

const READ_ARTICLES = { action: 'plugin::content-manager.explorer.read', subject: ARTICLE_UID };

describeWithDatabase('the views admin routes', () => {
  let app: TestApp;
  let token: string;
  let article: Doc;

  const admin = (path: string, bearer?: string) => {
    const req = app.request().get(path);
    return bearer ? req.set('Authorization', `Bearer ${bearer}`) : req;
  };
  /** A logged-in admin whose role has exactly `permissions`: its token. */
  const adminWith = async (name: string, permissions: Array<typeof READ_ARTICLES>) =>
    (await createAdminUser(app, await createRole(app, name, permissions), name)).token;

  beforeAll(async () => {
    app = await bootStrapi({ env: { VIEWS_FLUSH_INTERVAL_MS: '3600000' } });
    token = await adminLogin(app);
    article = await createArticle(app.strapi);
    const counter = viewCounter(app);
    // Views today, 3, 10 and 40 days ago.
    const plan: Array<[daysAgo: number, views: number]> = [
      [0, 2],
      [3, 3],
      [10, 4],
      [40, 5],
    ];
    for (const [daysAgo, views] of plan) await readOn(app, article, daysAgo, views);
    counter.useClock(() => RANKING_NOW);
    await counter.flush();
  });
  afterAll(stopStrapi);

  it('answer an article’s day, week, month and all-time views', async () => {
    const res = await admin(`/newsroom-views/articles/${article.documentId}`, token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: { documentId: article.documentId, views: { day: 2, week: 5, month: 9, all: 14 } },
    });
  });

  it('add views not written yet to every period', async () => {
    const fresh = await createArticle(app.strapi);
    await postView(app, fresh.documentId, 'admin-unwritten');
    expect(await storedViews(app, fresh.documentId)).toBeUndefined();

    const res = await admin(`/newsroom-views/articles/${fresh.documentId}`, token);
    expect(res.body.data.views).toEqual({ day: 1, week: 1, month: 1, all: 1 });
  });

  it('answer zeros for an article never read, and 404 for an id that cannot be one', async () => {
    const unread = await createArticle(app.strapi);
    const res = await admin(`/newsroom-views/articles/${unread.documentId}`, token);
    expect(res.body).toEqual({
      data: { documentId: unread.documentId, views: { day: 0, week: 0, month: 0, all: 0 } },
    });
    const bad = await admin('/newsroom-views/articles/not-a-document-id', token);
    expect(bad.status).toBe(404);
    expect(bad.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
  });

  it('answer the most-read ranking to an admin, and 400 to a bad period', async () => {
    const res = await admin('/newsroom-views/most-read?period=month&limit=50', token);
    expect(res.status).toBe(200);
    expect(res.body.data).toContainEqual({
      documentId: article.documentId,
      title: expect.any(String),
      slug: expect.any(String),
      section: { name: expect.any(String), slug: expect.any(String) },
      views: 9,
    });
    const bad = await admin('/newsroom-views/most-read?period=year', token);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  });

  it.each([['/newsroom-views/most-read'], ['/newsroom-views/articles/abcdefghijklmnopqrstuvwx']])(
    'answer %s with 401 without a token or with a bad one',
    async (path) => {
      for (const res of [
        await admin(path),
        await admin(path, 'not-a-jwt'),
        await admin(path, `${token}x`),
      ]) {
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ data: null, error: { status: 401 } });
        expect(JSON.stringify(res.body)).not.toMatch(/"views"/);
      }
    },
  );

  it('are 403 for an admin whose role may not read articles, and 200 once it may', async () => {
    const without = await adminWith('No Articles Reader', []);
    const paths = ['/newsroom-views/most-read', `/newsroom-views/articles/${article.documentId}`];
    for (const path of paths) {
      const res = await admin(path, without);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        data: null,
        error: { status: 403, name: 'ForbiddenError' },
      });
    }

    const reader = await adminWith('Articles Reader', [READ_ARTICLES]);
    for (const path of paths) expect((await admin(path, reader)).status).toBe(200);

    // Reading another type does not let one read article views.
    const sections = await adminWith('Sections Reader', [
      { ...READ_ARTICLES, subject: SECTION_UID },
    ]);
    expect((await admin(paths[1], sections)).status).toBe(403);
  });

  it('are not reachable on the content API', async () => {
    const res = await app.request().get(`/api/newsroom-views/articles/${article.documentId}`);
    expect(res.status).toBe(404);
  });
});

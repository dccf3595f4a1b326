/**
 * The article list's "Views" column asks `GET /newsroom-views/totals?documentIds=a,b,...`: the
 * totals of one page of rows in one request and one query (views not written yet included),
 * 0 for an article never read; bad ids are a 400. An admin whose role may read articles gets
 * it; another role 403, no token 401.
 */

import { ARTICLE_UID } from '../../src/constants';
import { adminLogin, createAdminUser, createRole } from '../helpers/admin';
import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { sqlDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView, viewCounter } from '../helpers/views';

describeWithDatabase('the views totals of a page of the article list', () => {
  let app: TestApp;
  let token: string;

  const totals = (ids: string[], bearer?: string) => {
    const req = app
      .request()
      .get('/newsroom-views/totals')
      .query({ documentIds: ids.join(',') });
    return bearer ? req.set('Authorization', `Bearer ${bearer}`) : req;
  };

  beforeAll(async () => {
    app = await bootStrapi({ env: { VIEWS_FLUSH_INTERVAL_MS: '3600000' } });
    token = await adminLogin(app);
  });
  afterAll(stopStrapi);

  it('answers every asked article’s total, written or not, in one query', async () => {
    const [read, unread] = [await createArticle(app.strapi), await createArticle(app.strapi)];
    await postView(app, read.documentId, 'totals-one');
    await viewCounter(app).flush();
    await postView(app, read.documentId, 'totals-two');

    let res: Awaited<ReturnType<typeof totals>> | undefined;
    const statements = await sqlDuring(
      app,
      async () => {
        res = await totals([read.documentId, unread.documentId], token);
      },
      { requestsOnly: true },
    );

    expect(res?.status).toBe(200);
    expect(res?.body).toEqual({ data: { [read.documentId]: 2, [unread.documentId]: 0 } });
    expect(statements.filter((sql) => sql.includes('article_views'))).toHaveLength(1);
  });

  it('refuses ids that cannot be document ids, and more than 100 (400)', async () => {
    const bad = await totals(['not an id'], token);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    const many = Array.from({ length: 101 }, (_, i) => `a${String(i).padStart(23, '0')}`);
    expect((await totals(many, token)).status).toBe(400);
  });

  it('is refused to a role that may not read articles (403) and without a token (401)', async () => {
    const article = await createArticle(app.strapi);
    const reader = await createAdminUser(
      app,
      await createRole(app, 'Article reader', [
        { action: 'plugin::content-manager.explorer.read', subject: ARTICLE_UID },
      ]),
      'Rita',
    );
    expect((await totals([article.documentId], reader.token)).status).toBe(200);

    const outsider = await createAdminUser(app, await createRole(app, 'Nothing', []), 'Ned');
    const refused = await totals([article.documentId], outsider.token);
    expect(refused.status).toBe(403);
    expect((await totals([article.documentId])).status).toBe(401);
  });
});

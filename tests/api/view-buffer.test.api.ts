/**
 * Counted views are buffered, and every total answered includes the views not written yet. The
 * flush timer is off here (an hour), so "not written yet" is true until a test flushes: the
 * database has nothing before the flush, and everything, once, after it.
 */

import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { apiViews, dailyViews, postView, storedViews, viewCounter } from '../helpers/views';

describeWithDatabase('views not written yet', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({ env: { VIEWS_FLUSH_INTERVAL_MS: '3600000' } });
  });
  afterAll(stopStrapi);

  it('are in every total readers see, and in the database only after a flush', async () => {
    const article = await createArticle(app.strapi);
    const { documentId, slug } = article;
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => postView(app, documentId, `buffer-${i}`)),
    );
    expect(responses.filter((res) => res.body.data.counted === true)).toHaveLength(30);
    expect(Math.max(...responses.map((res) => res.body.data.views as number))).toBe(30);

    expect(await storedViews(app, documentId)).toBeUndefined();
    expect(viewCounter(app).unwrittenCount()).toBeGreaterThan(0);
    expect(await apiViews(app, documentId)).toBe(30);
    const list = await app.request().get(`/api/articles?filters[documentId][$eq]=${documentId}`);
    expect(list.body.data).toEqual([expect.objectContaining({ views: 30 })]);
    const page = await app.request().get(`/api/articles/slug/${String(slug)}`);
    expect(page.body.data.views).toBe(30);

    await viewCounter(app).flush();
    expect(viewCounter(app).unwrittenCount()).toBe(0);
    expect(await storedViews(app, documentId)).toBe(30);
    expect(Object.values(await dailyViews(app, documentId))).toEqual([30]);
    expect(await apiViews(app, documentId)).toBe(30);
  });

  it('are written once: a second flush adds nothing', async () => {
    const article = await createArticle(app.strapi);
    for (let i = 0; i < 3; i += 1) await postView(app, article.documentId, `once-${i}`);

    await viewCounter(app).flush();
    await viewCounter(app).flush();

    expect(await storedViews(app, article.documentId)).toBe(3);
    expect(await apiViews(app, article.documentId)).toBe(3);
  });
});

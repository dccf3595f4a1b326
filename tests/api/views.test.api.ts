/**
 * The view counter's totals are exact: every concurrent view of distinct readers is counted once,
 * and a count survives unpublishing, republishing and edits. Counting never writes to the
 * article: its rows (and `updatedAt`) stay as they were, and the admin never shows it "modified".
 */

import { ARTICLE_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import {
  articleRows,
  createArticle,
  type Doc,
  editDraft,
  LONG_AGO,
  publishArticle,
  setStored,
  unpublishArticle,
} from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { apiViews, postView, storedViews, viewCounter } from '../helpers/views';

describeWithDatabase('the view counter (POST /api/articles/:documentId/views)', () => {
  let app: TestApp;
  let cm: ContentManager;

  /** A view from a browser visitor no test in this file has used yet (so it counts). */
  let visitors = 0;
  const view = (documentId: string) => postView(app, documentId, `views-${(visitors += 1)}`);

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
  });
  afterAll(stopStrapi);

  it('answers the new total and stores it', async () => {
    const article = await createArticle(app.strapi);
    expect(await apiViews(app, article.documentId)).toBe(0);
    expect(await storedViews(app, article.documentId)).toBeUndefined();

    const first = await view(article.documentId);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      data: { documentId: article.documentId, views: 1, counted: true },
    });
    const second = await view(article.documentId);
    expect(second.body.data).toEqual({ documentId: article.documentId, views: 2, counted: true });

    // Readers see the total at once; the row catches up with the next flush.
    expect(await apiViews(app, article.documentId)).toBe(2);
    await viewCounter(app).flush();
    expect(await storedViews(app, article.documentId)).toBe(2);
    expect(await apiViews(app, article.documentId)).toBe(2);
  });

  it('counts 200 concurrent views exactly (every one a 200)', async () => {
    const article = await createArticle(app.strapi);
    await view(article.documentId);
    const start = await apiViews(app, article.documentId);
    expect(start).toBe(1);

    const responses = await Promise.all(
      Array.from({ length: 200 }, () => view(article.documentId)),
    );
    expect(responses.map((res) => res.status)).toEqual(Array(200).fill(200));
    expect(responses.filter((res) => res.body.data.counted === true)).toHaveLength(200);
    // Each answer is a distinct running total: no two requests read the same count.
    const totals = responses.map((res) => res.body.data.views as number).sort((a, b) => a - b);
    expect(totals).toEqual(Array.from({ length: 200 }, (_, i) => start + 1 + i));

    expect(await apiViews(app, article.documentId)).toBe(start + 200);
    await viewCounter(app).flush();
    expect(await storedViews(app, article.documentId)).toBe(start + 200);
    expect(await apiViews(app, article.documentId)).toBe(start + 200);
  });

  it('counts 500 concurrent views of distinct readers exactly', async () => {
    const article = await createArticle(app.strapi);
    expect((await view(article.documentId)).body.data.counted).toBe(true);
    await viewCounter(app).flush();
    const start = await storedViews(app, article.documentId);
    expect(start).toBe(1);

    const responses = await Promise.all(
      Array.from({ length: 500 }, () => view(article.documentId)),
    );
    expect(responses.map((res) => res.status)).toEqual(Array(500).fill(200));
    expect(responses.filter((res) => res.body.data.counted === true)).toHaveLength(500);

    await viewCounter(app).flush();
    expect(viewCounter(app).unwrittenCount()).toBe(0);
    expect(await storedViews(app, article.documentId)).toBe(1 + 500);
    expect(await apiViews(app, article.documentId)).toBe(1 + 500);
  });

  it('keeps the count through unpublish, republish and edits', async () => {
    const { strapi } = app;
    const article = await createArticle(strapi);
    for (let i = 0; i < 5; i += 1) {
      expect((await view(article.documentId)).body.data).toMatchObject({ counted: true });
    }
    await viewCounter(app).flush();

    await unpublishArticle(strapi, article.documentId);
    expect(await storedViews(app, article.documentId)).toBe(5);
    // While unpublished it is not readable and a view is not counted.
    expect((await app.request().get(`/api/articles/${article.documentId}`)).status).toBe(404);
    const whileDown = await view(article.documentId);
    expect(whileDown.status).toBe(404);
    await viewCounter(app).flush();
    expect(await storedViews(app, article.documentId)).toBe(5);

    await publishArticle(strapi, article.documentId);
    expect(await apiViews(app, article.documentId)).toBe(5);

    await editDraft(strapi, article.documentId, { title: 'Edited once more' });
    expect(await apiViews(app, article.documentId)).toBe(5);
    await publishArticle(strapi, article.documentId);
    const republished = await app.request().get(`/api/articles/${article.documentId}`);
    expect(republished.body.data).toMatchObject({ title: 'Edited once more', views: 5 });

    // Through the admin as well: an edit and a publish from the content manager.
    const edit = await cm.update(ARTICLE_UID, article.documentId, {
      standfirst: 'A new standfirst',
    });
    expect(edit.status).toBe(200);
    expect((await cm.publish(ARTICLE_UID, article.documentId)).status).toBe(200);
    expect((await cm.unpublish(ARTICLE_UID, article.documentId)).status).toBe(200);
    expect((await cm.publish(ARTICLE_UID, article.documentId)).status).toBe(200);
    expect(await apiViews(app, article.documentId)).toBe(5);
    expect((await view(article.documentId)).body.data).toMatchObject({ views: 6, counted: true });
  });

  it('refuses a draft-only article (404) and stores nothing for it', async () => {
    const draft = await createArticle(app.strapi, { publish: false });
    const res = await view(draft.documentId);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    await viewCounter(app).flush();
    expect(await storedViews(app, draft.documentId)).toBeUndefined();

    // Publishing it later starts from zero.
    await publishArticle(app.strapi, draft.documentId);
    expect(await apiViews(app, draft.documentId)).toBe(0);
  });

  it.each([
    ['an unknown (well-formed) document id', 'abcdefghijklmnopqrstuvwx'],
    ['a malformed id', 'not-a-document-id'],
    ['a numeric id', '1'],
    ['an id longer than any document id', 'a'.repeat(300)],
  ])('answers 404 for %s and stores nothing', async (_label, documentId) => {
    const res = await view(documentId);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    await viewCounter(app).flush();
    expect(await storedViews(app, documentId)).toBeUndefined();
  });

  describe('counting never touches the article', () => {
    let article: Doc;

    beforeAll(async () => {
      article = await createArticle(app.strapi);
      // Saved long ago: any write to its rows would move updatedAt to now, visibly.
      await setStored(app.strapi, article.documentId, { updatedAt: LONG_AGO });
    });

    it('the draft and published rows keep their updatedAt (and every other column)', async () => {
      const before = await articleRows(app.strapi, article.documentId);
      expect(before).toHaveLength(2);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => view(article.documentId)),
      );
      expect(responses.filter((res) => res.body.data?.counted === true)).toHaveLength(10);
      // Written to the counts tables, not to the article's rows.
      await viewCounter(app).flush();
      expect(await storedViews(app, article.documentId)).toBe(10);
      const after = await articleRows(app.strapi, article.documentId);
      expect(after).toEqual(before);
      for (const row of after) expect(new Date(String(row.updatedAt))).toEqual(LONG_AGO);

      const api = await app.request().get(`/api/articles/${article.documentId}`);
      expect(new Date(api.body.data.updatedAt)).toEqual(LONG_AGO);
    });

    it('the admin still sees the article as published, not modified', async () => {
      const res = await cm.findOne(ARTICLE_UID, article.documentId);
      expect(res.status).toBe(200);
      expect(res.body.data.status).toBe('published');
      expect(res.body.data.views).toBeUndefined();

      // The check can fail: a real draft edit does make it "modified".
      await cm.update(ARTICLE_UID, article.documentId, { standfirst: 'Changed after publishing' });
      expect((await cm.findOne(ARTICLE_UID, article.documentId)).body.data.status).toBe('modified');
    });

    it('the admin list also shows it published after more views', async () => {
      const fresh = await createArticle(app.strapi, { title: 'Listed and viewed' });
      const responses = await Promise.all(Array.from({ length: 5 }, () => view(fresh.documentId)));
      expect(responses.filter((res) => res.body.data?.counted === true)).toHaveLength(5);
      await viewCounter(app).flush();
      const list = await cm.findMany(ARTICLE_UID, `?filters[documentId][$eq]=${fresh.documentId}`);
      expect(list.status).toBe(200);
      expect(list.body.results).toEqual([
        expect.objectContaining({ documentId: fresh.documentId, status: 'published' }),
      ]);
    });
  });
});

/**
 * Who counts as a view, with the counter's default settings (a visitor counts once per article
 * per 30 minutes, no proxy trusted, views written every second): browsers do, crawlers and
 * requests without a User-Agent do not; a visitor's salt and day bucket roll over at midnight UTC
 * (on an injected clock). The rate limit is off here (see view-counter-settings).
 */

import { createArticle, type Doc, publishArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { apiViews, dailyViews, postView, storedViews, viewCounter } from '../helpers/views';

const CRAWLERS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'curl/8.5.0',
  'python-requests/2.32.3',
  'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
];

describeWithDatabase('a view', () => {
  let app: TestApp;

  const viewAs = (documentId: string, userAgent: string) =>
    app.request().post(`/api/articles/${documentId}/views`).set('User-Agent', userAgent);

  beforeAll(async () => {
    app = await bootStrapi();
  });
  afterAll(stopStrapi);

  describe('from a crawler or without a User-Agent', () => {
    let article: Doc;

    beforeAll(async () => {
      article = await createArticle(app.strapi);
    });

    it.each(CRAWLERS)(
      'is not counted for a crawler (%s), which gets the total',
      async (userAgent) => {
        const before = await apiViews(app, article.documentId);
        const res = await viewAs(article.documentId, userAgent);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          data: { documentId: article.documentId, views: before, counted: false },
        });
        await viewCounter(app).flush();
        expect(await storedViews(app, article.documentId)).toBe(before || undefined);
        expect(await apiViews(app, article.documentId)).toBe(before);
      },
    );

    it('is not counted without a User-Agent, or with a blank one', async () => {
      const before = await apiViews(app, article.documentId);
      const none = await app
        .request()
        .post(`/api/articles/${article.documentId}/views`)
        .unset('User-Agent');
      expect(none.status).toBe(200);
      expect(none.body.data).toEqual({
        documentId: article.documentId,
        views: before,
        counted: false,
      });
      const blank = await viewAs(article.documentId, '   ');
      expect(blank.body.data).toMatchObject({ views: before, counted: false });
      await viewCounter(app).flush();
      expect(await apiViews(app, article.documentId)).toBe(before);
    });

    it('is counted from a browser (the other side of the two checks above)', async () => {
      const before = await apiViews(app, article.documentId);
      const res = await postView(app, article.documentId, 'who-counts-browser');
      expect(res.body.data).toEqual({
        documentId: article.documentId,
        views: before + 1,
        counted: true,
      });
      await viewCounter(app).flush();
      expect(await storedViews(app, article.documentId)).toBe(before + 1);
    });
  });

  describe('of one visitor', () => {
    it('counts once, and another visitor counts again', async () => {
      const article = await createArticle(app.strapi);
      const first = await postView(app, article.documentId, 'dedupe-1');
      expect(first.body.data).toMatchObject({ views: 1, counted: true });
      for (let i = 0; i < 3; i += 1) {
        const again = await postView(app, article.documentId, 'dedupe-1');
        expect(again.status).toBe(200);
        expect(again.body.data).toEqual({
          documentId: article.documentId,
          views: 1,
          counted: false,
        });
      }
      const other = await postView(app, article.documentId, 'dedupe-2');
      expect(other.body.data).toMatchObject({ views: 2, counted: true });
      await viewCounter(app).flush();
      expect(await storedViews(app, article.documentId)).toBe(2);
    });

    it('counts once even when its views arrive together', async () => {
      const article = await createArticle(app.strapi);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => postView(app, article.documentId, 'dedupe-burst')),
      );
      expect(responses.filter((res) => res.body.data.counted === true)).toHaveLength(1);
      await viewCounter(app).flush();
      expect(await storedViews(app, article.documentId)).toBe(1);
    });

    it('counts once on each article', async () => {
      const [one, two] = [await createArticle(app.strapi), await createArticle(app.strapi)];
      expect((await postView(app, one.documentId, 'dedupe-both')).body.data.counted).toBe(true);
      expect((await postView(app, two.documentId, 'dedupe-both')).body.data.counted).toBe(true);
      expect((await postView(app, one.documentId, 'dedupe-both')).body.data.counted).toBe(false);
    });

    it('is one visitor whatever X-Forwarded-For says, without TRUST_PROXY', async () => {
      const article = await createArticle(app.strapi);
      const view = (forwardedFor: string) =>
        postView(app, article.documentId, 'xff-untrusted').set('X-Forwarded-For', forwardedFor);
      expect((await view('198.51.100.1')).body.data.counted).toBe(true);
      expect((await view('198.51.100.2')).body.data).toMatchObject({ views: 1, counted: false });
      expect((await view('203.0.113.9, 198.51.100.3')).body.data.counted).toBe(false);
      await viewCounter(app).flush();
      expect(await storedViews(app, article.documentId)).toBe(1);
    });

    it('of an article that is not published is a 404 that does not use up the visitor', async () => {
      const draft = await createArticle(app.strapi, { publish: false });
      const res = await postView(app, draft.documentId, 'draft-reader');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
      await publishArticle(app.strapi, draft.documentId);
      // The refused view did not use up this visitor's turn.
      expect((await postView(app, draft.documentId, 'draft-reader')).body.data).toMatchObject({
        views: 1,
        counted: true,
      });
    });
  });

  describe('around midnight UTC', () => {
    it('rolls the visitor salt and the day bucket over', async () => {
      const article = await createArticle(app.strapi);
      const counter = viewCounter(app);

      counter.useClock(() => new Date('2026-05-10T23:59:58.000Z'));
      expect((await postView(app, article.documentId, 'night-owl')).body.data).toMatchObject({
        views: 1,
        counted: true,
      });
      expect((await postView(app, article.documentId, 'night-owl')).body.data.counted).toBe(false);

      // Three seconds later, well within the 30-minute window, but on another UTC day.
      counter.useClock(() => new Date('2026-05-11T00:00:01.000Z'));
      expect((await postView(app, article.documentId, 'night-owl')).body.data).toMatchObject({
        views: 2,
        counted: true,
      });
      expect((await postView(app, article.documentId, 'night-owl')).body.data.counted).toBe(false);
      expect((await postView(app, article.documentId, 'early-bird')).body.data.counted).toBe(true);

      counter.useClock(() => new Date());
      await viewCounter(app).flush();
      expect(await storedViews(app, article.documentId)).toBe(3);
      expect(await dailyViews(app, article.documentId)).toEqual({
        '2026-05-10': 1,
        '2026-05-11': 2,
      });
    });

    it('writes a row per day in article_views_daily, adding to it on later flushes', async () => {
      const article = await createArticle(app.strapi);
      const counter = viewCounter(app);
      const at = (iso: string) => counter.useClock(() => new Date(iso));

      at('2026-04-01T08:00:00.000Z');
      await postView(app, article.documentId, 'rows-1');
      await postView(app, article.documentId, 'rows-2');
      at('2026-04-02T08:00:00.000Z');
      await postView(app, article.documentId, 'rows-1');
      await viewCounter(app).flush();
      expect(await dailyViews(app, article.documentId)).toEqual({
        '2026-04-01': 2,
        '2026-04-02': 1,
      });

      await postView(app, article.documentId, 'rows-3');
      at('2026-04-01T20:00:00.000Z');
      await postView(app, article.documentId, 'rows-4');
      counter.useClock(() => new Date());
      await viewCounter(app).flush();
      expect(await dailyViews(app, article.documentId)).toEqual({
        '2026-04-01': 3,
        '2026-04-02': 2,
      });
      expect(await storedViews(app, article.documentId)).toBe(5);
    });
  });

  describe('counted and not yet written', () => {
    it('is written by the flush timer by itself (every VIEWS_FLUSH_INTERVAL_MS, 1 s here)', async () => {
      const article = await createArticle(app.strapi);
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => postView(app, article.documentId, `timer-${i}`)),
      );
      expect(responses.filter((res) => res.body.data.counted === true)).toHaveLength(30);

      // No flush called here: this waits for the app's own timer, a few intervals at most.
      const deadline = Date.now() + 5000;
      while ((await storedViews(app, article.documentId)) !== 30 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await storedViews(app, article.documentId)).toBe(30);
      expect(Object.values(await dailyViews(app, article.documentId))).toEqual([30]);
      expect(await apiViews(app, article.documentId)).toBe(30);
    });
  });
});

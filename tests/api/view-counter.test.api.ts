import { adminLogin } from '../helpers/admin';
import { createArticle, type Doc } from '../helpers/fixtures';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { dailyViews, postView, storedViews, viewCounter } from '../helpers/views';

/**
 * The view counter with its default settings (a visitor counts once per 30 minutes, views written
 * every second, no proxy trusted). The rate limit is off here (see view-counter-settings).
 */

const ARTICLE = 'api::article.article';
const DAY_MS = 24 * 60 * 60 * 1000;
const CRAWLERS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'curl/8.5.0',
  'python-requests/2.32.3',
  'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
];

describe('counting views (default settings)', () => {
  let app: TestApp;

  const apiViews = async (documentId: string): Promise<number> => {
    const res = await app.request().get(`/api/articles/${documentId}`);
    expect(res.status).toBe(200);
    return res.body.data.views as number;
  };

  const flush = () => viewCounter(app).flush();

  beforeAll(async () => {
    app = await bootStrapi();
  });
  afterAll(async () => {
    // A failed test must not leave the clock on another day for the shutdown flush.
    viewCounter(app).useClock(() => new Date());
    await stopStrapi();
  });

  describe('who counts', () => {
    let article: Doc;

    beforeAll(async () => {
      article = await createArticle(app.strapi);
    });

    it.each(CRAWLERS)('does not count a crawler (%s), and answers the total', async (userAgent) => {
      const before = await apiViews(article.documentId);
      const res = await app
        .request()
        .post(`/api/articles/${article.documentId}/views`)
        .set('User-Agent', userAgent);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        data: { documentId: article.documentId, views: before, counted: false },
      });
      await flush();
      expect(await storedViews(app, article.documentId)).toBe(before || undefined);
      expect(await apiViews(article.documentId)).toBe(before);
    });

    it('does not count a request without a User-Agent, or with a blank one', async () => {
      const before = await apiViews(article.documentId);
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
      const blank = await app
        .request()
        .post(`/api/articles/${article.documentId}/views`)
        .set('User-Agent', '   ');
      expect(blank.body.data).toMatchObject({ views: before, counted: false });
      await flush();
      expect(await apiViews(article.documentId)).toBe(before);
    });

    it('counts a browser (the other side of the two checks above)', async () => {
      const before = await apiViews(article.documentId);
      const res = await postView(app, article.documentId, 'who-counts-browser');
      expect(res.body.data).toEqual({
        documentId: article.documentId,
        views: before + 1,
        counted: true,
      });
      await flush();
      expect(await storedViews(app, article.documentId)).toBe(before + 1);
    });
  });

  describe('one visitor, once per window', () => {
    it('counts the same visitor once, and another visitor again', async () => {
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
      await flush();
      expect(await storedViews(app, article.documentId)).toBe(2);
    });

    it('counts the same visitor once even when its views arrive together', async () => {
      const article = await createArticle(app.strapi);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => postView(app, article.documentId, 'dedupe-burst')),
      );
      expect(responses.filter((res) => res.body.data.counted === true)).toHaveLength(1);
      await flush();
      expect(await storedViews(app, article.documentId)).toBe(1);
    });

    it('keeps visitors apart per article: one reader counts on each article', async () => {
      const [one, two] = [await createArticle(app.strapi), await createArticle(app.strapi)];
      expect((await postView(app, one.documentId, 'dedupe-both')).body.data.counted).toBe(true);
      expect((await postView(app, two.documentId, 'dedupe-both')).body.data.counted).toBe(true);
      expect((await postView(app, one.documentId, 'dedupe-both')).body.data.counted).toBe(false);
    });

    it('ignores X-Forwarded-For without TRUST_PROXY: two forwarded addresses from one socket are one visitor', async () => {
      const article = await createArticle(app.strapi);
      const view = (forwardedFor: string) =>
        postView(app, article.documentId, 'xff-untrusted').set('X-Forwarded-For', forwardedFor);
      expect((await view('198.51.100.1')).body.data.counted).toBe(true);
      expect((await view('198.51.100.2')).body.data).toMatchObject({ views: 1, counted: false });
      expect((await view('203.0.113.9, 198.51.100.3')).body.data.counted).toBe(false);
      await flush();
      expect(await storedViews(app, article.documentId)).toBe(1);
    });
  });

  describe('the UTC day', () => {
    it('rolls the visitor salt and the day bucket over at midnight UTC', async () => {
      const article = await createArticle(app.strapi);
      const counter = viewCounter(app);
      const evening = new Date('2026-05-10T23:59:58.000Z');
      const nextMorning = new Date('2026-05-11T00:00:01.000Z');

      counter.useClock(() => evening);
      expect((await postView(app, article.documentId, 'night-owl')).body.data).toMatchObject({
        views: 1,
        counted: true,
      });
      expect((await postView(app, article.documentId, 'night-owl')).body.data.counted).toBe(false);

      // Three seconds later, well within the 30-minute window, but on another UTC day.
      counter.useClock(() => nextMorning);
      expect((await postView(app, article.documentId, 'night-owl')).body.data).toMatchObject({
        views: 2,
        counted: true,
      });
      expect((await postView(app, article.documentId, 'night-owl')).body.data.counted).toBe(false);
      expect((await postView(app, article.documentId, 'early-bird')).body.data.counted).toBe(true);

      counter.useClock(() => new Date());
      await flush();
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
      await flush();
      expect(await dailyViews(app, article.documentId)).toEqual({
        '2026-04-01': 2,
        '2026-04-02': 1,
      });

      await postView(app, article.documentId, 'rows-3');
      at('2026-04-01T20:00:00.000Z');
      await postView(app, article.documentId, 'rows-4');
      counter.useClock(() => new Date());
      await flush();
      expect(await dailyViews(app, article.documentId)).toEqual({
        '2026-04-01': 3,
        '2026-04-02': 2,
      });
      expect(await storedViews(app, article.documentId)).toBe(5);
    });
  });

  describe('the buffer', () => {
    it('answers totals that include views not written yet, and the database catches up by itself', async () => {
      const article = await createArticle(app.strapi);
      await flush();
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => postView(app, article.documentId, `buffer-${i}`)),
      );
      expect(responses.filter((res) => res.body.data.counted === true)).toHaveLength(30);
      expect(Math.max(...responses.map((res) => res.body.data.views as number))).toBe(30);
      // Readers see all 30 at once, whether or not they are written yet.
      expect(await apiViews(article.documentId)).toBe(30);
      const list = await app
        .request()
        .get(`/api/articles?filters[documentId][$eq]=${article.documentId}`);
      expect(list.body.data).toEqual([expect.objectContaining({ views: 30 })]);

      // No explicit flush: the 1-second timer writes them.
      const deadline = Date.now() + 5000;
      while ((await storedViews(app, article.documentId)) !== 30 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await storedViews(app, article.documentId)).toBe(30);
      expect(Object.values(await dailyViews(app, article.documentId))).toEqual([30]);
      expect(await apiViews(article.documentId)).toBe(30);
    });

    it('answers 404 for an article that is not published, before looking at the visitor', async () => {
      const draft = await createArticle(app.strapi, { publish: false });
      const res = await postView(app, draft.documentId, 'draft-reader');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
      await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
      // The refused view did not use up this visitor's turn.
      expect((await postView(app, draft.documentId, 'draft-reader')).body.data).toMatchObject({
        views: 1,
        counted: true,
      });
    });
  });

  describe('the admin routes', () => {
    let token: string;
    let article: Doc;
    const NOW = new Date('2026-06-15T12:00:00.000Z');

    const admin = (path: string, bearer?: string) => {
      const req = app.request().get(path);
      return bearer ? req.set('Authorization', `Bearer ${bearer}`) : req;
    };

    /** An admin user whose role has exactly `permissions`, logged in. */
    const adminWithPermissions = async (
      name: string,
      permissions: Array<{ action: string; subject: string }>,
    ): Promise<string> => {
      const roles = app.strapi.service('admin::role');
      const role = (await roles.create({ name, description: `${name} (test)` })) as { id: number };
      if (permissions.length > 0) await roles.assignPermissions(role.id, permissions);
      const email = `${name.toLowerCase().replace(/\W+/g, '.')}@newsroom.test`;
      const password = 'Passw0rdForTests';
      await app.strapi.service('admin::user').create({
        email,
        firstname: name,
        password,
        isActive: true,
        roles: [role.id],
      });
      return adminLogin(app, { email, password });
    };

    beforeAll(async () => {
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
      for (const [daysAgo, views] of plan) {
        counter.useClock(() => new Date(NOW.getTime() - daysAgo * DAY_MS));
        for (let i = 0; i < views; i += 1) {
          expect((await postView(app, article.documentId, `admin-${i}`)).body.data.counted).toBe(
            true,
          );
        }
      }
      counter.useClock(() => NOW);
      await flush();
    });
    afterAll(() => viewCounter(app).useClock(() => new Date()));

    it('GET /newsroom-views/articles/:documentId answers the day, week, month and all-time views', async () => {
      const res = await admin(`/newsroom-views/articles/${article.documentId}`, token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        data: { documentId: article.documentId, views: { day: 2, week: 5, month: 9, all: 14 } },
      });
    });

    it('adds views not written yet to every period', async () => {
      const fresh = await createArticle(app.strapi);
      await postView(app, fresh.documentId, 'admin-unwritten');
      const res = await admin(`/newsroom-views/articles/${fresh.documentId}`, token);
      expect(res.body.data.views).toEqual({ day: 1, week: 1, month: 1, all: 1 });
    });

    it('answers zeros for an article never read, and 404 for an id that cannot be one', async () => {
      const unread = await createArticle(app.strapi);
      const res = await admin(`/newsroom-views/articles/${unread.documentId}`, token);
      expect(res.body).toEqual({
        data: { documentId: unread.documentId, views: { day: 0, week: 0, month: 0, all: 0 } },
      });
      const bad = await admin('/newsroom-views/articles/not-a-document-id', token);
      expect(bad.status).toBe(404);
      expect(bad.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    });

    it('GET /newsroom-views/most-read answers the ranking to an admin', async () => {
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
      expect(bad.body).toMatchObject({
        data: null,
        error: { status: 400, name: 'ValidationError' },
      });
    });

    it.each([['/newsroom-views/most-read'], ['/newsroom-views/articles/abcdefghijklmnopqrstuvwx']])(
      '%s is 401 without a token or with a bad one',
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

    it('is 403 for an admin whose role may not read articles, and 200 once it may', async () => {
      const without = await adminWithPermissions('No Articles Reader', []);
      const paths = ['/newsroom-views/most-read', `/newsroom-views/articles/${article.documentId}`];
      for (const path of paths) {
        const res = await admin(path, without);
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({
          data: null,
          error: { status: 403, name: 'ForbiddenError' },
        });
      }

      const reader = await adminWithPermissions('Articles Reader', [
        { action: 'plugin::content-manager.explorer.read', subject: ARTICLE },
      ]);
      for (const path of paths) expect((await admin(path, reader)).status).toBe(200);

      // Reading another type does not let one read article views.
      const sections = await adminWithPermissions('Sections Reader', [
        { action: 'plugin::content-manager.explorer.read', subject: 'api::section.section' },
      ]);
      expect((await admin(paths[1], sections)).status).toBe(403);
    });

    it('is not reachable on the content API', async () => {
      const res = await app.request().get(`/api/newsroom-views/articles/${article.documentId}`);
      expect(res.status).toBe(404);
    });
  });
});

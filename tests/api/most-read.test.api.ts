import type supertest from 'supertest';

import { adminLogin } from '../helpers/admin';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView, viewCounter } from '../helpers/views';

const ARTICLE = 'api::article.article';
const DAY_MS = 24 * 60 * 60 * 1000;
/** "Now" for the whole file: the ranking's periods are counted back from this UTC day. */
const NOW = new Date('2026-06-15T12:00:00.000Z');

const expectError = (res: supertest.Response, status: number, name: string) => {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: {
      data: null,
      error: { status, name, message: expect.any(String), details: expect.anything() },
    },
  });
  expect(res.headers['content-type']).toMatch(/application\/json/);
};

describe('the most read articles (GET /api/articles/most-read)', () => {
  let app: TestApp;
  const articles: Record<string, Doc> = {};
  const sections: Record<string, Doc> = {};

  const mostRead = (query = '') => app.request().get(`/api/articles/most-read${query}`);
  /** The titles ranked for a query, checking the answer is a 200. */
  const ranked = async (query = ''): Promise<string[]> => {
    const res = await mostRead(query);
    expect(res.status).toBe(200);
    return (res.body.data as Array<{ title: string }>).map((item) => item.title);
  };

  /** `visitors` distinct readers view `name` on the UTC day `daysAgo` days before NOW. */
  const readOn = async (name: string, daysAgo: number, visitors: number) => {
    viewCounter(app).useClock(() => new Date(NOW.getTime() - daysAgo * DAY_MS));
    const responses = await Promise.all(
      Array.from({ length: visitors }, (_, i) =>
        postView(app, articles[name].documentId, `${name}-${daysAgo}-${i}`),
      ),
    );
    expect(responses.filter((res) => res.body.data?.counted === true)).toHaveLength(visitors);
  };

  beforeAll(async () => {
    app = await bootStrapi();
    const { strapi } = app;
    sections.world = await createSection(strapi, { name: 'World' });
    sections.europe = await createSection(strapi, {
      name: 'Europe',
      parent: sections.world.documentId,
    });
    sections.balkans = await createSection(strapi, {
      name: 'Balkans',
      parent: sections.europe.documentId,
    });
    sections.sport = await createSection(strapi, { name: 'Sport' });
    sections.empty = await createSection(strapi, { name: 'Quiet' });

    const make = async (name: string, section: string, publish = true) => {
      articles[name] = await createArticle(strapi, {
        title: name,
        section: sections[section].documentId,
        publish,
      });
    };
    await make('Alpha', 'world');
    await make('Bravo', 'europe');
    await make('Charlie', 'balkans');
    await make('Echo', 'sport');
    await make('Foxtrot', 'sport');
    await make('Golf', 'world');
    await make('Withdrawn', 'world');
    await make('Draft', 'world', false);

    // Views per UTC day. Today is NOW's day; a week is today and the 6 days before; a month is
    // today and the 29 days before.
    await readOn('Alpha', 0, 5);
    await readOn('Bravo', 0, 3);
    await readOn('Bravo', 6, 10); // the first day of the week
    await readOn('Charlie', 0, 1);
    await readOn('Charlie', 7, 20); // the day before the week: in the month only
    await readOn('Foxtrot', 29, 30); // the first day of the month
    await readOn('Echo', 30, 50); // the day before the month: all time only
    await readOn('Golf', 1, 40); // yesterday: not today, in the week
    await readOn('Withdrawn', 0, 60);
    viewCounter(app).useClock(() => NOW);
    await viewCounter(app).flush();

    // Counted while published, then withdrawn.
    await strapi.documents(ARTICLE).unpublish({ documentId: articles.Withdrawn.documentId });
    // A draft cannot be viewed through the API; give it counts straight in the tables.
    await strapi.db.connection('article_views').insert({
      document_id: articles.Draft.documentId,
      views: 1000,
    });
    await strapi.db.connection('article_views_daily').insert({
      document_id: articles.Draft.documentId,
      day: '2026-06-15',
      views: 1000,
    });
    // A published article's unpublished edit does not show, nor duplicate it.
    await strapi.documents(ARTICLE).update({
      documentId: articles.Alpha.documentId,
      data: { title: 'Alpha EMBARGOED edit' } as Record<string, unknown>,
    });
  });
  afterAll(async () => {
    viewCounter(app).useClock(() => new Date());
    await stopStrapi();
  });

  describe('periods', () => {
    it('ranks today by default, most views first', async () => {
      expect(await ranked()).toEqual(['Alpha', 'Bravo', 'Charlie']);
      expect(await ranked('?period=day')).toEqual(await ranked());
    });

    it('breaks a tie in favour of the article first published more recently', async () => {
      const { strapi } = app;
      const ties = await createSection(strapi, { name: 'Ties' });
      const names = ['Tie new', 'Tie old', 'Tie oldest'];
      // Made in this order so that, were ties broken by id (or row order), the oldest would win.
      for (const name of names) {
        articles[name] = await createArticle(strapi, { title: name, section: ties.documentId });
      }
      const firstPublished = (name: string, iso: string) =>
        strapi.db.query(ARTICLE).updateMany({
          where: { documentId: articles[name].documentId },
          data: { originallyPublishedAt: new Date(iso) },
        });
      await firstPublished('Tie new', '2026-06-10T09:00:00.000Z');
      await firstPublished('Tie old', '2026-01-02T09:00:00.000Z');
      await firstPublished('Tie oldest', '2025-12-31T09:00:00.000Z');
      try {
        for (const name of names) await readOn(name, 0, 2);
        viewCounter(app).useClock(() => NOW);
        await viewCounter(app).flush();
        for (const period of ['day', 'week', 'month', 'all']) {
          expect(await ranked(`?period=${period}&section=ties`)).toEqual(names);
        }
        expect(await ranked()).toEqual(['Alpha', 'Bravo', ...names, 'Charlie']);
      } finally {
        viewCounter(app).useClock(() => NOW);
        for (const name of names) {
          await strapi.documents(ARTICLE).unpublish({ documentId: articles[name].documentId });
        }
      }
    });

    it('answers each article with its title, slug, section and views, and the query in meta', async () => {
      const res = await mostRead('?period=day&limit=2');
      expect(res.body).toEqual({
        data: [
          {
            documentId: articles.Alpha.documentId,
            title: 'Alpha',
            slug: 'alpha',
            section: { name: 'World', slug: 'world' },
            views: 5,
          },
          {
            documentId: articles.Bravo.documentId,
            title: 'Bravo',
            slug: 'bravo',
            section: { name: 'Europe', slug: 'europe' },
            views: 3,
          },
        ],
        meta: { period: 'day', limit: 2, section: null },
      });
    });

    it('ranks the week: today and the six days before', async () => {
      const res = await mostRead('?period=week');
      expect(
        (res.body.data as Array<{ title: string; views: number }>).map((a) => [a.title, a.views]),
      ).toEqual([
        ['Golf', 40],
        ['Bravo', 13],
        ['Alpha', 5],
        ['Charlie', 1],
      ]);
    });

    it('ranks the month: today and the 29 days before', async () => {
      const res = await mostRead('?period=month');
      expect(
        (res.body.data as Array<{ title: string; views: number }>).map((a) => [a.title, a.views]),
      ).toEqual([
        ['Golf', 40],
        ['Foxtrot', 30],
        ['Charlie', 21],
        ['Bravo', 13],
        ['Alpha', 5],
      ]);
    });

    it('ranks all time by the totals', async () => {
      const res = await mostRead('?period=all');
      expect(
        (res.body.data as Array<{ title: string; views: number }>).map((a) => [a.title, a.views]),
      ).toEqual([
        ['Echo', 50],
        ['Golf', 40],
        ['Foxtrot', 30],
        ['Charlie', 21],
        ['Bravo', 13],
        ['Alpha', 5],
      ]);
    });

    it('never lists drafts or unpublished articles, whatever their counts', async () => {
      for (const period of ['day', 'week', 'month', 'all']) {
        const titles = await ranked(`?period=${period}&limit=50`);
        expect(titles).not.toContain('Draft');
        expect(titles).not.toContain('Withdrawn');
        expect(titles).not.toContain('Alpha EMBARGOED edit');
        expect(new Set(titles).size).toBe(titles.length);
      }
    });

    it('lists an article again once it is published again', async () => {
      const { documentId } = articles.Withdrawn;
      await app.strapi.documents(ARTICLE).publish({ documentId });
      try {
        expect((await ranked('?period=day&limit=1'))[0]).toBe('Withdrawn');
      } finally {
        await app.strapi.documents(ARTICLE).unpublish({ documentId });
      }
      expect(await ranked('?period=day&limit=50')).not.toContain('Withdrawn');
    });

    it('moves with the clock: the periods end on the current UTC day', async () => {
      const rankingOn = async (daysLater: number, period: string) => {
        viewCounter(app).useClock(() => new Date(NOW.getTime() + daysLater * DAY_MS));
        try {
          const res = await mostRead(`?period=${period}`);
          expect(res.status).toBe(200);
          return (res.body.data as Array<{ title: string; views: number }>).map((a) => [
            a.title,
            a.views,
          ]);
        } finally {
          viewCounter(app).useClock(() => NOW);
        }
      };
      expect(await rankingOn(1, 'day')).toEqual([]);
      // Tomorrow, Bravo's views of 6 days ago are out of the week.
      expect(await rankingOn(1, 'week')).toEqual([
        ['Golf', 40],
        ['Alpha', 5],
        ['Bravo', 3],
        ['Charlie', 1],
      ]);
      // In six days, yesterday's are out too; today's are still in.
      expect(await rankingOn(6, 'week')).toEqual([
        ['Alpha', 5],
        ['Bravo', 3],
        ['Charlie', 1],
      ]);
      expect(await rankingOn(7, 'week')).toEqual([]);
      // Tomorrow, Foxtrot's first month day is out of the month; all time never moves.
      expect((await rankingOn(1, 'month')).map(([title]) => title)).not.toContain('Foxtrot');
      expect(await rankingOn(400, 'all')).toEqual(await rankingOn(0, 'all'));
    });
  });

  describe('section and limit', () => {
    it('takes a section with its sub-sections, at any depth', async () => {
      expect(await ranked('?period=all&section=world')).toEqual([
        'Golf',
        'Charlie',
        'Bravo',
        'Alpha',
      ]);
      expect(await ranked('?period=all&section=europe')).toEqual(['Charlie', 'Bravo']);
      expect(await ranked('?period=all&section=balkans')).toEqual(['Charlie']);
      expect(await ranked('?period=all&section=sport')).toEqual(['Echo', 'Foxtrot']);
      expect(await ranked('?period=day&section=europe')).toEqual(['Bravo', 'Charlie']);
    });

    it('gives each article its own section, not the one asked for', async () => {
      const res = await mostRead('?period=all&section=world&limit=50');
      expect(
        (res.body.data as Array<{ title: string; section: { slug: string } }>).map((a) => [
          a.title,
          a.section.slug,
        ]),
      ).toEqual([
        ['Golf', 'world'],
        ['Charlie', 'balkans'],
        ['Bravo', 'europe'],
        ['Alpha', 'world'],
      ]);
      expect(res.body.meta).toEqual({ period: 'all', limit: 50, section: 'world' });
    });

    it('answers an empty list for a section nobody read', async () => {
      const res = await mostRead('?period=all&section=quiet');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    });

    it('answers 404 for an unknown section', async () => {
      expectError(await mostRead('?section=atlantis'), 404, 'NotFoundError');
      expectError(await mostRead('?period=all&section=World'), 404, 'NotFoundError');
    });

    it.each([
      ['1', ['Echo']],
      ['3', ['Echo', 'Golf', 'Foxtrot']],
      ['50', ['Echo', 'Golf', 'Foxtrot', 'Charlie', 'Bravo', 'Alpha']],
    ])('answers at most limit=%s articles', async (limit, titles) => {
      expect(await ranked(`?period=all&limit=${limit}`)).toEqual(titles);
    });

    it('answers 10 articles by default when more were read', async () => {
      const extra = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          createArticle(app.strapi, { title: `Extra ${i}`, section: sections.sport.documentId }),
        ),
      );
      await Promise.all(extra.map((article, i) => postView(app, article.documentId, `extra-${i}`)));
      await viewCounter(app).flush();
      const all = await ranked('?period=all&limit=50');
      expect(all).toHaveLength(12);
      const res = await mostRead('?period=all');
      expect(res.body.data).toHaveLength(10);
      expect(res.body.meta).toEqual({ period: 'all', limit: 10, section: null });
      expect((res.body.data as Array<{ title: string }>).map((a) => a.title)).toEqual(
        all.slice(0, 10),
      );
      await Promise.all(
        extra.map((article) =>
          app.strapi.documents(ARTICLE).unpublish({ documentId: article.documentId }),
        ),
      );
    });
  });

  describe('bad queries', () => {
    it.each([
      ['an unknown period', '?period=year'],
      ['a period in capitals', '?period=DAY'],
      ['an empty period', '?period='],
      ['two periods', '?period=day&period=week'],
      ['a period object', '?period[$eq]=day'],
      ['limit 0', '?limit=0'],
      ['limit 51', '?limit=51'],
      ['a negative limit', '?limit=-1'],
      ['a fractional limit', '?limit=2.5'],
      ['a word for the limit', '?limit=ten'],
      ['an empty limit', '?limit='],
      ['two limits', '?limit=1&limit=2'],
      ['a huge limit', `?limit=${'9'.repeat(30)}`],
      ['an empty section', '?section='],
      ['two sections', '?section=world&section=sport'],
      ['a section object', '?section[$ne]=world'],
      ['an unknown parameter', '?sort=views'],
      ['pagination', '?pagination[page]=2'],
      ['a filter', '?filters[title][$eq]=Alpha'],
      ['populate', '?populate=*'],
    ])('answers 400 to %s (%s)', async (_label, query) => {
      expectError(await mostRead(query), 400, 'ValidationError');
    });

    it('refuses the same query on the admin route, which otherwise answers the same ranking', async () => {
      const token = await adminLogin(app);
      const admin = (query: string) =>
        app
          .request()
          .get(`/newsroom-views/most-read${query}`)
          .set('Authorization', `Bearer ${token}`);
      const good = await admin('?period=all&section=europe');
      expect(good.status).toBe(200);
      expect(good.body.data).toEqual((await mostRead('?period=all&section=europe')).body.data);
      expectError(await admin('?limit=51'), 400, 'ValidationError');
      expectError(await admin('?sort=views'), 400, 'ValidationError');
      expect((await app.request().get('/newsroom-views/most-read')).status).toBe(401);
    });

    it('answers 404 for an unknown section on the admin route too', async () => {
      const token = await adminLogin(app);
      const res = await app
        .request()
        .get('/newsroom-views/most-read?section=atlantis')
        .set('Authorization', `Bearer ${token}`);
      expectError(res, 404, 'NotFoundError');
    });
  });
});

/**
 * What `GET /api/articles/most-read` takes besides the period: a section (with its sub-sections,
 * 404 when unknown) and a limit (10 by default, 1 to 50); anything else, or a malformed value, is
 * a 400, on the admin's route as well.
 */

import { adminLogin } from '../helpers/admin';
import { expectError } from '../helpers/errors';
import { createArticle, unpublishArticle } from '../helpers/fixtures';
import { mostRead, ranked, seedRanking } from '../helpers/most-read';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView, viewCounter } from '../helpers/views';

describeWithDatabase('the most read articles', () => {
  let app: TestApp;
  let seeded: Awaited<ReturnType<typeof seedRanking>>;

  const adminMostRead = async (query: string) =>
    app
      .request()
      .get(`/newsroom-views/most-read${query}`)
      .set('Authorization', `Bearer ${await adminLogin(app)}`);

  beforeAll(async () => {
    app = await bootStrapi();
    seeded = await seedRanking(app);
  });
  afterAll(stopStrapi);

  describe('of a section', () => {
    it('include its sub-sections, at any depth', async () => {
      expect(await ranked(app, '?period=all&section=world')).toEqual([
        'Golf',
        'Charlie',
        'Bravo',
        'Alpha',
      ]);
      expect(await ranked(app, '?period=all&section=europe')).toEqual(['Charlie', 'Bravo']);
      expect(await ranked(app, '?period=all&section=balkans')).toEqual(['Charlie']);
      expect(await ranked(app, '?period=all&section=sport')).toEqual(['Echo', 'Foxtrot']);
      expect(await ranked(app, '?period=day&section=europe')).toEqual(['Bravo', 'Charlie']);
    });

    it('carry each its own section, not the one asked for', async () => {
      const res = await mostRead(app, '?period=all&section=world&limit=50');
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

    it('nobody read are an empty list', async () => {
      const res = await mostRead(app, '?period=all&section=quiet');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    });

    it('that does not exist are a 404', async () => {
      expectError(await mostRead(app, '?section=atlantis'), 404, 'NotFoundError');
      expectError(await mostRead(app, '?period=all&section=World'), 404, 'NotFoundError');
    });
  });

  describe('with a limit', () => {
    it.each([
      ['1', ['Echo']],
      ['3', ['Echo', 'Golf', 'Foxtrot']],
      ['50', ['Echo', 'Golf', 'Foxtrot', 'Charlie', 'Bravo', 'Alpha']],
    ])('are at most limit=%s', async (limit, titles) => {
      expect(await ranked(app, `?period=all&limit=${limit}`)).toEqual(titles);
    });

    it('are 10 by default when more were read', async () => {
      const extra = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          createArticle(app.strapi, {
            title: `Extra ${i}`,
            section: seeded.sections.sport.documentId,
          }),
        ),
      );
      await Promise.all(extra.map((article, i) => postView(app, article.documentId, `extra-${i}`)));
      await viewCounter(app).flush();
      try {
        const all = await ranked(app, '?period=all&limit=50');
        expect(all).toHaveLength(12);
        const res = await mostRead(app, '?period=all');
        expect(res.body.data).toHaveLength(10);
        expect(res.body.meta).toEqual({ period: 'all', limit: 10, section: null });
        expect((res.body.data as Array<{ title: string }>).map((a) => a.title)).toEqual(
          all.slice(0, 10),
        );
      } finally {
        for (const article of extra) await unpublishArticle(app.strapi, article.documentId);
      }
    });
  });

  describe('asked for badly', () => {
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
    ])('are a 400 with %s (%s)', async (_label, query) => {
      expectError(await mostRead(app, query), 400, 'ValidationError');
    });

    it("are refused on the admin's route too, which otherwise answers the same ranking", async () => {
      const good = await adminMostRead('?period=all&section=europe');
      expect(good.status).toBe(200);
      expect(good.body.data).toEqual((await mostRead(app, '?period=all&section=europe')).body.data);
      expectError(await adminMostRead('?limit=51'), 400, 'ValidationError');
      expectError(await adminMostRead('?sort=views'), 400, 'ValidationError');
      expect((await app.request().get('/newsroom-views/most-read')).status).toBe(401);
    });

    it("of an unknown section are a 404 on the admin's route too", async () => {
      expectError(await adminMostRead('?section=atlantis'), 404, 'NotFoundError');
    });
  });
});

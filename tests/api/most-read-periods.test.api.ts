/**
 * The most read articles over each period (`GET /api/articles/most-read?period=`): today, the
 * week, the month (UTC days, counted back from the counter's injected clock) and all time; ties go
 * to the article first published more recently; drafts and unpublished articles never rank.
 */

import { ARTICLE_UID } from '../../src/constants';
import { DAY_MS } from '../../src/views';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';
import { mostRead, ranked, RANKING_NOW, readOn, seedRanking } from '../helpers/most-read';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { viewCounter } from '../helpers/views';

describeWithDatabase('the most read articles', () => {
  let app: TestApp;
  let seeded: Awaited<ReturnType<typeof seedRanking>>;

  /** The ranking of a period as [title, views]. */
  const withViews = async (query: string) => {
    const res = await mostRead(app, query);
    expect(res.status).toBe(200);
    return (res.body.data as Array<{ title: string; views: number }>).map((a) => [
      a.title,
      a.views,
    ]);
  };

  beforeAll(async () => {
    app = await bootStrapi();
    seeded = await seedRanking(app);
  });
  afterAll(stopStrapi);

  it('of today are ranked by default, most views first', async () => {
    expect(await ranked(app)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await ranked(app, '?period=day')).toEqual(await ranked(app));
  });

  it('break a tie in favour of the article first published more recently', async () => {
    const { strapi } = app;
    const ties = await createSection(strapi, { name: 'Ties' });
    const names = ['Tie new', 'Tie old', 'Tie oldest'];
    const tied: Record<string, Doc> = {};
    // Made in this order so that, were ties broken by id (or row order), the oldest would win.
    for (const name of names) {
      tied[name] = await createArticle(strapi, { title: name, section: ties.documentId });
    }
    const firstPublished = (name: string, iso: string) =>
      strapi.db.query(ARTICLE_UID).updateMany({
        where: { documentId: tied[name].documentId },
        data: { originallyPublishedAt: new Date(iso) },
      });
    await firstPublished('Tie new', '2026-06-10T09:00:00.000Z');
    await firstPublished('Tie old', '2026-01-02T09:00:00.000Z');
    await firstPublished('Tie oldest', '2025-12-31T09:00:00.000Z');
    try {
      for (const name of names) await readOn(app, tied[name], 0, 2);
      viewCounter(app).useClock(() => RANKING_NOW);
      await viewCounter(app).flush();
      for (const period of ['day', 'week', 'month', 'all']) {
        expect(await ranked(app, `?period=${period}&section=ties`)).toEqual(names);
      }
      expect(await ranked(app)).toEqual(['Alpha', 'Bravo', ...names, 'Charlie']);
    } finally {
      viewCounter(app).useClock(() => RANKING_NOW);
      for (const name of names) {
        await strapi.documents(ARTICLE_UID).unpublish({ documentId: tied[name].documentId });
      }
    }
  });

  it('are answered with their title, slug, section and views, and the query in meta', async () => {
    const { articles } = seeded;
    const res = await mostRead(app, '?period=day&limit=2');
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

  it('of the week count today and the six days before', async () => {
    expect(await withViews('?period=week')).toEqual([
      ['Golf', 40],
      ['Bravo', 13],
      ['Alpha', 5],
      ['Charlie', 1],
    ]);
  });

  it('of the month count today and the 29 days before', async () => {
    expect(await withViews('?period=month')).toEqual([
      ['Golf', 40],
      ['Foxtrot', 30],
      ['Charlie', 21],
      ['Bravo', 13],
      ['Alpha', 5],
    ]);
  });

  it('of all time are ranked by the totals', async () => {
    expect(await withViews('?period=all')).toEqual([
      ['Echo', 50],
      ['Golf', 40],
      ['Foxtrot', 30],
      ['Charlie', 21],
      ['Bravo', 13],
      ['Alpha', 5],
    ]);
  });

  it('never include drafts or unpublished articles, whatever their counts', async () => {
    for (const period of ['day', 'week', 'month', 'all']) {
      const titles = await ranked(app, `?period=${period}&limit=50`);
      expect(titles).not.toContain('Draft');
      expect(titles).not.toContain('Withdrawn');
      expect(titles).not.toContain('Alpha EMBARGOED edit');
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it('include an article again once it is published again', async () => {
    const { documentId } = seeded.articles.Withdrawn;
    await app.strapi.documents(ARTICLE_UID).publish({ documentId });
    try {
      expect((await ranked(app, '?period=day&limit=1'))[0]).toBe('Withdrawn');
    } finally {
      await app.strapi.documents(ARTICLE_UID).unpublish({ documentId });
    }
    expect(await ranked(app, '?period=day&limit=50')).not.toContain('Withdrawn');
  });

  it('move with the clock: the periods end on the current UTC day', async () => {
    const rankingOn = async (daysLater: number, period: string) => {
      viewCounter(app).useClock(() => new Date(RANKING_NOW.getTime() + daysLater * DAY_MS));
      try {
        return await withViews(`?period=${period}`);
      } finally {
        viewCounter(app).useClock(() => RANKING_NOW);
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

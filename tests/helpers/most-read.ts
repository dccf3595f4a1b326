import { ARTICLE_UID } from '../../src/constants';
import { DAY_MS } from '../../src/views';
import { createArticle, createSection, type Doc, editDraft } from './fixtures';
import type { TestApp } from './strapi';
import { postView, viewCounter } from './views';

/** "Now" for the ranking tests: their periods are counted back from this UTC day. */
export const RANKING_NOW = new Date('2026-06-15T12:00:00.000Z');

/** `GET /api/articles/most-read` with `query`. */
export const mostRead = (app: TestApp, query = '') =>
  app.request().get(`/api/articles/most-read${query}`);

/** The titles ranked for a query, checking the answer is a 200. */
export const ranked = async (app: TestApp, query = ''): Promise<string[]> => {
  const res = await mostRead(app, query);
  expect(res.status).toBe(200);
  return (res.body.data as Array<{ title: string }>).map((item) => item.title);
};

/**
 * `visitors` distinct readers view `article` on the UTC day `daysAgo` days before RANKING_NOW
 * (the counter's clock is moved there; the caller moves it back).
 */
export const readOn = async (app: TestApp, article: Doc, daysAgo: number, visitors: number) => {
  viewCounter(app).useClock(() => new Date(RANKING_NOW.getTime() - daysAgo * DAY_MS));
  const responses = await Promise.all(
    Array.from({ length: visitors }, (_, i) =>
      postView(app, article.documentId, `${article.documentId}-${daysAgo}-${i}`),
    ),
  );
  expect(responses.filter((res) => res.body.data?.counted === true)).toHaveLength(visitors);
};

/**
 * The newsroom the rankings are read from: sections World > Europe > Balkans, Sport and Quiet;
 * articles titled by name, read on the days below (written, with the counter's clock left on
 * RANKING_NOW); Withdrawn read then unpublished; Draft given counts straight in the tables;
 * Alpha with an unpublished edit of its title.
 */
export const seedRanking = async (app: TestApp) => {
  const { strapi } = app;
  const sections: Record<string, Doc> = {};
  const articles: Record<string, Doc> = {};
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

  const plan: Array<[name: string, section: string, publish: boolean]> = [
    ['Alpha', 'world', true],
    ['Bravo', 'europe', true],
    ['Charlie', 'balkans', true],
    ['Echo', 'sport', true],
    ['Foxtrot', 'sport', true],
    ['Golf', 'world', true],
    ['Withdrawn', 'world', true],
    ['Draft', 'world', false],
  ];
  for (const [name, section, publish] of plan) {
    articles[name] = await createArticle(strapi, {
      title: name,
      section: sections[section].documentId,
      publish,
    });
  }

  // Views per UTC day. Today is RANKING_NOW's day; a week is today and the 6 days before; a
  // month is today and the 29 days before.
  await readOn(app, articles.Alpha, 0, 5);
  await readOn(app, articles.Bravo, 0, 3);
  await readOn(app, articles.Bravo, 6, 10); // the first day of the week
  await readOn(app, articles.Charlie, 0, 1);
  await readOn(app, articles.Charlie, 7, 20); // the day before the week: in the month only
  await readOn(app, articles.Foxtrot, 29, 30); // the first day of the month
  await readOn(app, articles.Echo, 30, 50); // the day before the month: all time only
  await readOn(app, articles.Golf, 1, 40); // yesterday: not today, in the week
  await readOn(app, articles.Withdrawn, 0, 60);
  viewCounter(app).useClock(() => RANKING_NOW);
  await viewCounter(app).flush();

  // Counted while published, then withdrawn.
  await strapi.documents(ARTICLE_UID).unpublish({ documentId: articles.Withdrawn.documentId });
  // A draft cannot be viewed through the API; give it counts straight in the tables.
  await strapi.db
    .connection('article_views')
    .insert({ document_id: articles.Draft.documentId, views: 1000 });
  await strapi.db
    .connection('article_views_daily')
    .insert({ document_id: articles.Draft.documentId, day: '2026-06-15', views: 1000 });
  // A published article's unpublished edit does not show, nor duplicate it.
  await editDraft(strapi, articles.Alpha.documentId, { title: 'Alpha EMBARGOED edit' });

  return { sections, articles };
};

/**
 * Proves `/news-sitemap.xml` (Google News): the articles first published in the 48 hours before
 * the feeds' clock (injected here, never waited for), newest first, with `news:publication`
 * (name, and the language as ISO 639 from the site settings' `en-GB`), `news:publication_date`
 * and `news:title` escaped; older, future, draft and unpublished articles absent.
 */
import {
  createArticle,
  createAuthor,
  createSection,
  type Doc,
  setStored,
  unpublishArticle,
} from '../helpers/fixtures';
import { setSiteSettings, TEST_PUBLICATION } from '../helpers/site-settings';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { childrenNamed, childText, locsOf } from '../helpers/xml';

type Feeds = typeof import('../../src/site/feeds');

const NOW = new Date('2026-06-15T12:00:00.000Z');
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const HOSTILE_TITLE = 'Breaking: <script> & "quotes" ]]> in the news';

let app: TestApp;
const docs: Record<string, Doc> = {};

/** A published (or draft) article first published `ago` milliseconds before NOW. */
const articleAt = async (title: string, ago: number, publish = true) => {
  const doc = await createArticle(app.strapi, {
    title,
    publish,
    section: docs.section.documentId,
    authors: [docs.author.documentId],
  });
  await setStored(app.strapi, doc.documentId, {
    originallyPublishedAt: new Date(NOW.getTime() - ago),
  });
  return doc;
};

const newsEntries = async () => {
  const res = await app.request().get('/news-sitemap.xml').buffer(true);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  return locsOf(res.text).entries.map(({ loc, node }) => {
    const [news] = childrenNamed(node, 'news:news');
    const [publication] = childrenNamed(news, 'news:publication');
    return {
      loc,
      name: childText(publication, 'news:name'),
      language: childText(publication, 'news:language'),
      date: childText(news, 'news:publication_date'),
      title: childText(news, 'news:title'),
    };
  });
};

beforeAll(async () => {
  app = await bootStrapi();
  appModule<Feeds>('site/feeds')
    .feedsOf(app.strapi)
    .useClock(() => NOW);
  await setSiteSettings(app.strapi);
  docs.section = await createSection(app.strapi, { name: 'World' });
  docs.author = await createAuthor(app.strapi, { name: 'Ada Byline' });
  docs.fresh = await articleAt(HOSTILE_TITLE, HOUR);
  docs.edge = await articleAt('Nearly two days old', 48 * HOUR - MINUTE);
  await articleAt('EMBARGOED too old', 48 * HOUR + MINUTE);
  await articleAt('EMBARGOED from the future', -HOUR);
  await articleAt('EMBARGOED draft', HOUR, false);
  const withdrawn = await articleAt('EMBARGOED withdrawn', HOUR);
  await unpublishArticle(app.strapi, withdrawn.documentId);
});

afterAll(stopStrapi);

it('lists the last 48 hours, newest first, with the news tags', async () => {
  expect(await newsEntries()).toEqual([
    {
      loc: `${TEST_PUBLICATION.publicUrl}/news/${docs.fresh.slug}`,
      name: TEST_PUBLICATION.publicationName,
      language: 'en',
      date: new Date(NOW.getTime() - HOUR).toISOString(),
      title: HOSTILE_TITLE,
    },
    expect.objectContaining({
      loc: `${TEST_PUBLICATION.publicUrl}/news/${docs.edge.slug}`,
      title: 'Nearly two days old',
    }),
  ]);
});

it('moves with the clock: two minutes later the oldest has left the window', async () => {
  const feeds = appModule<Feeds>('site/feeds').feedsOf(app.strapi);
  feeds.useClock(() => new Date(NOW.getTime() + 2 * MINUTE));
  try {
    expect((await newsEntries()).map((entry) => entry.title)).toEqual([HOSTILE_TITLE]);
  } finally {
    feeds.useClock(() => NOW);
  }
});

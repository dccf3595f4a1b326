/**
 * Proves the RSS 2.0 feeds (`/rss.xml`, a section's with its sub-sections, an author's): channel
 * from the site settings, items newest first with link, documentId guid, pubDate from
 * `originallyPublishedAt`, standfirst, section and author names; hostile titles escaped into
 * well-formed XML; drafts, unpublished articles and unpublished edits absent; the latest 50
 * only, in a fixed number of SQL queries; 404 for an unknown section or author; ETag/304; the guid's redirect.
 */
import {
  createArticle,
  createAuthor,
  createSection,
  type Doc,
  editDraft,
  setStored,
  unpublishArticle,
} from '../helpers/fixtures';
import { setSiteSettings, TEST_PUBLICATION } from '../helpers/site-settings';
import { sqlDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { rssOf } from '../helpers/xml';

const HOSTILE_TITLE = 'Fish <&> chips ]]> and ]]> "again" &amp; <![CDATA[x]]>';
const HOSTILE_STANDFIRST = 'A <b>bold</b> & ]]> claim';
const BASE = new Date('2025-03-01T12:00:00.000Z').getTime();
const HOUR = 60 * 60 * 1000;

let app: TestApp;
const docs: Record<string, Doc> = {};

/** A published article first published `hoursAgo` before BASE. */
const publishedAt = async (doc: Doc, hoursAgo: number) =>
  setStored(app.strapi, doc.documentId, {
    originallyPublishedAt: new Date(BASE - hoursAgo * HOUR),
  });

const get = (path: string) => app.request().get(path).buffer(true);

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  await setSiteSettings(strapi);
  docs.world = await createSection(strapi, { name: 'World' });
  docs.europe = await createSection(strapi, { name: 'Europe', parent: docs.world.documentId });
  docs.sport = await createSection(strapi, { name: 'Sport' });
  docs.ada = await createAuthor(strapi, { name: 'Ada <Byline>' });
  docs.bob = await createAuthor(strapi, { name: 'Bob Second' });
  docs.older = await createArticle(strapi, {
    title: 'Older world story',
    section: docs.world.documentId,
    authors: [docs.bob.documentId],
  });
  docs.hostile = await createArticle(strapi, {
    title: HOSTILE_TITLE,
    standfirst: HOSTILE_STANDFIRST,
    section: docs.europe.documentId,
    authors: [docs.ada.documentId, docs.bob.documentId],
  });
  docs.sportStory = await createArticle(strapi, {
    title: 'Sport story',
    section: docs.sport.documentId,
    authors: [docs.ada.documentId],
  });
  await publishedAt(docs.older, 30);
  await publishedAt(docs.hostile, 10);
  await publishedAt(docs.sportStory, 20);
  await editDraft(strapi, docs.hostile.documentId, { title: 'EMBARGOED edit' });
  docs.draft = await createArticle(strapi, {
    publish: false,
    title: 'EMBARGOED draft',
    section: docs.world.documentId,
    authors: [docs.ada.documentId],
  });
  docs.withdrawn = await createArticle(strapi, {
    title: 'EMBARGOED withdrawn',
    section: docs.world.documentId,
    authors: [docs.ada.documentId],
  });
  await unpublishArticle(strapi, docs.withdrawn.documentId);
});

afterAll(stopStrapi);

describe('GET /rss.xml', () => {
  it('answers RSS 2.0 with the channel from the site settings', async () => {
    const res = await get('/rss.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=60/);
    expect(res.headers.etag).toMatch(/^".+"$/);
    const { rss, channel } = rssOf(res.text);
    expect(rss.attributes.version).toBe('2.0');
    const text = (name: string) => channel.children.find((c) => c.name === name)?.text.trim();
    expect(text('title')).toBe(TEST_PUBLICATION.publicationName);
    expect(text('link')).toBe(`${TEST_PUBLICATION.publicUrl}/news`);
    expect(text('language')).toBe('en-GB');
    expect(text('description')).toBe(TEST_PUBLICATION.description);
  });

  it('lists published articles newest first, with every field, hostile text kept as typed', async () => {
    const { items } = rssOf((await get('/rss.xml')).text);
    expect(items.map((item) => item.title)).toEqual([
      HOSTILE_TITLE,
      'Sport story',
      'Older world story',
    ]);
    const [hostile] = items;
    const slug = (await app.strapi.documents('api::article.article').findOne({
      documentId: docs.hostile.documentId,
      status: 'published',
    }))!.slug as string;
    expect(hostile).toMatchObject({
      link: `${TEST_PUBLICATION.publicUrl}/news/${slug}`,
      guid: `${TEST_PUBLICATION.publicUrl}/news/id/${docs.hostile.documentId}`,
      pubDate: new Date(BASE - 10 * HOUR).toUTCString(),
      description: HOSTILE_STANDFIRST,
      categories: ['Europe'],
      creators: ['Ada <Byline>', 'Bob Second'],
    });
  });

  it('never shows a draft, an unpublished article or an unpublished edit', async () => {
    const { text } = await get('/rss.xml');
    expect(text).not.toContain('EMBARGOED');
  });

  it('answers 304 to a client holding the same ETag', async () => {
    const first = await get('/rss.xml');
    const again = await app.request().get('/rss.xml').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.request().head('/rss.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(res.text ?? '').toBe('');
  });
});

describe('section and author feeds', () => {
  it("a section's feed holds its articles and its sub-sections'", async () => {
    const res = await get(`/news/section/${docs.world.slug}/rss.xml`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const { channel, items } = rssOf(res.text);
    expect(channel.children.find((c) => c.name === 'title')?.text).toBe(
      `World | ${TEST_PUBLICATION.publicationName}`,
    );
    expect(items.map((item) => item.title)).toEqual([HOSTILE_TITLE, 'Older world story']);
    const sport = rssOf((await get(`/news/section/${docs.sport.slug}/rss.xml`)).text);
    expect(sport.items.map((item) => item.title)).toEqual(['Sport story']);
  });

  it("an author's feed holds the articles they are credited on", async () => {
    const res = await get(`/news/author/${docs.ada.slug}/rss.xml`);
    expect(res.status).toBe(200);
    expect(rssOf(res.text).items.map((item) => item.title)).toEqual([HOSTILE_TITLE, 'Sport story']);
  });

  it.each([
    ['/news/section/no-such-section/rss.xml', 'No section with the slug "no-such-section".'],
    ['/news/author/no-such-author/rss.xml', 'No author with the slug "no-such-author".'],
    ['/news/section/%3Cscript%3E/rss.xml', 'No such section.'],
  ])('%s is a 404 saying what is missing', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text.trim()).toBe(message);
  });
});

describe('limits and permalinks', () => {
  it('lists the latest 50 articles only, in as many SQL queries as for 3', async () => {
    const queriesOf = async (path: string) =>
      (
        await sqlDuring(app, async () => expect((await get(path)).status).toBe(200), {
          requestsOnly: true,
        })
      ).length;
    const fewQueries = await queriesOf('/rss.xml');
    const section = await createSection(app.strapi, { name: 'Busy' });
    const author = await createAuthor(app.strapi, { name: 'Prolific' });
    for (let i = 0; i < 52; i += 1) {
      await createArticle(app.strapi, {
        title: `Busy ${i}`,
        section: section.documentId,
        authors: [author.documentId],
      });
    }
    const { items } = rssOf((await get(`/news/section/${section.slug}/rss.xml`)).text);
    expect(items).toHaveLength(50);
    expect(items[0].title).toBe('Busy 51');
    expect(rssOf((await get('/rss.xml')).text).items).toHaveLength(50);
    expect(await queriesOf('/rss.xml')).toBe(fewQueries);
  });

  it("the guid redirects to the article's page; an unknown or draft id is a 404", async () => {
    const res = await app.request().get(`/news/id/${docs.older.documentId}`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`/news/${docs.older.slug}`);
    expect((await app.request().get(`/news/id/${docs.draft.documentId}`)).status).toBe(404);
    expect((await app.request().get('/news/id/not-an-id')).status).toBe(404);
  });
});

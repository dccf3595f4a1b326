import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';

import {
  articleRows,
  bodyOfWords,
  createArticle,
  createAuthor,
  createSection,
  type Doc,
} from '../helpers/fixtures';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { browserUserAgent, postView, viewCounter } from '../helpers/views';

const ARTICLE = 'api::article.article';

/** Saves an edit to an article's draft only (no publish). */
const editDraft = (strapi: Core.Strapi, documentId: string, data: Record<string, unknown>) =>
  strapi.documents(ARTICLE).update({ documentId, data });
const SECTION = 'api::section.section';
const AUTHOR = 'api::author.author';

interface Item {
  documentId: string;
  title?: string;
  name?: string;
  [key: string]: unknown;
}

/** Who is asking: the Public role (no header) or a logged-in reader (the Authenticated role). */
type Reader = { label: string; auth: (test: supertest.Test) => supertest.Test };

const expectErrorShape = (res: supertest.Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({
    data: null,
    error: { status, name: expect.any(String), message: expect.any(String) },
  });
};

const titles = (res: supertest.Response): string[] =>
  (res.body.data as Item[]).map((item) => String(item.title));

describe('the public API', () => {
  let app: TestApp;
  let world: Doc;
  let europe: Doc;
  let lonely: Doc; // a section whose only article is a draft
  let byline: Doc; // the published article's author (has a private email)
  let ghost: Doc; // an author credited on the draft only
  let published: Doc; // published, then edited in its draft (the edit is not published)
  let draftOnly: Doc; // never published
  let readerJwt = '';
  let apiToken = '';

  const PUBLISHED_TITLE = 'Harbour reopens after storm';
  const UNPUBLISHED_EDIT = 'Harbour reopens EMBARGOED edit';
  const DRAFT_TITLE = 'Draft only EMBARGOED scoop';

  const anonymous: Reader = { label: 'anonymous (Public role)', auth: (test) => test };
  const authenticated: Reader = {
    label: 'logged-in reader (Authenticated role)',
    auth: (test) => test.set('Authorization', `Bearer ${readerJwt}`),
  };
  const readers = [anonymous, authenticated];

  const get = (reader: Reader, url: string) => reader.auth(app.request().get(url));

  beforeAll(async () => {
    app = await bootStrapi();
  });
  afterAll(stopStrapi);

  it('starts empty: a boot without SEED_EXAMPLE_CONTENT seeds nothing', async () => {
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(0);
    expect(await app.strapi.db.query(SECTION).count()).toBe(0);
    expect(await app.strapi.db.query(AUTHOR).count()).toBe(0);
  });

  describe('with published and draft content', () => {
    beforeAll(async () => {
      const { strapi } = app;
      world = await createSection(strapi, { name: 'World' });
      europe = await createSection(strapi, { name: 'Europe', parent: world.documentId });
      lonely = await createSection(strapi, { name: 'Lonely' });
      byline = await createAuthor(strapi, {
        name: 'Ada Byline',
        email: 'ada.private@newsroom.test',
      });
      ghost = await createAuthor(strapi, { name: 'Ghost Writer' });
      published = await createArticle(strapi, {
        title: PUBLISHED_TITLE,
        section: europe.documentId,
        authors: [byline.documentId],
        body: bodyOfWords(450),
      });
      // An edit saved in the draft only: readers must keep seeing the published title.
      await editDraft(strapi, published.documentId, { title: UNPUBLISHED_EDIT });
      draftOnly = await createArticle(strapi, {
        publish: false,
        title: DRAFT_TITLE,
        section: lonely.documentId,
        authors: [ghost.documentId],
      });

      const register = await app
        .request()
        .post('/api/auth/local/register')
        .send({ username: 'reader', email: 'reader@newsroom.test', password: 'Reader-Passw0rd' });
      expect(register.status).toBe(200);
      readerJwt = register.body.jwt as string;
      const login = await app
        .request()
        .post('/api/auth/local')
        .send({ identifier: 'reader@newsroom.test', password: 'Reader-Passw0rd' });
      expect(login.status).toBe(200);
      expect(login.body.user.username).toBe('reader');

      const token = (await app.strapi
        .service('admin::api-token-content-api')
        .create({ name: 'frontend read-only', type: 'read-only', lifespan: null })) as {
        accessKey: string;
      };
      apiToken = token.accessKey;
    });

    it('the logged-in reader really is in the Authenticated role', async () => {
      const user: { role: { type: string } } = await app.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { username: 'reader' }, populate: ['role'] });
      expect(user.role.type).toBe('authenticated');
      expect((await get(authenticated, '/api/users/me')).status).toBe(200);
      expect([401, 403]).toContain((await get(anonymous, '/api/users/me')).status);
    });

    describe.each(readers)('as $label', (reader) => {
      it('reads every public route: published content only', async () => {
        const list = await get(reader, '/api/articles');
        expect(list.status).toBe(200);
        expect(titles(list)).toEqual([PUBLISHED_TITLE]);
        expect(list.body.meta.pagination.total).toBe(1);

        const one = await get(reader, `/api/articles/${published.documentId}`);
        expect(one.status).toBe(200);
        expect(one.body.data).toMatchObject({
          documentId: published.documentId,
          title: PUBLISHED_TITLE,
        });

        const page = await get(reader, `/api/articles/slug/${String(published.slug)}`);
        expect(page.status).toBe(200);
        expect(page.body.data).toMatchObject({
          documentId: published.documentId,
          title: PUBLISHED_TITLE,
        });

        const sections = await get(reader, '/api/sections?sort=name');
        expect(sections.status).toBe(200);
        expect((sections.body.data as Item[]).map((s) => s.name)).toEqual([
          'Europe',
          'Lonely',
          'World',
        ]);

        const section = await get(reader, `/api/sections/${europe.documentId}`);
        expect(section.status).toBe(200);
        expect(section.body.data).toMatchObject({ documentId: europe.documentId, name: 'Europe' });

        const authors = await get(reader, '/api/authors?sort=name');
        expect(authors.status).toBe(200);
        expect((authors.body.data as Item[]).map((a) => a.name)).toEqual([
          'Ada Byline',
          'Ghost Writer',
        ]);
        for (const author of authors.body.data as Item[])
          expect(author).not.toHaveProperty('email');

        const author = await get(reader, `/api/authors/${byline.documentId}`);
        expect(author.status).toBe(200);
        expect(author.body.data).toMatchObject({
          documentId: byline.documentId,
          name: 'Ada Byline',
        });
        expect(author.body.data).not.toHaveProperty('email');
      });

      it.each([
        ['status=draft'],
        ['publicationFilter=never-published'],
        ['publicationFilter=modified'],
        ['status=draft&publicationFilter=never-published'],
        ['hasPublishedVersion=false'],
        ['status=draft&hasPublishedVersion=false'],
        ['filters[publishedAt][$null]=true'],
        [`filters[title][$eq]=${encodeURIComponent(UNPUBLISHED_EDIT)}`],
        [`filters[title][$eq]=${encodeURIComponent(DRAFT_TITLE)}`],
      ])('GET /api/articles?%s shows no draft', async (query) => {
        const res = await get(reader, `/api/articles?${query}`);
        expect(res.status).toBe(200);
        expect(titles(res)).not.toContain(DRAFT_TITLE);
        expect(titles(res)).not.toContain(UNPUBLISHED_EDIT);
        for (const article of res.body.data as Item[])
          expect(article.publishedAt).toEqual(expect.any(String));
      });

      it('GET /api/articles/:documentId of a draft is a 404, whatever the query', async () => {
        for (const query of [
          '',
          '?status=draft',
          '?publicationFilter=never-published',
          '?hasPublishedVersion=false',
        ]) {
          expectErrorShape(await get(reader, `/api/articles/${draftOnly.documentId}${query}`), 404);
        }
      });

      it("the draft's slug is a 404; a published article's draft edit is not served", async () => {
        expectErrorShape(
          await get(reader, `/api/articles/slug/${String(draftOnly.slug)}?status=draft`),
          404,
        );

        const one = await get(reader, `/api/articles/${published.documentId}?status=draft`);
        expect(one.status).toBe(200);
        expect(one.body.data.title).toBe(PUBLISHED_TITLE);
        const page = await get(reader, `/api/articles/slug/${String(published.slug)}?status=draft`);
        expect(page.body.data.title).toBe(PUBLISHED_TITLE);
      });

      it('populating relations never brings a draft along', async () => {
        const sections = await get(reader, '/api/sections?populate=articles&status=draft');
        expect(sections.status).toBe(200);
        const byName = Object.fromEntries(
          (sections.body.data as Array<Item & { articles: Item[] }>).map((s) => [
            s.name,
            s.articles.map((a) => a.title),
          ]),
        );
        expect(byName).toEqual({ World: [], Europe: [PUBLISHED_TITLE], Lonely: [] });

        const lonelyOne = await get(
          reader,
          `/api/sections/${lonely.documentId}?populate=articles&status=draft`,
        );
        expect(lonelyOne.status).toBe(200);
        expect(lonelyOne.body.data.articles).toEqual([]);

        const ghostOne = await get(reader, `/api/authors/${ghost.documentId}?populate=articles`);
        expect(ghostOne.status).toBe(200);
        expect(ghostOne.body.data.articles).toEqual([]);

        const bylineOne = await get(
          reader,
          `/api/authors/${byline.documentId}?populate=articles&hasPublishedVersion=false`,
        );
        expect((bylineOne.body.data.articles as Item[]).map((a) => a.title)).toEqual([
          PUBLISHED_TITLE,
        ]);

        const nested = await get(
          reader,
          '/api/articles?populate[section][populate][articles]=true&status=draft',
        );
        expect(nested.status).toBe(200);
        expect(nested.body.data).toHaveLength(1);
        expect((nested.body.data[0].section.articles as Item[]).map((a) => a.title)).toEqual([
          PUBLISHED_TITLE,
        ]);

        const deeper = await get(
          reader,
          '/api/authors?populate[articles][populate][section][populate][articles][fields][0]=title&status=draft',
        );
        const seen = JSON.stringify(deeper.body);
        expect(deeper.status).toBe(200);
        expect(seen).toContain(PUBLISHED_TITLE);
        expect(seen).not.toContain('EMBARGOED');

        const counts = await get(reader, '/api/sections?populate[articles][count]=true&sort=name');
        expect(counts.status).toBe(200);
        expect(
          (counts.body.data as Array<{ articles: { count: number } }>).map((s) => s.articles.count),
        ).toEqual([1, 0, 0]);

        const populateFilter = await get(
          reader,
          '/api/sections?populate[articles][filters][publishedAt][$null]=true',
        );
        expect(populateFilter.status).toBe(200);
        expect(JSON.stringify(populateFilter.body)).not.toContain('EMBARGOED');
      });

      it.each([
        ['sections', 'articles][title][$eq', DRAFT_TITLE],
        ['sections', 'articles][title][$eq', UNPUBLISHED_EDIT],
        ['sections', 'articles][title][$contains', 'EMBARGOED'],
        ['sections', 'articles][documentId][$eq', 'DRAFT_ID'],
        ['authors', 'articles][title][$eq', DRAFT_TITLE],
        ['authors', 'articles][title][$contains', 'EMBARGOED'],
        ['articles', 'section][articles][title][$eq', DRAFT_TITLE],
        ['articles', 'authors][articles][title][$contains', 'EMBARGOED'],
      ])(
        'a relation filter cannot find a draft: /api/%s?filters[%s]=%s',
        async (type, path, value) => {
          const wanted = value === 'DRAFT_ID' ? draftOnly.documentId : value;
          const res = await get(
            reader,
            `/api/${type}?filters[${path}]=${encodeURIComponent(wanted)}`,
          );
          expect(res.status).toBe(200);
          expect(res.body.data).toEqual([]);
        },
      );

      it('a relation filter still finds published content (the scoping does not hide everything)', async () => {
        const res = await get(
          reader,
          `/api/sections?filters[articles][title][$eq]=${encodeURIComponent(PUBLISHED_TITLE)}`,
        );
        expect(res.status).toBe(200);
        expect((res.body.data as Item[]).map((s) => s.name)).toEqual(['Europe']);
        const viaOr = await get(
          reader,
          `/api/sections?filters[$or][0][articles][title][$eq]=${encodeURIComponent(DRAFT_TITLE)}` +
            `&filters[$or][1][name][$eq]=World`,
        );
        expect((viaOr.body.data as Item[]).map((s) => s.name)).toEqual(['World']);
      });

      it('may record a view (allowed) but not write content (403, nothing written)', async () => {
        const view = await reader.auth(
          app
            .request()
            .post(`/api/articles/${published.documentId}/views`)
            .set('User-Agent', browserUserAgent(`public-api ${reader.label}`)),
        );
        expect(view.status).toBe(200);
        expect(view.body.data).toMatchObject({ documentId: published.documentId, counted: true });

        const before = {
          articles: await app.strapi.db.query(ARTICLE).count(),
          sections: await app.strapi.db.query(SECTION).count(),
          authors: await app.strapi.db.query(AUTHOR).count(),
          rows: await articleRows(app.strapi, published.documentId),
        };
        const writes: Array<[string, string, Record<string, unknown>?]> = [
          ['post', '/api/articles', { data: { title: 'Injected', section: europe.documentId } }],
          ['put', `/api/articles/${published.documentId}`, { data: { title: 'Defaced' } }],
          ['delete', `/api/articles/${published.documentId}`],
          ['post', '/api/sections', { data: { name: 'Injected section' } }],
          ['put', `/api/sections/${europe.documentId}`, { data: { name: 'Defaced section' } }],
          ['delete', `/api/sections/${lonely.documentId}`],
          ['post', '/api/authors', { data: { name: 'Injected author' } }],
          ['put', `/api/authors/${byline.documentId}`, { data: { name: 'Defaced author' } }],
          ['delete', `/api/authors/${ghost.documentId}`],
        ];
        for (const [method, url, body] of writes) {
          const agent = app.request();
          const test =
            method === 'post'
              ? agent.post(url)
              : method === 'put'
                ? agent.put(url)
                : agent.delete(url);
          const res = await reader.auth(body ? test.send(body) : test);
          expect({ method, url, status: res.status }).toEqual({ method, url, status: 403 });
          expect(res.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
        }
        expect(await app.strapi.db.query(ARTICLE).count()).toBe(before.articles);
        expect(await app.strapi.db.query(SECTION).count()).toBe(before.sections);
        expect(await app.strapi.db.query(AUTHOR).count()).toBe(before.authors);
        expect(await articleRows(app.strapi, published.documentId)).toEqual(before.rows);
        expect(
          (await app.strapi.db.query(SECTION).findOne({ where: { documentId: europe.documentId } }))
            .name,
        ).toBe('Europe');
        expect(
          (await app.strapi.db.query(AUTHOR).findOne({ where: { documentId: byline.documentId } }))
            .name,
        ).toBe('Ada Byline');
      });
    });

    describe('as an API token (read-only)', () => {
      const withToken = (test: supertest.Test) => test.set('Authorization', `Bearer ${apiToken}`);

      it('reads published articles, sections and authors (200)', async () => {
        const list = await withToken(app.request().get('/api/articles'));
        expect(list.status).toBe(200);
        expect(titles(list)).toEqual([PUBLISHED_TITLE]);
        const one = await withToken(app.request().get(`/api/articles/${published.documentId}`));
        expect(one.status).toBe(200);
        expect(one.body.data.title).toBe(PUBLISHED_TITLE);
        expect((await withToken(app.request().get('/api/sections'))).status).toBe(200);
        expect(
          (await withToken(app.request().get(`/api/authors/${byline.documentId}`))).status,
        ).toBe(200);
      });

      it('cannot write (403, nothing written)', async () => {
        const articles = await app.strapi.db.query(ARTICLE).count();
        const create = await withToken(
          app
            .request()
            .post('/api/articles')
            .send({ data: { title: 'Token write' } }),
        );
        expect(create.status).toBe(403);
        const update = await withToken(
          app
            .request()
            .put(`/api/articles/${published.documentId}`)
            .send({ data: { title: 'Token edit' } }),
        );
        expect(update.status).toBe(403);
        const remove = await withToken(
          app.request().delete(`/api/articles/${published.documentId}`),
        );
        expect(remove.status).toBe(403);
        const section = await withToken(
          app
            .request()
            .post('/api/sections')
            .send({ data: { name: 'Token section' } }),
        );
        expect(section.status).toBe(403);
        const author = await withToken(app.request().delete(`/api/authors/${ghost.documentId}`));
        expect(author.status).toBe(403);
        expect(await app.strapi.db.query(ARTICLE).count()).toBe(articles);
        expect(await app.strapi.db.query(AUTHOR).count()).toBe(2);
      });

      it("keeps Strapi's own draft access (the published-only rule is for readers, not tokens): ?status=draft shows drafts", async () => {
        const res = await withToken(app.request().get('/api/articles?status=draft&sort=title'));
        expect(res.status).toBe(200);
        expect(titles(res)).toEqual([DRAFT_TITLE, UNPUBLISHED_EDIT]);
      });
    });

    describe('the page payload', () => {
      it("breadcrumb runs from the top section down (World > Europe); Home is the frontend's", async () => {
        const res = await app.request().get(`/api/articles/slug/${String(published.slug)}`);
        expect(res.status).toBe(200);
        expect(res.body.data.breadcrumb).toEqual([
          { name: 'World', slug: 'world' },
          { name: 'Europe', slug: 'europe' },
        ]);
        expect(res.body.data.section).toMatchObject({ name: 'Europe', slug: 'europe' });
        expect(res.body.data.authors).toEqual([expect.objectContaining({ name: 'Ada Byline' })]);
        expect(res.body.data.authors[0]).not.toHaveProperty('email');
      });

      it('a three-level section gives a three-crumb breadcrumb', async () => {
        const strapi = app.strapi;
        const balkans = await createSection(strapi, { name: 'Balkans', parent: europe.documentId });
        const article = await createArticle(strapi, {
          title: 'Deep section story',
          section: balkans.documentId,
        });
        const res = await app.request().get(`/api/articles/slug/${String(article.slug)}`);
        expect(res.status).toBe(200);
        expect(res.body.data.breadcrumb).toEqual([
          { name: 'World', slug: 'world' },
          { name: 'Europe', slug: 'europe' },
          { name: 'Balkans', slug: 'balkans' },
        ]);
        await strapi.documents(ARTICLE).delete({ documentId: article.documentId });
        await strapi.documents(SECTION).delete({ documentId: balkans.documentId });
      });

      it('list, one and by-slug all carry the same views and readingTimeMinutes', async () => {
        const strapi = app.strapi;
        const before = (await app.request().get(`/api/articles/${published.documentId}`)).body.data
          .views as number;
        for (let i = 0; i < 3; i += 1) {
          const view = await postView(app, published.documentId, `public-api page ${i}`);
          expect(view.status).toBe(200);
          expect(view.body.data.counted).toBe(true);
        }
        const views = before + 3;
        // 450 words at 200 a minute: 3 minutes.
        const expected = { documentId: published.documentId, views, readingTimeMinutes: 3 };

        const list = await app.request().get('/api/articles');
        expect(list.body.data).toEqual([expect.objectContaining(expected)]);
        const trimmed = await app.request().get('/api/articles?fields[0]=title');
        expect(trimmed.body.data[0].views).toBe(views);
        const one = await app.request().get(`/api/articles/${published.documentId}`);
        expect(one.body.data).toMatchObject(expected);
        const page = await app.request().get(`/api/articles/slug/${String(published.slug)}`);
        expect(page.body.data).toMatchObject({
          ...expected,
          publishedAt: expect.any(String),
          updatedAt: expect.any(String),
          originallyPublishedAt: expect.any(String),
        });
        await viewCounter(app).flush();
        const row: { views: unknown } = await strapi.db
          .connection('article_views')
          .where({ document_id: published.documentId })
          .first();
        expect(Number(row.views)).toBe(views);
      });
    });
  });
});

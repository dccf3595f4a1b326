/**
 * Bad input to the public API is answered with the one 4xx that fits, in Strapi's error shape,
 * never a 5xx, and writes nothing: unknown routes and methods, malformed filters, sorts, fields,
 * populates and pagination, odd slugs, and view requests with malformed or oversized bodies.
 */

import type supertest from 'supertest';

import { ARTICLE_UID } from '../../src/constants';
import { expectError } from '../helpers/errors';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { apiViews, postView } from '../helpers/views';

describeWithDatabase('bad input to the public API', () => {
  let app: TestApp;
  let article: Doc;

  beforeAll(async () => {
    app = await bootStrapi();
    const section = await createSection(app.strapi, { name: 'World' });
    article = await createArticle(app.strapi, {
      title: 'A published story',
      section: section.documentId,
    });
  });
  afterAll(stopStrapi);

  const get = (url: string) => app.request().get(url);

  it('the well-formed requests work (so the 400s below are about the input)', async () => {
    const ok = await get(
      '/api/articles?filters[title][$eq]=A%20published%20story&sort=title:desc&pagination[page]=1&pagination[pageSize]=10',
    );
    expect(ok.status).toBe(200);
    expect(ok.body.data).toHaveLength(1);
    expect((await get('/api/articles?pagination[start]=0&pagination[limit]=5')).status).toBe(200);
    expect((await get('/api/articles?pagination[withCount]=false')).status).toBe(200);
  });

  describe('unknown routes', () => {
    it.each([
      ['/api/nope'],
      ['/api/articles/slug/a-story/extra'],
      ['/api/sections/x/y'],
      ['/api/nope?filters=abc'],
    ])("GET %s is a 404 in Strapi's error shape", async (url) => {
      expectError(await get(url), 404, 'NotFoundError');
    });

    it.each([
      ['post', '/api/nope'],
      ['patch', '/api/articles'],
      ['put', '/api/articles'],
    ])(
      "%s %s (no such route) is a 405 in Strapi's error shape, writing nothing",
      async (method, url) => {
        const before = await app.strapi.db.query(ARTICLE_UID).count();
        const agent = app.request();
        const res = await (method === 'post'
          ? agent.post(url)
          : method === 'put'
            ? agent.put(url)
            : agent.patch(url));
        // Strapi's static-file GET catch-all matches every path, so other methods are 405s.
        expectError(res, 405, 'MethodNotAllowedError');
        expect(await app.strapi.db.query(ARTICLE_UID).count()).toBe(before);
      },
    );

    it('an unknown article document id is a 404, not a 5xx', async () => {
      expectError(await get('/api/articles/abcdefghijklmnopqrstuvwx'), 404, 'NotFoundError');
      expectError(await get('/api/articles/not-a-document-id'), 404, 'NotFoundError');
    });

    it('unknown section and author document ids are 404s', async () => {
      expectError(await get('/api/sections/abcdefghijklmnopqrstuvwx'), 404, 'NotFoundError');
      expectError(await get('/api/authors/abcdefghijklmnopqrstuvwx'), 404, 'NotFoundError');
    });
  });

  describe.each(['articles', 'sections', 'authors'])('GET /api/%s', (type) => {
    const field = type === 'articles' ? 'title' : 'name';

    it.each([
      ['an unknown filter field', 'filters[nope][$eq]=1'],
      ['an unknown operator', `filters[${field}][$foo]=1`],
      ['filters that are not an object', 'filters=abc'],
      ['a private field (author email) as a filter', 'filters[email][$eq]=someone%40example.com'],
      ['an unknown sort field', 'sort=nope'],
      ['an unknown sort direction', `sort=${field}:sideways`],
      ['an unknown sort direction (object form)', `sort[0][${field}]=sideways`],
      ['an unknown field', 'fields[0]=nope'],
      ['an unknown populate', 'populate=nope'],
    ])('refuses %s with a 400', async (_label, query) => {
      expectError(await get(`/api/${type}?${query}`), 400);
    });

    it.each([
      ['pagination[pageSize]=abc'],
      ['pagination[pageSize]=0'],
      ['pagination[page]=-1'],
      ['pagination[page]=0'],
      ['pagination[page]=1.5'],
      ['pagination[page]=1e3'],
      ['pagination[page]='],
      ['pagination[start]=-3'],
      ['pagination[limit]=abc'],
      ['pagination[withCount]=maybe'],
      ['pagination[foo]=1'],
      ['pagination=abc'],
      ['pagination[page]=1&pagination[start]=0'],
      ['pagination[page][$gt]=1'],
      ['pagination[page]=99999999999999999999'],
    ])('refuses malformed pagination %s with a 400', async (query) => {
      expectError(await get(`/api/${type}?${query}`), 400);
    });
  });

  it.each([
    ['60 levels of $and', `/api/articles?filters${'[$and][0]'.repeat(60)}[title][$eq]=x`],
    [
      '30 hops through relations',
      `/api/sections?filters${'[articles][section]'.repeat(30)}[name][$eq]=x`,
    ],
    ['40 levels of $or', `/api/articles?filters${'[$or][0]'.repeat(40)}[title]=x`],
  ])('refuses a filter nested too deep (%s) with a 400, never a 5xx', async (_label, url) => {
    expectError(await get(url), 400, 'ValidationError');
  });

  describe('relation-level $null / $notNull filters (valid Strapi syntax)', () => {
    let lonely: Doc;

    beforeAll(async () => {
      // A section whose only article is a draft, and one with no article at all.
      lonely = await createSection(app.strapi, { name: 'Drafts only' });
      await createArticle(app.strapi, {
        publish: false,
        title: 'Unpublished scoop',
        section: lonely.documentId,
      });
      await createSection(app.strapi, { name: 'Empty' });
    });

    const names = (res: supertest.Response) =>
      (res.body.data as Array<{ name: string }>).map((s) => s.name).sort();

    it('filters[articles][$notNull]=true answers the sections with a published article', async () => {
      const res = await get('/api/sections?filters[articles][$notNull]=true');
      expect(res.status).toBe(200);
      // "Drafts only" would reveal that an unpublished article exists.
      expect(names(res)).toEqual(['World']);
    });

    it.each([['sections'], ['authors']])(
      'filters[articles][$null]=true on %s is a 400: "none published" cannot be asked safely',
      async (type) => {
        const res = await get(`/api/${type}?filters[articles][$null]=true`);
        expectError(res, 400, 'ValidationError');
        expect(res.body.error.message).toContain(
          'cannot ask for entries without published articles',
        );
      },
    );
  });

  it.each([
    ['$or that is not a list', 'filters[$or]=abc'],
    ['$and of a non-object', 'filters[$and][0]=abc'],
    ['a nested operator', 'filters[section][$eq][$eq]=x'],
    ['a word for a number', 'filters[readingTimeMinutes][$gt]=lots'],
  ])('a malformed filter value (%s) is a 400, never a 5xx', async (_label, query) => {
    expectError(await get(`/api/articles?${query}`), 400);
  });

  it.each([
    ['two values for $eq', 'filters[title][$eq][0]=a&filters[title][$eq][1]=b'],
    ['$in with a single value', 'filters[title][$in]=notalist'],
    ['a 5000-character filter value', `filters[title][$eq]=${'x'.repeat(5000)}`],
  ])('answers an odd filter that matches nothing (%s) with an empty 200', async (_label, query) => {
    const res = await get(`/api/articles?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  it.each([
    ['a relation id', 'filters[section]=abc'],
    ['an id', 'filters[id][$eq]=abc'],
  ])(
    'answers a word for %s with an empty 200 on SQLite, a 400 on PostgreSQL (which checks the type)',
    async (_label, query) => {
      const res = await get(`/api/articles?${query}`);
      if (process.env.DATABASE_CLIENT === 'postgres') {
        expectError(res, 400, 'ValidationError');
      } else {
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual([]);
      }
    },
  );

  it.each([
    ['a nested sort array', 'sort[0][0][0]=title'],
    ['status as a list', 'status[0]=draft'],
  ])('ignores what it cannot use (%s): a 200 with the published article', async (_label, query) => {
    const res = await get(`/api/articles?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((item: { title: string }) => item.title)).toEqual([
      'A published story',
    ]);
  });

  it.each([
    ['a word for a date', 'filters[createdAt][$gt]=not-a-date'],
    ['an unknown nested populate', 'populate[section][populate][nope]=true'],
    ['an unknown field in a populate filter', 'populate[section][filters][nope]=1'],
  ])('refuses an odd query (%s) with a 400', async (_label, query) => {
    expectError(await get(`/api/articles?${query}`), 400, 'ValidationError');
  });

  describe('GET /api/articles/slug/:slug', () => {
    it('refuses a slug over 200 characters with a 400', async () => {
      expectError(await get(`/api/articles/slug/${'a'.repeat(201)}`), 400, 'ValidationError');
      expectError(await get(`/api/articles/slug/${'a-b'.repeat(1000)}`), 400, 'ValidationError');
    });

    it('answers 404 (not 400) for an unknown slug of exactly 200 characters', async () => {
      expectError(await get(`/api/articles/slug/${'a'.repeat(200)}`), 404, 'NotFoundError');
    });

    it.each([['%00'], ['..%2F..%2Fetc'], ['%E2%98%83'], ['UPPER-CASE'], ['a%20b'], ["o'brien"]])(
      'answers a 404 (never a 5xx) for the odd slug %s',
      async (slug) => {
        expectError(await get(`/api/articles/slug/${slug}`), 404, 'NotFoundError');
      },
    );
  });

  describe('POST /api/articles/:documentId/views', () => {
    // Each request from a browser visitor of its own, so a view it sent would count.
    let visitors = 0;
    const views = () => postView(app, article.documentId, `bad-input-${(visitors += 1)}`);
    const total = () => apiViews(app, article.documentId);

    it('counts with no body at all (the allowed side)', async () => {
      const res = await views();
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ documentId: article.documentId, counted: true });
    });

    it("answers 400 in Strapi's error shape to invalid JSON, and counts nothing", async () => {
      const before = await total();
      const res = await views().set('Content-Type', 'application/json').send('{"not json');
      expectError(res, 400);
      expect(await total()).toBe(before);
    });

    it("answers 413 in Strapi's error shape to a body over 1 MB, and counts nothing", async () => {
      const before = await total();
      const res = await views()
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ padding: 'x'.repeat(1_100_000) }));
      expectError(res, 413, 'PayloadTooLargeError');
      expect(await total()).toBe(before);
    });

    it('ignores a well-formed body: it cannot set the total', async () => {
      const before = await total();
      const res = await views().send({ views: 1_000_000, data: { views: 1_000_000 } });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ views: before + 1, counted: true });
      expect(await total()).toBe(before + 1);
    });

    it('answers 413 to an oversized form body and to an oversized body that is not JSON, counting nothing', async () => {
      const before = await total();
      const form = await views()
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(`padding=${'x'.repeat(1_100_000)}`);
      expectError(form, 413, 'PayloadTooLargeError');
      const text = await views()
        .set('Content-Type', 'application/json')
        .send('x'.repeat(1_100_000));
      expectError(text, 413, 'PayloadTooLargeError');
      expect(await total()).toBe(before);
    });
  });
});

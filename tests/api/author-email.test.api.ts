/**
 * An author's email is private: stored and shown in the admin, but in no public response, however
 * it is reached (lists, one author, populated articles and sections, the page payload), and
 * readers cannot ask for it, filter or sort on it.
 */

import type { Response } from 'supertest';

import { AUTHOR_UID } from '../../src/constants';
import { adminLogin, contentManager } from '../helpers/admin';
import { createArticle, createAuthor, type Doc } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const EMAIL = 'private.reporter@newsroom.test';

describeWithDatabase("an author's email", () => {
  let app: TestApp;
  let author: Doc;
  let article: Doc;

  const expectNoEmail = (res: Response) => {
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(EMAIL);
    expect(JSON.stringify(res.body)).not.toContain('"email"');
  };

  beforeAll(async () => {
    app = await bootStrapi();
    author = await createAuthor(app.strapi, { name: 'Private Reporter', email: EMAIL });
    article = await createArticle(app.strapi, {
      title: 'A story with a byline',
      authors: [author.documentId],
    });
  });
  afterAll(stopStrapi);

  it('is stored, and the admin sees it', async () => {
    const row: { email: string } | null = await app.strapi.db
      .query(AUTHOR_UID)
      .findOne({ where: { documentId: author.documentId } });
    expect(row?.email).toBe(EMAIL);

    const cm = contentManager(app, await adminLogin(app));
    const res = await cm.findOne(AUTHOR_UID, author.documentId);
    expect(res.status).toBe(200);
    expect(res.body.data.email).toBe(EMAIL);
  });

  it('is in no public response', async () => {
    const list = await app.request().get('/api/authors');
    expectNoEmail(list);
    expect(list.body.data.map((a: { documentId: string }) => a.documentId)).toContain(
      author.documentId,
    );

    const one = await app.request().get(`/api/authors/${author.documentId}`);
    expectNoEmail(one);
    expect(one.body.data.name).toBe('Private Reporter');

    const articles = await app.request().get('/api/articles?populate=authors');
    expectNoEmail(articles);
    const ours = articles.body.data.find(
      (a: { documentId: string }) => a.documentId === article.documentId,
    );
    expect(ours.authors).toEqual([expect.objectContaining({ name: 'Private Reporter' })]);

    expectNoEmail(await app.request().get('/api/articles?populate[authors][populate]=*'));

    const page = await app.request().get(`/api/articles/slug/${article.slug as string}`);
    expectNoEmail(page);
    expect(page.body.data.authors).toEqual([expect.objectContaining({ name: 'Private Reporter' })]);

    expectNoEmail(await app.request().get('/api/sections?populate[articles][populate]=authors'));
  });

  it.each([
    [`filters[email][$eq]=${encodeURIComponent(EMAIL)}`],
    ['filters[email][$contains]=private'],
    ['sort=email'],
    ['fields[0]=email'],
  ])(
    'cannot be asked for, filtered or sorted on by readers: /api/authors?%s is a 400',
    async (query) => {
      const res = await app.request().get(`/api/authors?${query}`);
      expect([res.status, JSON.stringify(res.body).includes(EMAIL)]).toEqual([400, false]);
    },
  );

  it('cannot be filtered on through an article either (400)', async () => {
    const res = await app.request().get('/api/articles?filters[authors][email][$contains]=private');
    expect(res.status).toBe(400);
  });
});

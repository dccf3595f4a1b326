import { ARTICLE_UID } from '../../src/constants';
import { createArticle } from '../helpers/fixtures';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

/**
 * Readers get what a page shows, not the desk's workflow: `scheduledAt` and `readyForReview`
 * stay out of every public answer (list, one, by slug), and cannot be filtered or sorted on,
 * while the editors' tools still read and write them.
 */

const EDITORIAL_FIELDS = ['scheduledAt', 'readyForReview'];

describe('editorial-only fields on the public API', () => {
  let app: TestApp;
  let article: { documentId: string; slug: string };

  beforeAll(async () => {
    app = await bootStrapi();
    const created = await createArticle(app.strapi, { readyForReview: true });
    article = { documentId: created.documentId, slug: String(created.slug) };
  });
  afterAll(stopStrapi);

  it.each([
    ['the list', () => '/api/articles'],
    ['one article', () => `/api/articles/${article.documentId}`],
    ['the page by slug', () => `/api/articles/slug/${article.slug}`],
  ])('are absent from %s', async (_label, path) => {
    const res = await app.request().get(path());
    expect(res.status).toBe(200);
    const data = Array.isArray(res.body.data) ? res.body.data[0] : res.body.data;
    expect(data).toMatchObject({ documentId: article.documentId, title: expect.any(String) });
    EDITORIAL_FIELDS.forEach((field) => expect(data).not.toHaveProperty(field));
  });

  it.each(EDITORIAL_FIELDS)('cannot be filtered or sorted on (%s): 400', async (field) => {
    const filtered = await app.request().get(`/api/articles?filters[${field}][$null]=true`);
    expect(filtered.status).toBe(400);
    expect(filtered.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    const sorted = await app.request().get(`/api/articles?sort=${field}:asc`);
    expect(sorted.status).toBe(400);
  });

  it('are still stored and read by the editorial side (Document Service)', async () => {
    const draft = await app.strapi
      .documents(ARTICLE_UID)
      .findOne({ documentId: article.documentId, status: 'draft' });
    expect(draft).toMatchObject({ readyForReview: true, scheduledAt: null });
  });
});

/**
 * Tags: a tag's slug is made from its name; `GET /api/tags/slug/:slug` answers the tag and a page
 * of its published articles, newest first (a draft, or an unpublished edit that adds the tag,
 * never shows); the Public role may read tags but not write them; bad input is a 400, an
 * unknown slug a 404.
 */

import { createTag } from '../helpers/desk';
import { expectError } from '../helpers/errors';
import { createArticle, editDraft, setStored } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('tags', () => {
  let app: TestApp;
  const get = (url: string) => app.request().get(url);
  const titlesOf = (res: { body: { data: { articles: Array<{ title: string }> } } }) =>
    res.body.data.articles.map((article) => article.title);

  beforeAll(async () => {
    app = await bootStrapi();
    const climate = await createTag(app.strapi, { name: 'Climate Summit', description: 'COP' });
    const other = await createTag(app.strapi, { name: 'Other' });
    for (const [index, title] of ['First', 'Second', 'Third'].entries()) {
      const article = await createArticle(app.strapi, { title, tags: [climate.documentId] });
      await setStored(app.strapi, article.documentId, {
        originallyPublishedAt: new Date(Date.UTC(2026, 0, index + 1)),
      });
    }
    await createArticle(app.strapi, {
      publish: false,
      title: 'EMBARGOED draft',
      tags: [climate.documentId],
    });
    const edited = await createArticle(app.strapi, {
      title: 'Tagged later',
      tags: [other.documentId],
    });
    await editDraft(app.strapi, edited.documentId, { tags: [climate.documentId] });
  });
  afterAll(stopStrapi);

  it('derives the slug from the name, and answers the tag with its published articles, newest first', async () => {
    const res = await get('/api/tags/slug/climate-summit');

    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ name: 'Climate Summit', slug: 'climate-summit' });
    expect(titlesOf(res)).toEqual(['Third', 'Second', 'First']);
    expect(res.body.data.articles[0]).toMatchObject({
      slug: 'third',
      section: { name: expect.any(String) },
    });
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 3 });
    expect(JSON.stringify(res.body)).not.toMatch(/EMBARGOED|Tagged later/);
  });

  it('pages through them', async () => {
    const res = await get('/api/tags/slug/climate-summit?page=2&pageSize=2');
    expect(titlesOf(res)).toEqual(['First']);
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  });

  it('lets the Public role read tags (200) but not write them (403)', async () => {
    const list = await get('/api/tags');
    expect(list.status).toBe(200);
    expect(list.body.data.map((tag: { name: string }) => tag.name).sort()).toEqual([
      'Climate Summit',
      'Other',
    ]);
    const populated = await get('/api/tags?populate=articles');
    expect(populated.status).toBe(200);
    expect(JSON.stringify(populated.body)).not.toContain('EMBARGOED');
    expectError(
      await app
        .request()
        .post('/api/tags')
        .send({ data: { name: 'Spam' } }),
      403,
    );
  });

  it('answers 404 for an unknown slug, 400 for bad input', async () => {
    expectError(await get('/api/tags/slug/no-such-tag'), 404, 'NotFoundError');
    expectError(await get('/api/tags/slug/climate-summit?pageSize=0'), 400, 'ValidationError');
    expectError(await get('/api/tags/slug/climate-summit?status=draft'), 400, 'ValidationError');
    expectError(await get(`/api/tags/slug/${'a'.repeat(201)}`), 400, 'ValidationError');
  });
});

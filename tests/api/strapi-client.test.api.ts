/**
 * A frontend on the official client (`@strapi/client`), as the README shows it: lists with
 * filters, sort, pagination and populate; one article by slug (a custom route, through
 * `client.fetch`); a view recorded. Drafts stay out of every answer it gets.
 */

import { strapi as strapiClient } from '@strapi/client';

import { createArticle } from '../helpers/fixtures';
import { createPublicContent, DRAFT_TITLE, PUBLISHED_TITLE } from '../helpers/public-content';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { browserUserAgent } from '../helpers/views';

describeWithDatabase('a frontend using @strapi/client', () => {
  let app: TestApp;
  let content: Awaited<ReturnType<typeof createPublicContent>>;
  let client: ReturnType<typeof strapiClient>;

  beforeAll(async () => {
    app = await bootStrapi();
    content = await createPublicContent(app);
    await createArticle(app.strapi, {
      title: 'Second harbour story',
      section: content.world.documentId,
      authors: [content.byline.documentId],
    });
    const { port } = app.server.address() as { port: number };
    client = strapiClient({
      baseURL: `http://127.0.0.1:${port}/api`,
      headers: { 'User-Agent': browserUserAgent('client') },
    });
  });
  afterAll(stopStrapi);

  it('lists published articles with a filter, a sort, pagination and populate', async () => {
    const articles = client.collection('articles');
    const page = await articles.find({
      filters: { section: { slug: { $eq: 'europe' } } },
      sort: 'title:asc',
      pagination: { page: 1, pageSize: 10 },
      populate: { section: { fields: ['name', 'slug'] }, authors: { fields: ['name'] } },
    });

    expect(page.data.map((article) => article.title)).toEqual([PUBLISHED_TITLE]);
    expect(page.data[0]).toMatchObject({
      section: { name: 'Europe', slug: 'europe' },
      authors: [{ name: 'Ada Byline' }],
      views: 0,
    });
    expect(page.meta).toMatchObject({ pagination: { page: 1, pageSize: 10, total: 1 } });

    const sorted = await articles.find({ sort: 'title:desc', pagination: { pageSize: 1 } });
    expect(sorted.data.map((article) => article.title)).toEqual(['Second harbour story']);
    expect(sorted.meta).toMatchObject({ pagination: { pageCount: 2, total: 2 } });
    const all = await articles.find();
    expect(all.data.map((article) => article.title)).not.toContain(DRAFT_TITLE);
  });

  it('reads one article by document id and the page by slug', async () => {
    const one = await client.collection('articles').findOne(content.published.documentId);
    expect(one.data).toMatchObject({ title: PUBLISHED_TITLE });

    const res = await client.fetch('/articles/slug/harbour-reopens-after-storm');
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: Record<string, unknown> };
    expect(page.data).toMatchObject({
      title: PUBLISHED_TITLE,
      breadcrumb: [{ slug: 'world' }, { slug: 'europe' }],
      views: 0,
    });
  });

  it('records a view, and the next read counts it', async () => {
    const { documentId } = content.published;
    const res = await client.fetch(`/articles/${documentId}/views`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { documentId, views: 1, counted: true } });

    const one = await client.collection('articles').findOne(documentId);
    expect(one.data).toMatchObject({ views: 1 });
  });

  it('gets an error it can read for a draft: the client throws, naming the status', async () => {
    await expect(
      client.collection('articles').findOne(content.draftOnly.documentId),
    ).rejects.toMatchObject({ response: { status: 404 } });
  });
});

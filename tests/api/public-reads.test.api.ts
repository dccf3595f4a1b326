/**
 * What readers (the Public and Authenticated roles) read on every public route: published
 * content only, authors without their email, and the article page in one call (breadcrumb from
 * the top section, views and reading time the same on every route).
 */

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../src/constants';
import { createArticle, createSection } from '../helpers/fixtures';
import {
  createPublicContent,
  publicReaders,
  PUBLISHED_TITLE,
  titles,
} from '../helpers/public-content';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView, storedViews, viewCounter } from '../helpers/views';

describeWithDatabase('the public API', () => {
  let app: TestApp;
  let content: Awaited<ReturnType<typeof createPublicContent>>;
  const readers = publicReaders(() => app);

  const { get } = readers;
  const names = (res: { body: { data: Array<{ name?: unknown }> } }) =>
    res.body.data.map((item) => item.name);

  beforeAll(async () => {
    app = await bootStrapi();
  });
  afterAll(stopStrapi);

  it('starts empty: a boot without SEED_EXAMPLE_CONTENT seeds nothing', async () => {
    expect(await app.strapi.db.query(ARTICLE_UID).count()).toBe(0);
    expect(await app.strapi.db.query(SECTION_UID).count()).toBe(0);
    expect(await app.strapi.db.query(AUTHOR_UID).count()).toBe(0);
  });

  describe('with published and draft content', () => {
    beforeAll(async () => {
      content = await createPublicContent(app);
      await readers.signUp();
    });

    it('has the logged-in reader in the Authenticated role, and the anonymous one in none', async () => {
      const user: { role: { type: string } } = await app.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { username: 'reader' }, populate: ['role'] });
      expect(user.role.type).toBe('authenticated');
      expect((await get(readers.authenticated, '/api/users/me')).status).toBe(200);
      expect((await get(readers.anonymous, '/api/users/me')).status).toBe(403);
    });

    it.each(readers.all)(
      'reads every public route as $label: published content only',
      async (reader) => {
        const { published, europe, byline } = content;
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
        expect(names(sections)).toEqual(['Europe', 'Lonely', 'World']);

        const section = await get(reader, `/api/sections/${europe.documentId}`);
        expect(section.status).toBe(200);
        expect(section.body.data).toMatchObject({ documentId: europe.documentId, name: 'Europe' });

        const authors = await get(reader, '/api/authors?sort=name');
        expect(authors.status).toBe(200);
        expect(names(authors)).toEqual(['Ada Byline', 'Ghost Writer']);
        for (const author of authors.body.data as object[])
          expect(author).not.toHaveProperty('email');

        const author = await get(reader, `/api/authors/${byline.documentId}`);
        expect(author.status).toBe(200);
        expect(author.body.data).toMatchObject({
          documentId: byline.documentId,
          name: 'Ada Byline',
        });
        expect(author.body.data).not.toHaveProperty('email');
      },
    );

    describe('the page payload', () => {
      it("has a breadcrumb from the top section down (World > Europe); Home is the frontend's", async () => {
        const res = await app.request().get(`/api/articles/slug/${String(content.published.slug)}`);
        expect(res.status).toBe(200);
        expect(res.body.data.breadcrumb).toEqual([
          { name: 'World', slug: 'world', documentId: content.world.documentId },
          { name: 'Europe', slug: 'europe', documentId: content.europe.documentId },
        ]);
        expect(res.body.data.section).toMatchObject({ name: 'Europe', slug: 'europe' });
        expect(res.body.data.authors).toEqual([expect.objectContaining({ name: 'Ada Byline' })]);
        expect(res.body.data.authors[0]).not.toHaveProperty('email');
      });

      it('has a three-crumb breadcrumb for a three-level section', async () => {
        const { strapi } = app;
        const balkans = await createSection(strapi, {
          name: 'Balkans',
          parent: content.europe.documentId,
        });
        const article = await createArticle(strapi, {
          title: 'Deep section story',
          section: balkans.documentId,
        });
        const res = await app.request().get(`/api/articles/slug/${String(article.slug)}`);
        expect(res.status).toBe(200);
        expect(res.body.data.breadcrumb).toEqual([
          { name: 'World', slug: 'world', documentId: content.world.documentId },
          { name: 'Europe', slug: 'europe', documentId: content.europe.documentId },
          { name: 'Balkans', slug: 'balkans', documentId: balkans.documentId },
        ]);
        await strapi.documents(ARTICLE_UID).delete({ documentId: article.documentId });
        await strapi.documents(SECTION_UID).delete({ documentId: balkans.documentId });
      });

      it('carries the same views and readingTimeMinutes on the list, one and by-slug routes', async () => {
        const { documentId, slug } = content.published;
        const before = (await app.request().get(`/api/articles/${documentId}`)).body.data
          .views as number;
        for (let i = 0; i < 3; i += 1) {
          const view = await postView(app, documentId, `public-api page ${i}`);
          expect(view.status).toBe(200);
          expect(view.body.data.counted).toBe(true);
        }
        const views = before + 3;
        // 450 words at 200 a minute: 3 minutes.
        const expected = { documentId, views, readingTimeMinutes: 3 };

        const list = await app.request().get('/api/articles');
        expect(list.body.data).toEqual([expect.objectContaining(expected)]);
        const trimmed = await app.request().get('/api/articles?fields[0]=title');
        expect(trimmed.body.data[0].views).toBe(views);
        const one = await app.request().get(`/api/articles/${documentId}`);
        expect(one.body.data).toMatchObject(expected);
        const page = await app.request().get(`/api/articles/slug/${String(slug)}`);
        expect(page.body.data).toMatchObject({
          ...expected,
          publishedAt: expect.any(String),
          updatedAt: expect.any(String),
          originallyPublishedAt: expect.any(String),
        });
        await viewCounter(app).flush();
        expect(await storedViews(app, documentId)).toBe(views);
      });
    });
  });
});

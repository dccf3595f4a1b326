/**
 * The list pages: a section's published articles newest first (its sub-sections' too), ten a
 * page with `?page=` links, a most-read box; an author's articles; the home page's latest. A page
 * past the last is the 404 page; query keys other than `page` change nothing.
 */

import { createArticle, createAuthor, createSection, setStored } from '../helpers/fixtures';
import { allBy, allTags, byTestId } from '../helpers/html';
import { describeWithDatabase } from '../helpers/services';
import { getPage, SITE_ENV } from '../helpers/site';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView, viewCounter } from '../helpers/views';

const DAY_MS = 24 * 60 * 60 * 1000;

describeWithDatabase('the list pages', () => {
  let app: TestApp;
  /** Story 1 (oldest) to Story 12 (newest); 11 and 12 in the sub-section Europe. */
  const titles = Array.from({ length: 12 }, (_, i) => `Story ${i + 1}`);

  const listed = (html: string) =>
    allTags(byTestId(html, 'article-list').inner, 'h2').map((h2) => h2.text);

  beforeAll(async () => {
    app = await bootStrapi({ env: SITE_ENV });
    const world = await createSection(app.strapi, { name: 'World' });
    const europe = await createSection(app.strapi, { name: 'Europe', parent: world.documentId });
    const author = await createAuthor(app.strapi, { name: 'Grace Hopper', jobTitle: 'Reporter' });
    const start = Date.parse('2026-01-01T08:00:00.000Z');
    for (const [i, title] of titles.entries()) {
      const article = await createArticle(app.strapi, {
        title,
        section: (i >= 10 ? europe : world).documentId,
        authors: i % 2 === 0 ? [author.documentId] : undefined,
      });
      await setStored(app.strapi, article.documentId, {
        originallyPublishedAt: new Date(start + i * DAY_MS),
      });
      if (title === 'Story 3') {
        for (const visitor of [1, 2, 3]) await postView(app, article.documentId, visitor);
      }
    }
    await viewCounter(app).flush();
  });
  afterAll(stopStrapi);

  it('list a section and its sub-sections newest first, ten a page', async () => {
    const first = await getPage(app, '/news/section/world');
    expect(first.res.status).toBe(200);
    expect(listed(first.html)).toEqual(titles.slice(2).reverse());
    const pager = byTestId(first.html, 'pagination');
    expect(pager.text).toContain('Page 1 of 2');
    expect(allBy(pager.inner, 'rel', 'next')[0].attrs.href).toBe('/news/section/world?page=2');

    const second = await getPage(app, '/news/section/world?page=2');
    expect(listed(second.html)).toEqual(['Story 2', 'Story 1']);
    expect(allBy(byTestId(second.html, 'pagination').inner, 'rel', 'prev')[0].attrs.href).toBe(
      '/news/section/world',
    );
  });

  it('show a sub-section with its breadcrumb Home > World > Europe', async () => {
    const { html } = await getPage(app, '/news/section/europe');
    expect(listed(html)).toEqual(['Story 12', 'Story 11']);
    expect(allTags(byTestId(html, 'breadcrumb').inner, 'li').map((li) => li.text)).toEqual([
      'Home',
      'World',
      'Europe',
    ]);
  });

  it('answer a page past the last with the 404 page', async () => {
    expect((await getPage(app, '/news/section/world?page=3')).res.status).toBe(404);
    expect((await getPage(app, '/news/section/europe?page=2')).res.status).toBe(404);
  });

  it('ignore query keys other than page', async () => {
    const { res, html } = await getPage(app, '/news/section/world?utm_source=mail&page=2');
    expect(res.status).toBe(200);
    expect(listed(html)).toEqual(['Story 2', 'Story 1']);
  });

  it("box the section's most read articles", async () => {
    const { html } = await getPage(app, '/news/section/world');
    const box = byTestId(html, 'most-read');
    expect(allTags(box.inner, 'a')[0]).toMatchObject({ text: 'Story 3' });
  });

  it("list an author's articles with the author's name and job", async () => {
    const { res, html } = await getPage(app, '/news/author/grace-hopper');
    expect(res.status).toBe(200);
    expect(byTestId(html, 'list-title').text).toBe('Grace Hopper');
    expect(html).toContain('Reporter');
    expect(listed(html)).toEqual([
      'Story 11',
      'Story 9',
      'Story 7',
      'Story 5',
      'Story 3',
      'Story 1',
    ]);
  });

  it('list the latest articles on the home page, at / and /news', async () => {
    for (const path of ['/news', '/']) {
      const { res, html } = await getPage(app, path);
      expect(res.status).toBe(200);
      expect(listed(html)).toEqual(titles.slice(2).reverse());
    }
  });
});

/**
 * The reader pages in the response cache: a page is stored once and answered from memory (Koa's
 * path and the lane), tagged with the ids it shows; publishing, unpublishing, a section or author
 * rename and a site-settings change make the next read fresh; 404s, redirects and previews are
 * never stored. The security headers (CSP) come with cached pages too.
 */

import { AUTHOR_UID, SECTION_UID, SITE_SETTING_UID } from '../../src/constants';
import { CACHE_ON, xCache } from '../helpers/cache';
import {
  createArticle,
  createAuthor,
  createSection,
  publishArticle,
  unpublishArticle,
  updateParams,
} from '../helpers/fixtures';
import { byTestId } from '../helpers/html';
import { describeWithDatabase } from '../helpers/services';
import { SITE_ENV } from '../helpers/site';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('reader pages in the response cache', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({ env: { ...CACHE_ON, ...SITE_ENV } });
  });
  afterAll(stopStrapi);

  const get = (url: string) => app.request().get(url).redirects(0);
  /** Reads `url` twice: the second answer comes from the cache. */
  const cached = async (url: string) => {
    await get(url);
    const res = await get(url);
    expect([url, xCache(res)]).toEqual([url, 'HIT']);
    return res;
  };

  it('stores a page tagged with the article, its section and authors, with its headers', async () => {
    const section = await createSection(app.strapi, { name: 'Tagged' });
    const author = await createAuthor(app.strapi, { name: 'Tag Author' });
    const article = await createArticle(app.strapi, {
      section: section.documentId,
      authors: [author.documentId],
    });
    expect(xCache(await get(`/news/${article.slug as string}`))).toBe('MISS');
    const res = await cached(`/news/${article.slug as string}`);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['surrogate-key'].split(' ')).toEqual(
      expect.arrayContaining([
        article.documentId,
        section.documentId,
        author.documentId,
        'articles',
      ]),
    );
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('forgets a page when its article is unpublished, and lists it again once published', async () => {
    const article = await createArticle(app.strapi, { title: 'Comes and goes' });
    const page = `/news/${article.slug as string}`;
    await cached(page);
    await cached('/news');

    await unpublishArticle(app.strapi, article.documentId);
    expect((await get(page)).status).toBe(404);
    expect((await get('/news')).text).not.toContain('Comes and goes');

    await publishArticle(app.strapi, article.documentId);
    expect((await get(page)).status).toBe(200);
    expect((await get('/news')).text).toContain('Comes and goes');
  });

  it('shows a renamed section and author at the next read', async () => {
    const section = await createSection(app.strapi, { name: 'Old Section Name' });
    const author = await createAuthor(app.strapi, { name: 'Old Author Name' });
    const article = await createArticle(app.strapi, {
      section: section.documentId,
      authors: [author.documentId],
    });
    const page = `/news/${article.slug as string}`;
    await cached(page);

    await app.strapi
      .documents(SECTION_UID)
      .update(updateParams(section.documentId, { name: 'New Section Name' }));
    expect(byTestId((await get(page)).text, 'section-label').text).toBe('New Section Name');
    await cached(page);
    await app.strapi
      .documents(AUTHOR_UID)
      .update(updateParams(author.documentId, { name: 'New Author Name' }));
    expect(byTestId((await get(page)).text, 'byline-author').text).toBe('New Author Name');
  });

  it('forgets every page when the site settings change', async () => {
    await cached('/news');
    await app.strapi
      .documents(SITE_SETTING_UID)
      .create({ data: { publicationName: 'Renamed Daily' } });
    const res = await get('/news');
    expect(xCache(res)).toBe('MISS');
    expect(res.text).toContain('Renamed Daily');
  });

  it('never stores a 404 page', async () => {
    for (let i = 0; i < 2; i += 1) {
      const res = await get('/news/not-a-story-here');
      expect(res.status).toBe(404);
      expect(xCache(res)).toBeUndefined();
    }
  });
});

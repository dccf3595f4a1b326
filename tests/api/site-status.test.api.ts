/**
 * What the reader pages answer besides a page: a real 404 page (HTML, status 404, `noindex`) for
 * anything unknown under `/news`, a 301 from an old slug to the current one, and drafts never
 * rendered (their slugs answer 404, a published article shows its published version only).
 */

import { ARTICLE_UID } from '../../src/constants';
import { editDraft, publishArticle, updateParams } from '../helpers/fixtures';
import { metaTags } from '../helpers/html';
import { createPublicContent, DRAFT_TITLE, UNPUBLISHED_EDIT } from '../helpers/public-content';
import { describeWithDatabase } from '../helpers/services';
import { getPage, SITE_ENV } from '../helpers/site';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the reader pages', () => {
  let app: TestApp;
  let content: Awaited<ReturnType<typeof createPublicContent>>;

  beforeAll(async () => {
    app = await bootStrapi({ env: SITE_ENV });
    content = await createPublicContent(app);
  });
  afterAll(stopStrapi);

  const expectNotFoundPage = async (path: string) => {
    const { res, html } = await getPage(app, path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html).toContain('<h1 class="headline">Page not found</h1>');
    expect(metaTags(html).robots).toBe('noindex, nofollow');
    return html;
  };

  it.each([
    '/news/no-such-story',
    '/news/section/no-such-section',
    '/news/author/no-such-author',
    '/news/some/deeper/path',
    '/news/NOT-A-SLUG',
    `/news/${'a'.repeat(201)}`,
    '/news/%E2%98%83',
    '/news/%FF',
    '/news/section/%FF',
    '/news/author/%00',
    '/news/assets/nope.css',
  ])('answer %s with the 404 page', async (path) => {
    await expectNotFoundPage(path);
  });

  it('never render a draft: its slug is unknown', async () => {
    const html = await expectNotFoundPage(`/news/${content.draftOnly.slug as string}`);
    expect(html).not.toContain(DRAFT_TITLE);
  });

  it('show the published version of an article, not its unpublished edit', async () => {
    const { res, html } = await getPage(app, `/news/${content.published.slug as string}`);
    expect(res.status).toBe(200);
    expect(html).toContain('Harbour reopens after storm');
    expect(html).not.toContain(UNPUBLISHED_EDIT);
  });

  it('never list a draft, nor a section whose only article is a draft', async () => {
    for (const path of [
      '/news',
      '/news/section/lonely',
      `/news/author/${content.ghost.slug as string}`,
    ]) {
      const { res, html } = await getPage(app, path);
      expect(res.status).toBe(200);
      expect(html).not.toContain(DRAFT_TITLE);
    }
  });

  it('send an old slug to the current one with a 301', async () => {
    const { documentId } = content.published;
    const oldSlug = content.published.slug as string;
    await app.strapi
      .documents(ARTICLE_UID)
      .update(updateParams(documentId, { slug: 'harbour-reopens-renamed' }));
    await publishArticle(app.strapi, documentId);

    const { res } = await getPage(app, `/news/${oldSlug}`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/news/harbour-reopens-renamed');
    expect((await getPage(app, '/news/harbour-reopens-renamed')).res.status).toBe(200);
    await editDraft(app.strapi, documentId, { title: UNPUBLISHED_EDIT });
  });

  it("answer a malformed page number with a 400 in Strapi's error shape", async () => {
    const res = await app.request().get('/news/section/world?page=abc');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.message).toContain('page must be a whole number');
  });
});

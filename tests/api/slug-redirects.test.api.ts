/**
 * Renamed slugs keep working: once an article is republished under a new slug, its old slugs
 * answer 301 to the current one; a slug that is live again, or an article no longer published,
 * is not redirected.
 */

import { ARTICLE_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('an old slug', () => {
  let app: TestApp;
  let cm: ContentManager;

  const page = (slug: string) => app.request().get(`/api/articles/slug/${slug}`);
  /** Gives a published article a new slug and republishes it, as an Editor does. */
  const renameAndRepublish = async (documentId: string, slug: string) => {
    expect((await cm.update(ARTICLE_UID, documentId, { slug })).status).toBe(200);
    expect((await cm.publish(ARTICLE_UID, documentId)).status).toBe(200);
  };
  const expectRedirect = async (from: string, to: string) => {
    const res = await page(from);
    expect({ status: res.status, location: res.headers.location }).toEqual({
      status: 301,
      location: `/api/articles/slug/${to}`,
    });
  };

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
  });
  afterAll(stopStrapi);

  it('redirects (301) to the new one once the renamed article is republished', async () => {
    const { documentId } = await createArticle(app.strapi, { slug: 'slug-before-rename' });

    expect((await cm.update(ARTICLE_UID, documentId, { slug: 'slug-after-rename' })).status).toBe(
      200,
    );
    // Until republished, the live page keeps its slug.
    expect((await page('slug-before-rename')).status).toBe(200);
    expect((await cm.publish(ARTICLE_UID, documentId)).status).toBe(200);

    await expectRedirect('slug-before-rename', 'slug-after-rename');
    const current = await page('slug-after-rename');
    expect(current.status).toBe(200);
    expect(current.body.data.documentId).toBe(documentId);
  });

  it('of an article renamed twice redirects straight to the newest', async () => {
    const { documentId } = await createArticle(app.strapi, { slug: 'twice-first' });
    await renameAndRepublish(documentId, 'twice-second');
    await renameAndRepublish(documentId, 'twice-third');

    await expectRedirect('twice-first', 'twice-third');
    await expectRedirect('twice-second', 'twice-third');
  });

  it('is served again, not redirected, once the article takes it back', async () => {
    const { documentId } = await createArticle(app.strapi, { slug: 'back-original' });
    await renameAndRepublish(documentId, 'back-interim');
    await expectRedirect('back-original', 'back-interim');

    await renameAndRepublish(documentId, 'back-original');

    const res = await page('back-original');
    expect(res.status).toBe(200);
    expect(res.body.data.documentId).toBe(documentId);
    await expectRedirect('back-interim', 'back-original');
  });

  it('is a 404 once the article is unpublished', async () => {
    const { documentId } = await createArticle(app.strapi, { slug: 'gone-original' });
    await renameAndRepublish(documentId, 'gone-renamed');
    expect((await cm.unpublish(ARTICLE_UID, documentId)).status).toBe(200);

    expect((await page('gone-original')).status).toBe(404);
    expect((await page('gone-renamed')).status).toBe(404);
  });
});

/**
 * Every write that changes a public answer makes the next read of it fresh: publish, unpublish,
 * update and publish, delete, a scheduled publish, a slug change, a section or author edit, a
 * Document Service write (the seed's way), a change to the Public role's permissions. A draft-only
 * save changes nothing public and purges nothing; a draft never enters the cache.
 */

import {
  ARTICLE_UID,
  AUTHOR_UID,
  SECTION_UID,
  UP_PERMISSION_UID,
  UP_ROLE_UID,
} from '../../src/constants';
import { createApiToken } from '../helpers/admin';
import { CACHE_ON, xCache } from '../helpers/cache';
import {
  createArticle,
  createAuthor,
  createSection,
  type Doc,
  draftRow,
  editDraft,
  publishArticle,
  unpublishArticle,
  updateParams,
} from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the response cache after a write', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({ env: CACHE_ON });
  });
  afterAll(stopStrapi);

  const get = (url: string) => app.request().get(url);
  const pageOf = (slug: unknown) => `/api/articles/slug/${String(slug)}`;
  /** Reads `url` twice: the second answer comes from the cache. */
  const cached = async (url: string) => {
    await get(url);
    const res = await get(url);
    expect([url, xCache(res)]).toEqual([url, 'HIT']);
    return res;
  };
  const documents = () => app.strapi.documents(ARTICLE_UID);

  it('a publish of an edit shows the edit; a draft-only save purges nothing', async () => {
    const article = await createArticle(app.strapi, { title: 'Before the edit' });
    const page = pageOf(article.slug);
    await cached(page);

    await editDraft(app.strapi, article.documentId, { standfirst: 'A draft-only standfirst' });
    const afterDraft = await get(page);
    expect(xCache(afterDraft)).toBe('HIT');
    expect(afterDraft.text).not.toContain('A draft-only standfirst');

    await publishArticle(app.strapi, article.documentId);
    const fresh = await get(page);
    expect(xCache(fresh)).toBe('MISS');
    expect(fresh.body.data.standfirst).toBe('A draft-only standfirst');
  });

  it('an update with status published shows the update at once', async () => {
    const article = await createArticle(app.strapi);
    const page = pageOf(article.slug);
    await cached(page);
    await documents().update(
      updateParams(article.documentId, { standfirst: 'Updated and published' }, 'published'),
    );
    const fresh = await get(page);
    expect(fresh.body.data.standfirst).toBe('Updated and published');
  });

  it('an unpublish and a delete take the article out of pages and lists', async () => {
    const gone = await createArticle(app.strapi);
    const deleted = await createArticle(app.strapi);
    const list = `/api/articles?filters[documentId][$in][0]=${gone.documentId}&filters[documentId][$in][1]=${deleted.documentId}`;
    expect((await cached(list)).body.data).toHaveLength(2);
    await cached(pageOf(gone.slug));
    await cached(`/api/articles/${deleted.documentId}`);

    await unpublishArticle(app.strapi, gone.documentId);
    expect((await get(pageOf(gone.slug))).status).toBe(404);
    await documents().delete({ documentId: deleted.documentId });
    expect((await get(`/api/articles/${deleted.documentId}`)).status).toBe(404);
    expect((await get(list)).body.data).toHaveLength(0);
  });

  it('a slug change sends the old slug to the new one', async () => {
    const article = await createArticle(app.strapi, { title: 'Old headline here' });
    const oldPage = pageOf(article.slug);
    await cached(oldPage);
    await documents().update(
      updateParams(
        article.documentId,
        { title: 'New headline', slug: 'new-headline' },
        'published',
      ),
    );
    const res = await get(oldPage);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/api/articles/slug/new-headline');
  });

  it('a scheduled publish (the scheduler, inside its transaction) shows the new version', async () => {
    const article = await createArticle(app.strapi);
    const page = pageOf(article.slug);
    await cached(page);
    await editDraft(app.strapi, article.documentId, { standfirst: 'Scheduled standfirst' });
    const due = new Date('2030-01-01T00:00:00.000Z');
    const draft = await draftRow(app.strapi, article.documentId);
    await app.strapi.db
      .query(ARTICLE_UID)
      .update({ where: { id: draft.id }, data: { scheduledAt: due } });
    const run = await appModule<typeof import('../../src/publishing/scheduler')>(
      'publishing/scheduler',
    ).publishDueArticles(app.strapi, new Date('2030-01-01T00:01:00.000Z'));
    expect(run.published).toEqual([article.documentId]);
    expect((await get(page)).body.data.standfirst).toBe('Scheduled standfirst');
  });

  it('a section edit renames it on the pages of its articles and in its sub-sections', async () => {
    const parent = await createSection(app.strapi, { name: 'Parent before' });
    const child = await createSection(app.strapi, { name: 'Child', parent: parent.documentId });
    const article = await createArticle(app.strapi, { section: child.documentId });
    const page = pageOf(article.slug);
    await cached(page);
    await cached(`/api/sections/${parent.documentId}`);

    await app.strapi
      .documents(SECTION_UID)
      .update({ documentId: parent.documentId, data: { name: 'Parent after' } } as never);
    const res = await get(page);
    expect(res.body.data.breadcrumb[0]).toMatchObject({ name: 'Parent after' });
    expect((await get(`/api/sections/${parent.documentId}`)).body.data.name).toBe('Parent after');
  });

  it("an author edit shows on the author's articles and in the authors list", async () => {
    const author = await createAuthor(app.strapi, { name: 'Byline before' });
    const article = await createArticle(app.strapi, { authors: [author.documentId] });
    const page = pageOf(article.slug);
    await cached(page);
    await cached('/api/authors?pagination[pageSize]=100');
    await app.strapi
      .documents(AUTHOR_UID)
      .update({ documentId: author.documentId, data: { name: 'Byline after' } } as never);
    expect((await get(page)).body.data.authors[0].name).toBe('Byline after');
    const names = (await get('/api/authors?pagination[pageSize]=100')).body.data.map(
      (a: Doc) => a.name,
    );
    expect(names).toContain('Byline after');
  });

  it('a new article written through the Document Service (the seed) appears in cached lists', async () => {
    const list = '/api/articles?sort=createdAt:desc&pagination[pageSize]=1';
    await cached(list);
    const article = await createArticle(app.strapi);
    const res = await get(list);
    expect(xCache(res)).toBe('MISS');
    expect(res.body.data[0].documentId).toBe(article.documentId);
  });

  it('never stores a preview, nor an answer to a request with Authorization', async () => {
    const { store } = app.strapi.get<{ store: { size: number; purgeAll(): void } }>(
      'newsroom.responseCache',
    );
    store.purgeAll();
    const draft = await createArticle(app.strapi, { publish: false });
    const preview = await get(`/api/articles/${draft.documentId}/preview`).set(
      'X-Preview-Secret',
      'test-preview-secret',
    );
    expect(preview.status).toBe(200);
    expect(preview.body.data.documentId).toBe(draft.documentId);
    expect(xCache(preview)).toBeUndefined();

    const token = await createApiToken(app, `cache-${draft.documentId}`);
    const drafts = `/api/articles?status=draft&filters[documentId]=${draft.documentId}`;
    for (let i = 0; i < 2; i += 1) {
      const res = await get(drafts).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(1);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(xCache(res)).toBeUndefined();
    }
    expect(store.size).toBe(0);

    // The same URL without the token: the published answer (no draft), cached.
    const anonymous = await get(drafts);
    expect(anonymous.body.data).toHaveLength(0);
    expect(xCache(anonymous)).toBe('MISS');
  });

  it('removing a permission from the Public role takes effect on the next request', async () => {
    await createArticle(app.strapi);
    const list = '/api/articles?pagination[pageSize]=2';
    await cached(list);
    const role = await app.strapi.db.query(UP_ROLE_UID).findOne({ where: { type: 'public' } });
    const action = `${ARTICLE_UID}.find`;
    const permission = await app.strapi.db
      .query(UP_PERMISSION_UID)
      .findOne({ where: { action, role: role.id } });
    expect(permission).toBeTruthy();
    await app.strapi.db.query(UP_PERMISSION_UID).delete({ where: { id: permission.id } });
    try {
      const refused = await get(list);
      expect(refused.status).toBe(403);
      expect(xCache(refused)).toBeUndefined();
    } finally {
      await app.strapi.db.query(UP_PERMISSION_UID).create({ data: { action, role: role.id } });
    }
    const back = await get(list);
    expect(back.status).toBe(200);
    expect(xCache(back)).toBe('MISS');
  });
});

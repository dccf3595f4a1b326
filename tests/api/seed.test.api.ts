/**
 * The example content: seeded at boot on an empty database with SEED_EXAMPLE_CONTENT=true (one
 * section, one author, the reference report with 35 views), and idempotent: a second run creates
 * and changes nothing, keeps the views readers added, and seeds again only an emptied newsroom.
 */

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../src/constants';
import {
  REFERENCE_SLUG,
  seedExampleContent,
  seedExampleContentIfEmpty,
} from '../../src/setup/example-content';
import { utcDay } from '../../src/views';
import { articleRows, createArticle, LONG_AGO } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { dailyViews, postView, viewCounter } from '../helpers/views';

const TITLE = "NATO's Rutte anticipates success of US peace initiative for Ukraine";

describeWithDatabase('the example content (SEED_EXAMPLE_CONTENT=true on an empty database)', () => {
  let app: TestApp;

  /** Everything a seed run could change, straight from the database. */
  const snapshot = async () => {
    const { strapi } = app;
    const viewRows: Array<{ document_id: string; views: unknown }> = await strapi.db
      .connection('article_views')
      .select('document_id', 'views')
      .orderBy('document_id');
    return {
      articles: await strapi.db.query(ARTICLE_UID).findMany({ orderBy: { id: 'asc' } }),
      sections: await strapi.db.query(SECTION_UID).findMany({ orderBy: { id: 'asc' } }),
      authors: await strapi.db.query(AUTHOR_UID).findMany({ orderBy: { id: 'asc' } }),
      views: viewRows.map((row) => ({ documentId: row.document_id, views: Number(row.views) })),
    };
  };

  const referenceDocumentId = async (): Promise<string> => {
    const row: { documentId: string } | null = await app.strapi.db
      .query(ARTICLE_UID)
      .findOne({ select: ['documentId'], where: { slug: REFERENCE_SLUG } });
    if (!row) throw new Error('the reference report is missing');
    return row.documentId;
  };

  beforeAll(async () => {
    app = await bootStrapi({ env: { SEED_EXAMPLE_CONTENT: 'true' } });
  });
  afterAll(stopStrapi);

  it('seeds exactly one section, one author and one published article with 35 views', async () => {
    const state = await snapshot();
    expect(state.sections.map((s) => s.name)).toEqual(['World']);
    expect(state.authors.map((a) => a.name)).toEqual(['Sophia Brooks']);
    // One document: its draft and its published version.
    expect(state.articles).toHaveLength(2);
    expect(new Set(state.articles.map((a) => a.documentId)).size).toBe(1);
    expect(state.articles.filter((a) => a.publishedAt !== null)).toHaveLength(1);
    expect(state.views).toEqual([{ documentId: await referenceDocumentId(), views: 35 }]);
  });

  it('serves the reference report, published, to readers', async () => {
    const documentId = await referenceDocumentId();
    const expected = {
      documentId,
      title: TITLE,
      slug: REFERENCE_SLUG,
      views: 35,
      readingTimeMinutes: 2,
      publishedAt: expect.any(String),
    };

    const page = await app.request().get(`/api/articles/slug/${REFERENCE_SLUG}`);
    expect(page.status).toBe(200);
    expect(page.body.data).toMatchObject({
      ...expected,
      section: { name: 'World', slug: 'world' },
      authors: [{ name: 'Sophia Brooks', slug: 'sophia-brooks', jobTitle: 'Correspondent' }],
      breadcrumb: [{ name: 'World', slug: 'world', documentId: expect.any(String) }],
      seo: { metaTitle: expect.any(String), metaDescription: expect.any(String) },
      originallyPublishedAt: expect.any(String),
    });
    expect(page.body.data.seo.metaTitle.length).toBeLessThanOrEqual(70);

    const list = await app.request().get('/api/articles?populate[0]=section&populate[1]=authors');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        ...expected,
        section: expect.objectContaining({ name: 'World' }),
        authors: [expect.objectContaining({ name: 'Sophia Brooks' })],
      }),
    ]);
    const one = await app.request().get(`/api/articles/${documentId}`);
    expect(one.body.data).toMatchObject(expected);

    const sections = await app.request().get('/api/sections?populate=articles');
    expect(sections.body.data).toEqual([
      expect.objectContaining({
        name: 'World',
        slug: 'world',
        articles: [expect.objectContaining({ title: TITLE })],
      }),
    ]);
  });

  it('spreads the 35 views over the last three days, so most-read of the day lists the report', async () => {
    const documentId = await referenceDocumentId();
    const daily = await dailyViews(app, documentId);
    expect(Object.keys(daily)).toHaveLength(3);
    expect(Object.values(daily).reduce((sum, views) => sum + views, 0)).toBe(35);
    const res = await app.request().get('/api/articles/most-read');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        documentId,
        slug: REFERENCE_SLUG,
        views: daily[utcDay(new Date())],
      }),
    ]);
    const all = await app.request().get('/api/articles/most-read?period=all');
    expect(all.body.data).toEqual([expect.objectContaining({ documentId, views: 35 })]);
  });

  it('a second run creates nothing and changes nothing', async () => {
    // Everything saved long ago: a run that wrote any row would move its updatedAt to now.
    for (const uid of [ARTICLE_UID, SECTION_UID, AUTHOR_UID]) {
      await app.strapi.db.query(uid).updateMany({ where: {}, data: { updatedAt: LONG_AGO } });
    }
    const before = await snapshot();

    const report = await seedExampleContent(app.strapi);

    expect(report).toEqual({ created: [] });
    const after = await snapshot();
    expect(after).toEqual(before);
    for (const row of [...after.articles, ...after.sections, ...after.authors]) {
      expect(new Date(row.updatedAt)).toEqual(LONG_AGO);
    }
    const page = await app.request().get(`/api/articles/slug/${REFERENCE_SLUG}`);
    expect(page.body.data.views).toBe(35);
  });

  it('a second run keeps the views readers added since (it does not reset them to 35)', async () => {
    const documentId = await referenceDocumentId();
    expect((await postView(app, documentId, 'seed-reader')).body.data).toMatchObject({
      views: 36,
      counted: true,
    });
    // The view is in the database before the seed runs again, as it would be a while later.
    await viewCounter(app).flush();
    expect((await snapshot()).views).toEqual([{ documentId, views: 36 }]);
    expect(await seedExampleContent(app.strapi)).toEqual({ created: [] });
    expect((await snapshot()).views).toEqual([{ documentId, views: 36 }]);
    expect((await app.request().get(`/api/articles/${documentId}`)).body.data.views).toBe(36);
  });

  it('boot-time seeding is a no-op on a newsroom that has content, whatever the setting', async () => {
    const before = await snapshot();
    await seedExampleContentIfEmpty(app.strapi, { SEED_EXAMPLE_CONTENT: 'true' });
    await seedExampleContentIfEmpty(app.strapi, {});
    expect(await snapshot()).toEqual(before);
  });

  describe('on an emptied newsroom', () => {
    let oldDocumentId: string;

    beforeAll(async () => {
      oldDocumentId = await referenceDocumentId();
      await app.strapi.documents(ARTICLE_UID).delete({ documentId: oldDocumentId });
      expect(await app.strapi.db.query(ARTICLE_UID).count()).toBe(0);
    });

    it('does not seed when SEED_EXAMPLE_CONTENT is unset (outside `strapi develop`) or "false"', async () => {
      expect(app.strapi.config.get('autoReload', false)).toBeFalsy();
      await seedExampleContentIfEmpty(app.strapi, {});
      await seedExampleContentIfEmpty(app.strapi, { SEED_EXAMPLE_CONTENT: 'false' });
      await seedExampleContentIfEmpty(app.strapi, { SEED_EXAMPLE_CONTENT: '1' });
      expect(await app.strapi.db.query(ARTICLE_UID).count()).toBe(0);
      expect((await app.request().get(`/api/articles/slug/${REFERENCE_SLUG}`)).status).toBe(404);
    });

    it('seeds again with SEED_EXAMPLE_CONTENT=true, reusing the section and author, with 35 views', async () => {
      await seedExampleContentIfEmpty(app.strapi, { SEED_EXAMPLE_CONTENT: 'true' });
      const state = await snapshot();
      expect(state.sections).toHaveLength(1);
      expect(state.authors).toHaveLength(1);
      expect(state.articles).toHaveLength(2);
      const documentId = await referenceDocumentId();
      expect(documentId).not.toBe(oldDocumentId);
      const page = await app.request().get(`/api/articles/slug/${REFERENCE_SLUG}`);
      expect(page.status).toBe(200);
      expect(page.body.data).toMatchObject({ documentId, views: 35, readingTimeMinutes: 2 });
    });

    it('does not duplicate the report even when other content exists (seeding is by slug)', async () => {
      await createArticle(app.strapi, { title: 'Another story' });
      const report = await seedExampleContent(app.strapi);
      expect(report).toEqual({ created: [] });
      expect(
        await app.strapi.db.query(ARTICLE_UID).count({ where: { slug: REFERENCE_SLUG } }),
      ).toBe(2);
      expect(await articleRows(app.strapi, await referenceDocumentId())).toHaveLength(2);
    });
  });
});

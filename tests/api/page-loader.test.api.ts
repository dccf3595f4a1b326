/**
 * The article page's own loader (src/api/article/page) answers exactly what Strapi's own path
 * would: the Document Service with the page's populate, then the content API's output sanitizer.
 * Held for a published page with everything (cover, SEO image, authors in their order, avatars, a
 * section three levels deep), for a draft's preview with nothing optional, and for the private
 * fields: an author's email never leaves, and an attribute a schema marks private is not read.
 */

import { ARTICLE_UID, AUTHOR_UID } from '../../src/constants';
import { TEST_SECRETS } from '../helpers/env';
import {
  createArticle,
  createAuthor,
  createDraft,
  createSection,
  type Doc,
} from '../helpers/fixtures';
import { createImage } from '../helpers/media';
import { documentServicePage } from '../helpers/page-reference';
import { describeWithDatabase } from '../helpers/services';
import { sqlDuring } from '../helpers/sql';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const { publicShapeOf } = appModule<typeof import('../../src/api/article/page/public-fields')>(
  'api/article/page/public-fields',
);
const EMAIL = 'reporter.private@newsroom.test';

describeWithDatabase("the article page's loader", () => {
  let app: TestApp;
  let published: Doc;
  let sections: Doc[];

  const page = (slug: string) => app.request().get(`/api/articles/slug/${slug}`);
  const preview = (documentId: string) =>
    app
      .request()
      .get(`/api/articles/${documentId}/preview`)
      .set('X-Preview-Secret', TEST_SECRETS.PREVIEW_SECRET);

  beforeAll(async () => {
    app = await bootStrapi();
    const { strapi } = app;
    const [cover, avatar, ogImage] = [
      await createImage(strapi, 'cover'),
      await createImage(strapi, 'avatar'),
      await createImage(strapi, 'og-image'),
    ];
    const top = await createSection(strapi, { name: 'World', description: 'The world' });
    const middle = await createSection(strapi, { name: 'Europe', parent: top.documentId });
    const bottom = await createSection(strapi, { name: 'Balkans', parent: middle.documentId });
    sections = [top, middle, bottom];
    const authors = [
      await createAuthor(strapi, { name: 'Second Byline' }),
      await createAuthor(strapi, {
        name: 'First Byline',
        jobTitle: 'Correspondent',
        bio: 'Files from Sarajevo.',
        email: EMAIL,
        avatar: avatar.id,
      }),
      await createAuthor(strapi, { name: 'Third Byline', avatar: avatar.id }),
    ];
    published = await createArticle(strapi, {
      standfirst: 'What the page shows under the headline',
      section: bottom.documentId,
      authors: [authors[1], authors[0], authors[2]].map((author) => author.documentId),
      cover: cover.id,
      seo: { metaTitle: 'Meta title', metaDescription: 'Meta description', ogImage: ogImage.id },
      originallyPublishedAt: '2026-11-01T08:00:00.000Z',
    });
  });
  afterAll(stopStrapi);

  it('answers a published page as the Document Service and the output sanitizer would', async () => {
    const res = await page(String(published.slug));

    expect(res.status).toBe(200);
    const { data } = res.body as { data: Record<string, unknown> };
    expect(data.breadcrumb).toEqual(
      sections.map(({ name, slug, documentId }) => ({ name, slug, documentId })),
    );
    expect(data).toEqual(
      await documentServicePage(app.strapi, published.documentId, 'published', {
        views: 0,
        breadcrumb: data.breadcrumb,
      }),
    );
    expect(data).toMatchObject({
      authors: [{ name: 'First Byline' }, { name: 'Second Byline' }, { name: 'Third Byline' }],
      cover: { url: '/uploads/cover.jpg', formats: { thumbnail: { width: 234 } } },
      seo: { metaTitle: 'Meta title', ogImage: { url: '/uploads/og-image.jpg' } },
    });
  });

  it("answers a draft's preview with nothing optional as the Document Service would", async () => {
    const draft = await createDraft(app.strapi, { title: 'A bare draft' });

    const res = await preview(draft.documentId);

    expect(res.status).toBe(200);
    const { data } = res.body as { data: Record<string, unknown> };
    expect(data).toMatchObject({ section: null, cover: null, seo: null, authors: [] });
    expect(data).toEqual(
      await documentServicePage(app.strapi, draft.documentId, 'draft', {
        views: 0,
        breadcrumb: [],
      }),
    );
  });

  it("never answers an author's email, on the page or in a preview", async () => {
    const answers = [await page(String(published.slug)), await preview(published.documentId)];
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(EMAIL);
      expect(JSON.stringify(res.body)).not.toContain('"email"');
    }
  });

  it('gives a page that the output sanitizers plugins registered would leave as it is', async () => {
    const { data } = (await page(String(published.slug))).body as { data: unknown };
    type Sanitizer = (schema: unknown) => (entity: unknown) => Promise<unknown>;
    const sanitizers = app.strapi.sanitizers.get('content-api.output') as Sanitizer[];
    for (const sanitizer of sanitizers) {
      expect(await sanitizer(app.strapi.contentType(ARTICLE_UID))(data)).toEqual(data);
    }
  });

  it("reads through statements kept prepared on the driver's connection, not through knex's runner", async () => {
    await page(String(published.slug));
    // Every query knex runs itself goes through its client's `query`.
    const client = app.strapi.db.connection.client as { query: (...args: unknown[]) => unknown };
    const raw = jest.spyOn(client, 'query');
    const statements = await sqlDuring(app, () => page(String(published.slug)));
    try {
      // Still seen by knex's `query` listeners (logs, these tests' counts).
      expect(
        statements.some(
          (sql) =>
            sql.includes('articles_slug') || sql.includes('`slug`') || sql.includes('"slug"'),
        ),
      ).toBe(true);
      // Only the view counter's total, read by its own store, goes through knex.
      const viaKnex = raw.mock.calls.map(([, query]) => (query as { sql: string }).sql);
      expect(viaKnex).toHaveLength(1);
      expect(viaKnex[0]).toMatch(/from [`"]article_views[`"]/);
    } finally {
      raw.mockRestore();
    }
  });

  it('does not read an attribute once its schema marks it private', () => {
    const { strapi } = app;
    const columns = () => publicShapeOf(strapi, AUTHOR_UID).columns.map((c) => c.attribute);
    expect(columns()).toEqual(expect.arrayContaining(['name', 'slug', 'jobTitle', 'bio']));
    expect(columns()).not.toContain('email');

    const bio = strapi.getModel(AUTHOR_UID).attributes.bio as { private?: boolean };
    bio.private = true;
    try {
      expect(columns()).not.toContain('bio');
      expect(publicShapeOf(strapi, ARTICLE_UID).columns.map((c) => c.attribute)).toContain('title');
    } finally {
      delete bio.private;
    }
  });
});

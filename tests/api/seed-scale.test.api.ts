/**
 * The large corpus (`npm run seed:scale`) writes articles with SQL in batches; this proves they
 * look exactly like articles made through the Document Service: a draft and a published row
 * each, with their own link and SEO rows and a publishing log line; slugs and reading times as the
 * middlewares give them; a page with 3 authors and a 3-crumb breadcrumb; view totals; and an
 * Editor opens, edits and publishes one in the admin like any other.
 */

import { seedScale, type SeedScaleResult } from '../../scripts/seed-scale/corpus';
import { ARTICLE_UID, PUBLICATION_LOG_UID } from '../../src/constants';
import { EDITOR_ROLE } from '../../src/publishing/actor';
import { readingTimeMinutes } from '../../src/publishing/reading-time';
import { toSlug } from '../../src/publishing/slug';
import { createAdminUser, roleId } from '../helpers/admin';
import { articleRows, createArticle, type Row } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { storedViews } from '../helpers/views';

const ARTICLES = 200;

describeWithDatabase('a seeded large corpus', () => {
  let app: TestApp;
  let seeded: SeedScaleResult;
  let progress: number[];

  beforeAll(async () => {
    app = await bootStrapi();
    progress = [];
    seeded = await seedScale(app.strapi, {
      articles: ARTICLES,
      authors: 40,
      batchSize: 64,
      onProgress: (done) => progress.push(done),
    });
  });
  afterAll(stopStrapi);

  /** Every row tied to one version of an article, keyed by what it is, ids left out. */
  const storedShape = async (documentId: string) => {
    const knex = app.strapi.db.connection;
    const rows = await knex('articles').where({ document_id: documentId }).orderBy('id');
    return Promise.all(
      rows.map(async (row: Row) => ({
        columns: Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, value === null ? null : typeof value]),
        ),
        draft: row.published_at === null,
        sectionLinks: await knex('articles_section_lnk')
          .where({ article_id: row.id })
          .count({ n: '*' })
          .first(),
        authorOrders: (
          await knex('articles_authors_lnk').where({ article_id: row.id }).orderBy('author_ord')
        ).map((link: Row) => Number(link.author_ord)),
        components: (await knex('articles_cmps').where({ entity_id: row.id })).map((link: Row) => ({
          field: link.field,
          type: link.component_type,
          order: link.order,
        })),
      })),
    );
  };

  it('reports what it wrote, with progress after each batch', () => {
    expect(seeded).toMatchObject({
      articles: ARTICLES,
      sections: 78,
      authors: 40,
      sample: { slug: expect.any(String), documentId: expect.any(String) },
    });
    expect(seeded.dailyViewRows).toBeGreaterThanOrEqual(ARTICLES);
    expect(progress).toEqual([0, 64, 128, 192, 200]);
  });

  it('stores each article as the Document Service does: a draft row and a published row', async () => {
    const { strapi } = app;
    const sample = await articleRows(strapi, seeded.sample.documentId);
    const section = (await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId: seeded.sample.documentId, publishedAt: { $notNull: true } },
      populate: { section: true, authors: true },
    })) as { section: { documentId: string }; authors: Array<{ documentId: string }> };
    const reference = await createArticle(strapi, {
      title: 'Made through the Document Service',
      section: section.section.documentId,
      authors: section.authors.map((author) => author.documentId),
      standfirst: 'A standfirst',
      seo: { metaTitle: 'A title', metaDescription: 'A description' },
    });
    expect(sample).toHaveLength(2);
    expect(await storedShape(seeded.sample.documentId)).toEqual(
      await storedShape(reference.documentId),
    );
    const counts = (await strapi.db
      .connection('articles')
      .select('published_at')
      .count({ n: '*' })
      .whereNull('published_at')
      .groupBy('published_at')) as Array<{ n: unknown }>;
    expect(counts.map((row) => Number(row.n))).toEqual([ARTICLES + 1]);
    expect(
      await strapi.db.query(ARTICLE_UID).count({ where: { publishedAt: { $notNull: true } } }),
    ).toBe(ARTICLES + 1);

    const log = await strapi.db.query(PUBLICATION_LOG_UID).findMany({
      where: { articleDocumentId: seeded.sample.documentId },
    });
    expect(log).toEqual([
      expect.objectContaining({
        action: 'publish',
        actor: 'System',
        articleTitle: sample[0].title,
      }),
    ]);
  });

  it('gives slugs, reading times and first-publication dates as the middlewares would', async () => {
    const rows = (await app.strapi.db.query(ARTICLE_UID).findMany({
      select: [
        'title',
        'slug',
        'body',
        'readingTimeMinutes',
        'originallyPublishedAt',
        'publishedAt',
      ],
      where: { publishedAt: { $notNull: true }, title: { $contains: ', no. ' } },
    })) as Row[];
    for (const row of rows) {
      expect(row.slug).toBe(toSlug(String(row.title)));
      expect(row.readingTimeMinutes).toBe(readingTimeMinutes(row.body));
      expect(row.originallyPublishedAt).not.toBeNull();
    }
    const minutes = new Set(rows.map((row) => row.readingTimeMinutes));
    expect(Math.min(...(minutes as Set<number>))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...(minutes as Set<number>))).toBeLessThanOrEqual(6);
  });

  it('answers the sample on the public page: 3 authors, a 3-crumb breadcrumb and its views', async () => {
    const res = await app.request().get(`/api/articles/slug/${seeded.sample.slug}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: seeded.sample.documentId,
      authors: [expect.any(Object), expect.any(Object), expect.any(Object)],
      seo: { metaTitle: expect.any(String), metaDescription: expect.any(String) },
    });
    expect(res.body.data.breadcrumb).toHaveLength(3);
    expect(res.body.data.breadcrumb[2].slug).toBe(res.body.data.section.slug);
    expect(res.body.data.views).toBeGreaterThan(0);
    expect(res.body.data.views).toBe(await storedViews(app, seeded.sample.documentId));

    const ranked = await app.request().get('/api/articles/most-read?period=all&limit=5');
    expect(ranked.status).toBe(200);
    expect(ranked.body.data).toHaveLength(5);
  });

  it('lets an Editor open, edit and publish a seeded article in the admin', async () => {
    const editor = await createAdminUser(app, await roleId(app, EDITOR_ROLE), 'Scale', 'Editor');
    const { documentId, slug } = seeded.sample;
    const opened = await editor.cm.findOne(ARTICLE_UID, documentId);
    expect(opened.status).toBe(200);
    expect(opened.body.data).toMatchObject({ documentId, slug, status: 'published' });

    const edited = await editor.cm.update(ARTICLE_UID, documentId, { title: 'Edited at scale' });
    expect(edited.status).toBe(200);
    expect((await editor.cm.findOne(ARTICLE_UID, documentId)).body.data.status).toBe('modified');
    expect((await editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);

    const page = await app.request().get(`/api/articles/slug/${slug}`);
    expect(page.status).toBe(200);
    expect(page.body.data).toMatchObject({ title: 'Edited at scale', documentId });
    expect(page.body.data.authors).toHaveLength(3);
  });

  it('gives a second run the next free slugs and reuses its sections and authors', async () => {
    const again = await seedScale(app.strapi, { articles: 3, authors: 40 });
    expect(again).toMatchObject({ sections: 78, authors: 40 });
    expect(again.sample.slug).toBe(
      `${toSlug(String((await articleRows(app.strapi, again.sample.documentId))[0].title))}-1`,
    );
    const page = await app.request().get(`/api/articles/slug/${again.sample.slug}`);
    expect(page.status).toBe(200);
  });
});

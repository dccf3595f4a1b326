/**
 * Uncached public reads run a fixed number of SQL queries: the article page whatever its number of
 * authors and its section's depth, article lists with their authors and section populated whatever
 * the number of articles, and most-read whatever the depth of the section asked for.
 */

import type { Doc } from '../helpers/fixtures';
import { createArticle, createAuthor, createSection } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { sqlDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView, viewCounter } from '../helpers/views';

describeWithDatabase('the SQL queries of an uncached public read', () => {
  let app: TestApp;
  let authors: Doc[];
  /** Sections one level deep (`flat`) and three (`deep`, under `deepTop` > `deepMiddle`). */
  let flat: Doc;
  let deepTop: Doc;
  let deep: Doc;

  /**
   * The number of SQL queries run for the request `GET path` (those run within its request
   * context: not the tail work of a fixture's write that may still be finishing), and the answer.
   */
  const queriesOf = async (path: string) => {
    let body: { data: unknown } = { data: null };
    const statements = await sqlDuring(
      app,
      async () => {
        const res = await app.request().get(path);
        expect(res.status).toBe(200);
        body = res.body as { data: unknown };
      },
      { requestsOnly: true },
    );
    return { count: statements.length, body };
  };

  const articleIn = (section: Doc, authorCount: number, title: string) =>
    createArticle(app.strapi, {
      title,
      section: section.documentId,
      authors: authors.slice(0, authorCount).map((author) => author.documentId),
    });

  beforeAll(async () => {
    // Uncached: with the response cache on, a repeated request would run no query at all.
    app = await bootStrapi({ env: { CACHE_ENABLED: 'false' } });
    const { strapi } = app;
    authors = [];
    for (let i = 0; i < 5; i += 1)
      authors.push(await createAuthor(strapi, { name: `Byline ${i}` }));
    flat = await createSection(strapi, { name: 'Flat' });
    deepTop = await createSection(strapi, { name: 'Deep top' });
    const deepMiddle = await createSection(strapi, {
      name: 'Deep middle',
      parent: deepTop.documentId,
    });
    deep = await createSection(strapi, { name: 'Deep bottom', parent: deepMiddle.documentId });
    // The Public role's permissions are read once, by the first anonymous request: not counted.
    expect((await app.request().get('/api/sections')).status).toBe(200);
  });
  afterAll(stopStrapi);

  it('are as many for the article page with 1 or 5 authors, in a section 1 or 3 levels deep', async () => {
    const pages = [
      await articleIn(flat, 1, 'One author flat'),
      await articleIn(flat, 5, 'Five authors flat'),
      await articleIn(deep, 1, 'One author deep'),
      await articleIn(deep, 5, 'Five authors deep'),
    ];
    const counts: number[] = [];
    for (const page of pages) {
      const { count, body } = await queriesOf(`/api/articles/slug/${String(page.slug)}`);
      expect(body.data).toMatchObject({ documentId: page.documentId });
      counts.push(count);
    }
    const deepFive = await queriesOf(`/api/articles/slug/${String(pages[3].slug)}`);
    expect(deepFive.body.data).toMatchObject({
      authors: authors.map((author) => expect.objectContaining({ name: author.name })),
      breadcrumb: [
        { name: 'Deep top', slug: 'deep-top', documentId: deepTop.documentId },
        { name: 'Deep middle', slug: 'deep-middle', documentId: expect.any(String) },
        { name: 'Deep bottom', slug: 'deep-bottom', documentId: deep.documentId },
      ],
    });
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts).toEqual(counts.map(() => counts[0]));
  });

  it('find the article page by an index on its slug, not by reading every article', async () => {
    const knex = app.strapi.db.connection;
    const names =
      app.strapi.config.get('database.connection.client') === 'postgres'
        ? (
            (await knex('pg_indexes')
              .select('indexname')
              .where({ tablename: 'articles' })) as Array<{
              indexname: string;
            }>
          ).map((row) => row.indexname)
        : ((await knex.raw('PRAGMA index_list(articles)')) as Array<{ name: string }>).map(
            (row) => row.name,
          );
    expect(names).toContain('articles_slug_idx');
  });

  describe('of an article list with authors and section populated', () => {
    let few: Doc;
    let many: Doc;

    beforeAll(async () => {
      few = await createSection(app.strapi, { name: 'Few', parent: deepTop.documentId });
      many = await createSection(app.strapi, { name: 'Many' });
      for (let i = 0; i < 2; i += 1) await articleIn(few, 1 + (i % 3), `Few ${i}`);
      for (let i = 0; i < 20; i += 1) await articleIn(many, 1 + (i % 5), `Many ${i}`);
    });

    it.each([
      ['populate[section]=true&populate[authors]=true'],
      ['populate[0]=section&populate[1]=authors'],
      ['populate=*'],
    ])('are as many for 2 articles as for 20 (%s)', async (populate) => {
      const list = (section: Doc) =>
        queriesOf(
          `/api/articles?filters[section][slug][$eq]=${String(section.slug)}&pagination[pageSize]=50&${populate}`,
        );
      const two = await list(few);
      const twenty = await list(many);
      expect(two.body.data).toHaveLength(2);
      expect(twenty.body.data).toHaveLength(20);
      expect(twenty.body.data).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            section: expect.objectContaining({ slug: 'many' }),
            authors: authors.map((author) => expect.objectContaining({ name: author.name })),
          }),
        ]),
      );
      expect(two.count).toBeGreaterThan(0);
      expect(twenty.count).toBe(two.count);
    });
  });

  it('are as many for most-read of a section 1 or 3 levels deep', async () => {
    const flatStory = await articleIn(flat, 2, 'Read flat');
    const deepStory = await articleIn(deep, 3, 'Read deep');
    await postView(app, flatStory.documentId, 'reader-1');
    await postView(app, deepStory.documentId, 'reader-2');
    await viewCounter(app).flush();

    const ofFlat = await queriesOf(
      `/api/articles/most-read?period=all&section=${String(flat.slug)}`,
    );
    const ofDeep = await queriesOf(
      `/api/articles/most-read?period=all&section=${String(deepTop.slug)}`,
    );
    expect(ofFlat.body.data).toEqual([expect.objectContaining({ title: 'Read flat' })]);
    expect(ofDeep.body.data).toEqual([expect.objectContaining({ title: 'Read deep' })]);
    expect(ofFlat.count).toBeGreaterThan(0);
    expect(ofDeep.count).toBe(ofFlat.count);
  });
});

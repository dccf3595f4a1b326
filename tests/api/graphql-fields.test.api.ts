/**
 * GraphQL's Article carries what REST's does beside its attributes: `views` (the counter's total,
 * the same number REST answers), `readingTimeMinutes` and `breadcrumb` (top section first), each
 * loaded in batches: one query to the views store per request whatever the number of articles,
 * and one breadcrumb query per distinct section, not per article.
 */

import { VIEWS_TABLE } from '../../src/views';
import { bodyOfWords, createArticle, createSection, type Doc } from '../helpers/fixtures';
import { errorsOf, gql } from '../helpers/graphql';
import { describeWithDatabase } from '../helpers/services';
import { sqlDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { apiViews, postView } from '../helpers/views';

const LIST =
  '{ articles(sort: "title") { title views readingTimeMinutes breadcrumb { name slug documentId } } }';

describeWithDatabase('GraphQL article fields (views, readingTimeMinutes, breadcrumb)', () => {
  let app: TestApp;
  let world: Doc;
  let europe: Doc;
  let articles: Doc[];

  beforeAll(async () => {
    app = await bootStrapi();
    world = await createSection(app.strapi, { name: 'World' });
    europe = await createSection(app.strapi, { name: 'Europe', parent: world.documentId });
    articles = [
      await createArticle(app.strapi, {
        title: 'A harbour',
        section: europe.documentId,
        body: bodyOfWords(450),
      }),
      await createArticle(app.strapi, { title: 'B bridge', section: europe.documentId }),
      await createArticle(app.strapi, { title: 'C summit', section: world.documentId }),
    ];
    for (const visitor of [1, 2, 3]) await postView(app, articles[0].documentId, `gql-${visitor}`);
    await postView(app, articles[1].documentId, 'gql-1');
  });
  afterAll(stopStrapi);

  it('answers views, reading time and breadcrumb of every article', async () => {
    const res = await gql(app, LIST);
    expect(res.status).toBe(200);
    expect(errorsOf(res)).toEqual([]);
    const worldCrumb = { name: 'World', slug: 'world', documentId: world.documentId };
    const europeCrumb = { name: 'Europe', slug: 'europe', documentId: europe.documentId };
    expect(res.body.data.articles).toEqual([
      {
        title: 'A harbour',
        views: 3,
        readingTimeMinutes: 3,
        breadcrumb: [worldCrumb, europeCrumb],
      },
      { title: 'B bridge', views: 1, readingTimeMinutes: 1, breadcrumb: [worldCrumb, europeCrumb] },
      { title: 'C summit', views: 0, readingTimeMinutes: 1, breadcrumb: [worldCrumb] },
    ]);
  });

  it('answers the same views as REST', async () => {
    const res = await gql(app, `{ article(documentId: "${articles[0].documentId}") { views } }`);
    expect(res.body.data.article.views).toBe(await apiViews(app, articles[0].documentId));
  });

  it('loads views in one query and breadcrumbs once per section, not per article', async () => {
    const statements = await sqlDuring(app, () => gql(app, LIST), { requestsOnly: true });
    expect(statements.filter((sql) => sql.includes(VIEWS_TABLE))).toHaveLength(1);
    // Three articles in two sections: two walks up the section tree.
    expect(statements.filter((sql) => /with recursive/i.test(sql))).toHaveLength(2);
  });

  it('answers them on articles reached through a relation too', async () => {
    const res = await gql(
      app,
      '{ sections(filters: { name: { eq: "World" } }) { articles { title views breadcrumb { slug } } } }',
    );
    expect(res.body.data.sections[0].articles).toEqual([
      { title: 'C summit', views: 0, breadcrumb: [{ slug: 'world' }] },
    ]);
  });
});

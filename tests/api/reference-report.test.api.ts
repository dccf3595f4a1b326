/**
 * The reference report (the page the product was specified from), seeded at boot: the slug route
 * answers everything the page shows in one call.
 */

import { REFERENCE_SLUG } from '../../src/setup/example-content';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the reference report, seeded at boot', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({ env: { SEED_EXAMPLE_CONTENT: 'true' } });
  });
  afterAll(stopStrapi);

  it('is served whole from one call to the slug route', async () => {
    const res = await app.request().get(`/api/articles/slug/${REFERENCE_SLUG}`);

    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: expect.any(String),
      title: "NATO's Rutte anticipates success of US peace initiative for Ukraine",
      slug: 'natos-rutte-anticipates-success-of-us-peace-initiative-for-ukraine',
      standfirst: 'NATO Optimistic on Ukraine Peace Efforts, Stresses Continued Support',
      readingTimeMinutes: 2,
      views: 35,
      section: { name: 'World', slug: 'world' },
      authors: [{ name: 'Sophia Brooks', slug: 'sophia-brooks' }],
      breadcrumb: [{ name: 'World', slug: 'world', documentId: expect.any(String) }],
      publishedAt: expect.any(String),
      updatedAt: expect.any(String),
      originallyPublishedAt: expect.any(String),
    });
    expect(res.body.data.body).toHaveLength(6);
  });
});

/**
 * GraphQL readers (the Public role, a logged-in API user) never reach a draft, by any argument:
 * `status: DRAFT`, `publicationFilter`, `hasPublishedVersion`, by documentId, in `_connection`
 * queries and their totals, through relations of published parents (inherited from any root
 * query), or by a relation filter that would reveal that one exists; they still read published
 * content. A full-access API token may ask for drafts, as over REST (for previews).
 */

import { createApiToken } from '../helpers/admin';
import { errorsOf, gql, stringsIn } from '../helpers/graphql';
import {
  createPublicContent,
  DRAFT_TITLE,
  publicReaders,
  PUBLISHED_TITLE,
  UNPUBLISHED_EDIT,
} from '../helpers/public-content';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

/** Whether a draft's words appear anywhere in an answer. */
const leaksDraft = (data: unknown) => stringsIn(data).some((text) => text.includes('EMBARGOED'));

describeWithDatabase('GraphQL drafts, for readers', () => {
  let app: TestApp;
  let content: Awaited<ReturnType<typeof createPublicContent>>;
  let readerJwt = '';
  const readers = publicReaders(() => app);

  beforeAll(async () => {
    app = await bootStrapi();
    content = await createPublicContent(app);
    await readers.signUp();
    readerJwt = readers.jwt();
  });
  afterAll(stopStrapi);

  const asReaders = () => [
    { label: 'anonymous (Public role)', token: undefined },
    { label: 'logged-in reader (Authenticated role)', token: readerJwt },
  ];

  const QUERIES: Array<[string, (ids: { draft: string; published: string }) => string]> = [
    ['articles(status: DRAFT)', () => '{ articles(status: DRAFT) { documentId title } }'],
    [
      'articles(publicationFilter: NEVER_PUBLISHED)',
      () => '{ articles(publicationFilter: NEVER_PUBLISHED) { title } }',
    ],
    [
      'articles(status: DRAFT, publicationFilter: MODIFIED)',
      () => '{ articles(status: DRAFT, publicationFilter: MODIFIED) { title } }',
    ],
    [
      'articles(hasPublishedVersion: false)',
      () => '{ articles(status: DRAFT, hasPublishedVersion: false) { title } }',
    ],
    [
      'articles(filters: { publishedAt: { null: true } })',
      () => '{ articles(filters: { publishedAt: { null: true } }) { title } }',
    ],
    [
      'articles_connection(status: DRAFT) with its total',
      () =>
        '{ articles_connection(status: DRAFT) { nodes { title } pageInfo { total pageCount } } }',
    ],
    [
      'article(documentId of a draft, status: DRAFT)',
      ({ draft }) => `{ article(documentId: "${draft}", status: DRAFT) { title } }`,
    ],
    [
      'article(documentId of a published article, status: DRAFT)',
      ({ published }) => `{ article(documentId: "${published}", status: DRAFT) { title } }`,
    ],
    [
      'sections(status: DRAFT) { articles }',
      () => '{ sections(status: DRAFT) { name articles { title } } }',
    ],
    [
      'sections(publicationFilter: NEVER_PUBLISHED) { articles_connection }',
      () =>
        '{ sections(publicationFilter: NEVER_PUBLISHED) { articles_connection { nodes { title } } } }',
    ],
    [
      'authors(status: DRAFT) { articles }',
      () => '{ authors(status: DRAFT) { name articles { title } } }',
    ],
    [
      'articles { section { articles } } (a published parent pointing at drafts)',
      () =>
        '{ articles(status: DRAFT) { section { articles { title } } authors { articles { title } } } }',
    ],
    [
      'authors { articles(filters: { publishedAt: { null: true } }) }',
      () => '{ authors { articles(filters: { publishedAt: { null: true } }) { title } } }',
    ],
    [
      'siteSetting(status: DRAFT) beside articles(status: DRAFT)',
      () => '{ siteSetting(status: DRAFT) { publicationName } articles(status: DRAFT) { title } }',
    ],
  ];

  describe.each(asReaders())('as $label', (reader) => {
    it.each(QUERIES)('%s answers no draft', async (_label, query) => {
      const res = await gql(
        app,
        query({ draft: content.draftOnly.documentId, published: content.published.documentId }),
        { token: reader.token },
      );
      expect(res.status).toBe(200);
      expect(errorsOf(res)).toEqual([]);
      expect(leaksDraft(res.body.data)).toBe(false);
    });

    it('gets null for a draft-only article by documentId', async () => {
      const res = await gql(
        app,
        `{ article(documentId: "${content.draftOnly.documentId}", status: DRAFT) { title } }`,
        { token: reader.token },
      );
      expect(res.body).toEqual({ data: { article: null } });
    });

    it.each([
      [
        'sections',
        '{ sections(filters: { articles: { title: { contains: "EMBARGOED" } } }) { name } }',
      ],
      [
        'authors',
        '{ authors(filters: { articles: { title: { contains: "EMBARGOED" } } }) { name } }',
      ],
      [
        'nested sections.articles',
        '{ sections { articles(filters: { title: { contains: "EMBARGOED" } }) { title } } }',
      ],
      [
        'nested articles.authors filtered by their articles',
        '{ articles { authors(filters: { articles: { title: { contains: "EMBARGOED" } } }) { name } } }',
      ],
    ])('finds nothing by a relation filter only a draft matches (%s)', async (_label, query) => {
      const res = await gql(app, query, { token: reader.token });
      expect(res.status).toBe(200);
      expect(errorsOf(res)).toEqual([]);
      const names = stringsIn(res.body.data);
      expect(names).not.toContain('Lonely');
      expect(names).not.toContain('Ghost Writer');
      expect(names).not.toContain('Ada Byline');
      expect(leaksDraft(res.body.data)).toBe(false);
    });

    it('refuses a nested sort that drafts would decide, naming the parameter', async () => {
      const res = await gql(
        app,
        '{ articles { section { articles(sort: "section.articles.title") { title } } } }',
        { token: reader.token },
      );
      expect(errorsOf(res)[0]).toMatchObject({
        extensions: { error: { name: 'ValidationError', details: { param: 'sort' } } },
      });
      expect(leaksDraft(res.body.data)).toBe(false);
    });

    it('reads the published article, its relations and its published title', async () => {
      const res = await gql(
        app,
        `{ articles { documentId title section { name articles { title } } authors { name } }
           sections(filters: { articles: { title: { eq: "${PUBLISHED_TITLE}" } } }) { name } }`,
        { token: reader.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        data: {
          articles: [
            {
              documentId: content.published.documentId,
              title: PUBLISHED_TITLE,
              section: { name: 'Europe', articles: [{ title: PUBLISHED_TITLE }] },
              authors: [{ name: 'Ada Byline' }],
            },
          ],
          sections: [{ name: 'Europe' }],
        },
      });
    });
  });

  describe('with a full-access API token', () => {
    it('reads drafts when it asks status: DRAFT (previews), published ones otherwise', async () => {
      const token = await createApiToken(app, 'graphql preview', 'full-access');
      const drafts = await gql(app, '{ articles(status: DRAFT, sort: "title") { title } }', {
        token,
      });
      expect(drafts.body).toEqual({
        data: { articles: [{ title: DRAFT_TITLE }, { title: UNPUBLISHED_EDIT }] },
      });
      const published = await gql(app, '{ articles { title } }', { token });
      expect(published.body).toEqual({ data: { articles: [{ title: PUBLISHED_TITLE }] } });
    });
  });
});

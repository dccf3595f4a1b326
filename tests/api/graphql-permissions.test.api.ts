/**
 * Who may do what over GraphQL: readers (Public, logged-in API users) read what READER_ACTIONS
 * grant (articles, sections, authors, site settings) and nothing else (the publishing log, API
 * users); no content type has a mutation, for anyone, a full-access token included; the
 * mutations left (users-permissions' user and role management) are refused to readers with a
 * FORBIDDEN GraphQL error and write nothing; private fields are not in the schema at all; a
 * permission taken from the Public role applies to GraphQL at the next request, as to REST.
 */

import { AUTHOR_UID, UP_ROLE_UID } from '../../src/constants';
import { createApiToken } from '../helpers/admin';
import { errorsOf, gql } from '../helpers/graphql';
import { createPublicContent, publicReaders, PUBLISHED_TITLE } from '../helpers/public-content';
import { grantPublic, revokePublic } from '../helpers/public-role';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const FORBIDDEN = {
  message: 'Forbidden access',
  extensions: { code: 'FORBIDDEN', error: { name: 'ForbiddenError', message: 'Forbidden access' } },
};

describeWithDatabase('GraphQL permissions', () => {
  let app: TestApp;
  let readerJwt = '';
  const readers = publicReaders(() => app);

  beforeAll(async () => {
    app = await bootStrapi();
    await createPublicContent(app);
    await readers.signUp();
    readerJwt = readers.jwt();
  });
  afterAll(stopStrapi);

  const asReaders = () => [
    { label: 'anonymous (Public role)', token: undefined },
    { label: 'logged-in reader (Authenticated role)', token: readerJwt },
  ];

  describe.each(asReaders())('as $label', (reader) => {
    it('reads articles, sections, authors and the site settings', async () => {
      const res = await gql(
        app,
        '{ articles { title } sections { name } authors { name } siteSetting { publicationName } }',
        { token: reader.token },
      );
      expect(res.status).toBe(200);
      expect(errorsOf(res)).toEqual([]);
      expect(res.body.data.articles).toEqual([{ title: PUBLISHED_TITLE }]);
      expect(res.body.data.sections.length).toBeGreaterThan(0);
      expect(res.body.data.authors.length).toBeGreaterThan(0);
    });

    it.each([
      ['the publishing log', '{ publicationLogs { action } }', 'publicationLogs'],
      ['API users', '{ usersPermissionsUsers { username } }', 'usersPermissionsUsers'],
      ['roles', '{ usersPermissionsRoles { name } }', 'usersPermissionsRoles'],
    ])('is refused %s (FORBIDDEN)', async (_label, query, field) => {
      const res = await gql(app, query, { token: reader.token });
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(errorsOf(res)).toHaveLength(1);
      expect(errorsOf(res)[0]).toMatchObject({ ...FORBIDDEN, path: [field] });
    });

    it('is refused a mutation, which writes nothing', async () => {
      const rolesBefore = await app.strapi.db.query(UP_ROLE_UID).count();
      const res = await gql(
        app,
        'mutation { createUsersPermissionsRole(data: { name: "Intruders" }) { ok } }',
        { token: reader.token },
      );
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ createUsersPermissionsRole: null });
      expect(errorsOf(res)).toHaveLength(1);
      expect(errorsOf(res)[0]).toMatchObject({
        ...FORBIDDEN,
        path: ['createUsersPermissionsRole'],
      });
      expect(await app.strapi.db.query(UP_ROLE_UID).count()).toBe(rolesBefore);
    });

    it("is refused the upload plugin's own mutations (guarded as over REST)", async () => {
      const res = await gql(app, 'mutation { deleteUploadFile(id: 1) { name } }', {
        token: reader.token,
      });
      expect(errorsOf(res)[0]).toMatchObject({ ...FORBIDDEN, path: ['deleteUploadFile'] });
    });
  });

  describe('mutations of content types', () => {
    it.each([
      ['createArticle', 'mutation { createArticle(data: { title: "Forged" }) { documentId } }'],
      [
        'updateArticle',
        'mutation { updateArticle(documentId: "x", data: { title: "F" }) { title } }',
      ],
      ['deleteArticle', 'mutation { deleteArticle(documentId: "x") { documentId } }'],
      ['createSection', 'mutation { createSection(data: { name: "Forged" }) { name } }'],
      [
        'updateSiteSetting',
        'mutation { updateSiteSetting(data: { publicationName: "F" }) { publicationName } }',
      ],
    ])('%s does not exist, even for a full-access API token', async (name, mutation) => {
      const token = await createApiToken(app, `graphql ${name}`, 'full-access');
      for (const caller of [undefined, token]) {
        const res = await gql(app, mutation, { token: caller });
        expect(res.status).toBe(400);
        expect(errorsOf(res)[0]).toMatchObject({
          message: expect.stringContaining(`Cannot query field "${name}" on type "Mutation"`),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        });
      }
    });
  });

  describe('private fields', () => {
    it.each([
      ['Author.email', '{ authors { email } }'],
      ['Article.scheduledAt', '{ articles { scheduledAt } }'],
      ['Article.readyForReview', '{ articles { readyForReview } }'],
      ['a filter on Author.email', '{ authors(filters: { email: { contains: "@" } }) { name } }'],
      [
        'a filter on Article.scheduledAt',
        '{ articles(filters: { scheduledAt: { notNull: true } }) { title } }',
      ],
      [
        'UploadFile.related (a morph to drafts)',
        '{ articles { cover { related { __typename } } } }',
      ],
    ])('%s is not in the schema (400)', async (_label, query) => {
      const res = await gql(app, query);
      expect(res.status).toBe(400);
      expect(errorsOf(res)[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(res.body.data).toBeUndefined();
    });
  });

  describe("the Public role's permissions (READER_ACTIONS)", () => {
    it('drive GraphQL as REST: one taken away is refused at the next request, given back allowed', async () => {
      const action = `${AUTHOR_UID}.find`;
      expect(errorsOf(await gql(app, '{ authors { name } }'))).toEqual([]);
      await revokePublic(app, action);
      try {
        const refused = await gql(app, '{ authors { name } }');
        expect(errorsOf(refused)[0]).toMatchObject({ ...FORBIDDEN, path: ['authors'] });
        expect((await app.request().get('/api/authors')).status).toBe(403);
        expect(errorsOf(await gql(app, '{ sections { name } }'))).toEqual([]);
      } finally {
        await grantPublic(app, action);
      }
      expect(errorsOf(await gql(app, '{ authors { name } }'))).toEqual([]);
    });
  });
});

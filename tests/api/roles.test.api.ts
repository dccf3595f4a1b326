/**
 * The newsroom's admin roles, as real admin users made here see them through the admin API:
 * an Author drafts and edits their own never-published drafts, an Editor publishes, unpublishes
 * and schedules; the roles are set idempotently at boot; every publish and unpublish is written
 * to a read-only publishing log; renamed slugs redirect; drafts are previewed only with the
 * preview secret or an API token.
 */

import path from 'node:path';

import { adminLogin, contentManager } from '../helpers/admin';
import {
  articleRows,
  bodyOfWords,
  createArticle,
  createAuthor,
  createSection,
  type Doc,
} from '../helpers/fixtures';
import { APP_ROOT, bootStrapi, stopStrapi, TEST_SECRETS, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const LOG = 'api::publication-log.publication-log';
const PASSWORD = 'R0lesTestPass';

type Row = Record<string, unknown>;
type CM = ReturnType<typeof contentManager>;

interface AdminUser {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
}

interface StoredPermission {
  id: number;
  action: string;
  subject: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
}

interface RoleService {
  findOne(params: { code: string }): Promise<{ id: number } | null>;
  assignPermissions(
    roleId: number,
    permissions: Array<Partial<StoredPermission>>,
  ): Promise<unknown>;
}
interface PermissionService {
  findMany(params: { where: { role: { id: number } } }): Promise<StoredPermission[]>;
}

const connect = (...documentIds: string[]) => ({
  connect: documentIds.map((documentId) => ({ documentId })),
});

/** A role's permissions without ids and timestamps, in a stable order. */
const comparable = (permissions: StoredPermission[]) =>
  permissions
    .map(({ action, subject, properties, conditions }) => ({
      action,
      subject: subject ?? null,
      properties: properties ?? {},
      conditions: [...(conditions ?? [])].sort(),
    }))
    .sort((a, b) =>
      `${a.action} ${a.subject ?? ''}`.localeCompare(`${b.action} ${b.subject ?? ''}`),
    );

describe('newsroom admin roles', () => {
  let app: TestApp;
  let superCm: CM;
  let authorCm: CM;
  let otherAuthorCm: CM;
  let editorCm: CM;
  let author: AdminUser;
  let editor: AdminUser;
  let section: Doc;
  let byline: Doc;
  let authorRoleId: number;
  let editorRoleId: number;

  const roles = () => app.strapi.service('admin::role') as unknown as RoleService;
  const permissionsOf = (roleId: number) =>
    (app.strapi.service('admin::permission') as unknown as PermissionService).findMany({
      where: { role: { id: roleId } },
    });

  const makeAdmin = async (roleId: number, firstname: string, lastname: string) => {
    const email = `${firstname}.${lastname}@newsroom.test`.toLowerCase();
    const users = app.strapi.service('admin::user') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ id: number }>;
    };
    const user = await users.create({
      email,
      firstname,
      lastname,
      password: PASSWORD,
      isActive: true,
      roles: [roleId],
    });
    const token = await adminLogin(app, { email, password: PASSWORD });
    return { user: { id: user.id, email, firstname, lastname }, cm: contentManager(app, token) };
  };

  const draftRow = async (documentId: string): Promise<Row> => {
    const draft = (await articleRows(app.strapi, documentId)).find(
      (row) => row.publishedAt === null,
    );
    if (!draft) throw new Error(`no draft for ${documentId}`);
    return draft;
  };
  const publishedRow = async (documentId: string): Promise<Row | undefined> =>
    (await articleRows(app.strapi, documentId)).find((row) => row.publishedAt !== null);

  const logLines = (documentId: string) =>
    app.strapi.db.query(LOG).findMany({
      where: { articleDocumentId: documentId },
      orderBy: { id: 'asc' },
    }) as Promise<Row[]>;

  const publicPage = (slug: string) => app.request().get(`/api/articles/slug/${slug}`);

  /** A complete draft the Author made through the content manager. */
  const authorDraft = async (title: string): Promise<{ documentId: string; slug: string }> => {
    const res = await authorCm.create(ARTICLE, {
      title,
      body: bodyOfWords(40),
      section: connect(section.documentId),
      authors: connect(byline.documentId),
    });
    if (res.status !== 201)
      throw new Error(`author draft: ${res.status} ${JSON.stringify(res.body)}`);
    return { documentId: res.body.data.documentId, slug: res.body.data.slug };
  };

  beforeAll(async () => {
    app = await bootStrapi();
    superCm = contentManager(app, await adminLogin(app));
    authorRoleId = (await roles().findOne({ code: 'strapi-author' }))!.id;
    editorRoleId = (await roles().findOne({ code: 'strapi-editor' }))!.id;
    ({ user: author, cm: authorCm } = await makeAdmin(authorRoleId, 'Ada', 'Author'));
    ({ cm: otherAuthorCm } = await makeAdmin(authorRoleId, 'Otto', 'Other'));
    ({ user: editor, cm: editorCm } = await makeAdmin(editorRoleId, 'Eve', 'Editor'));
    section = await createSection(app.strapi, { name: 'Roles desk' });
    byline = await createAuthor(app.strapi, {
      name: 'Roles Reporter',
      email: 'byline@newsroom.test',
    });
  });
  afterAll(stopStrapi);

  describe('an Author', () => {
    it('creates a draft (201), which is stored as theirs and not published', async () => {
      const res = await authorCm.create(ARTICLE, {
        title: 'An author draft',
        body: bodyOfWords(20),
        section: connect(section.documentId),
      });

      expect(res.status).toBe(201);
      const row = await draftRow(res.body.data.documentId);
      expect(row.title).toBe('An author draft');
      expect(await publishedRow(res.body.data.documentId)).toBeUndefined();
      const withCreator = await app.strapi.db.query(ARTICLE).findOne({
        where: { id: row.id },
        populate: { createdBy: { select: ['id'] } },
      });
      expect(withCreator.createdBy?.id).toBe(author.id);
    });

    it('cannot publish (403) — an Editor can (200), and then the public reads it', async () => {
      const { documentId, slug } = await authorDraft('Author cannot publish this');

      const refused = await authorCm.publish(ARTICLE, documentId);
      expect(refused.status).toBe(403);
      expect(await publishedRow(documentId)).toBeUndefined();
      expect((await publicPage(slug)).status).toBe(404);

      const published = await editorCm.publish(ARTICLE, documentId);
      expect(published.status).toBe(200);
      expect(await publishedRow(documentId)).toBeDefined();
      const page = await publicPage(slug);
      expect(page.status).toBe(200);
      expect(page.body.data.title).toBe('Author cannot publish this');
    });

    it('cannot unpublish (403) — an Editor can (200), and the public then gets 404', async () => {
      const { documentId, slug } = await authorDraft('Author cannot unpublish this');
      expect((await editorCm.publish(ARTICLE, documentId)).status).toBe(200);

      expect((await authorCm.unpublish(ARTICLE, documentId)).status).toBe(403);
      expect((await publicPage(slug)).status).toBe(200);

      expect((await editorCm.unpublish(ARTICLE, documentId)).status).toBe(200);
      expect(await publishedRow(documentId)).toBeUndefined();
      expect((await publicPage(slug)).status).toBe(404);
    });

    it('edits their own never-published draft (200)', async () => {
      const { documentId } = await authorDraft('Own draft, first title');

      const res = await authorCm.update(ARTICLE, documentId, { title: 'Own draft, second title' });

      expect(res.status).toBe(200);
      expect((await draftRow(documentId)).title).toBe('Own draft, second title');
    });

    it("cannot edit another author's draft (403), which stays unchanged", async () => {
      const { documentId } = await authorDraft('Ada owns this one');

      const res = await otherAuthorCm.update(ARTICLE, documentId, { title: 'Otto was here' });

      expect(res.status).toBe(403);
      expect((await draftRow(documentId)).title).toBe('Ada owns this one');
      // ...while its creator still can.
      expect((await authorCm.update(ARTICLE, documentId, { title: 'Ada again' })).status).toBe(200);
    });

    it('cannot edit their own article once it was published, even after an unpublish (403)', async () => {
      const { documentId } = await authorDraft('Published, then locked');
      expect((await authorCm.update(ARTICLE, documentId, { standfirst: 'before' })).status).toBe(
        200,
      );
      expect((await editorCm.publish(ARTICLE, documentId)).status).toBe(200);

      const whilePublished = await authorCm.update(ARTICLE, documentId, { title: 'Sneaky edit' });
      expect(whilePublished.status).toBe(403);

      expect((await editorCm.unpublish(ARTICLE, documentId)).status).toBe(200);
      const afterUnpublish = await authorCm.update(ARTICLE, documentId, { title: 'Sneaky edit' });
      expect(afterUnpublish.status).toBe(403);
      expect((await draftRow(documentId)).title).toBe('Published, then locked');

      // The Editor may still edit it.
      expect(
        (await editorCm.update(ARTICLE, documentId, { title: 'Edited by editor' })).status,
      ).toBe(200);
    });

    it('cannot set scheduledAt on their own draft (403 saying Editors), and the draft is unchanged', async () => {
      const { documentId } = await authorDraft('Author wants a schedule');
      const before = await draftRow(documentId);

      const res = await authorCm.update(ARTICLE, documentId, {
        title: 'Author wants a schedule, retitled',
        scheduledAt: '2099-01-01T09:00:00.000Z',
      });

      expect(res.status).toBe(403);
      // PolicyError: Strapi's ForbiddenError whose message reaches the admin.
      expect(res.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
      const after = await draftRow(documentId);
      expect(after.scheduledAt).toBeNull();
      expect(after.title).toBe('Author wants a schedule');
      expect(after.updatedAt).toEqual(before.updatedAt);
      // The admin shows this message: the Author learns why, and whom to ask.
      expect(res.body.error.message).toMatch(/Editors/);
    });

    it('cannot create a draft with a scheduledAt either (403)', async () => {
      const res = await authorCm.create(ARTICLE, {
        title: 'Born scheduled',
        scheduledAt: '2099-01-01T09:00:00.000Z',
      });

      expect(res.status).toBe(403);
      expect(await app.strapi.db.query(ARTICLE).count({ where: { title: 'Born scheduled' } })).toBe(
        0,
      );
      expect(res.body.error.message).toMatch(/Editors/);
    });

    it('may save a form that sends back the unchanged scheduledAt of an unscheduled draft (200)', async () => {
      const { documentId } = await authorDraft('Form sends null schedule');

      const res = await authorCm.update(ARTICLE, documentId, {
        title: 'Form sends null schedule, saved',
        scheduledAt: null,
      });

      expect(res.status).toBe(200);
      expect((await draftRow(documentId)).title).toBe('Form sends null schedule, saved');
    });

    it('deletes their own never-published draft (200) but not a published article (403)', async () => {
      const { documentId: own } = await authorDraft('Delete me');
      expect((await authorCm.remove(ARTICLE, own)).status).toBe(200);
      expect(await articleRows(app.strapi, own)).toHaveLength(0);

      const { documentId: published } = await authorDraft('Do not delete me');
      expect((await editorCm.publish(ARTICLE, published)).status).toBe(200);
      expect((await authorCm.remove(ARTICLE, published)).status).toBe(403);
      expect(await publishedRow(published)).toBeDefined();

      const someoneElses = await createArticle(app.strapi, { title: 'Not an author article' });
      expect((await authorCm.remove(ARTICLE, someoneElses.documentId)).status).toBe(403);
      expect(await publishedRow(someoneElses.documentId)).toBeDefined();
    });

    it('reads all articles, sections and authors, but cannot create a section (403)', async () => {
      const someoneElses = await createArticle(app.strapi, { title: 'Read by an author' });
      expect((await authorCm.findOne(ARTICLE, someoneElses.documentId)).status).toBe(200);
      expect((await authorCm.findMany('api::section.section')).status).toBe(200);
      expect((await authorCm.findMany('api::author.author')).status).toBe(200);

      expect(
        (await authorCm.create('api::section.section', { name: 'Author section' })).status,
      ).toBe(403);
      expect(
        (await editorCm.create('api::section.section', { name: 'Editor section' })).status,
      ).toBe(201);
    });
  });

  describe('an Editor', () => {
    it('schedules a draft (200), and scheduledAt is stored', async () => {
      const { documentId } = await authorDraft('Editor schedules this');

      const res = await editorCm.update(ARTICLE, documentId, {
        scheduledAt: '2099-03-01T08:00:00.000Z',
      });

      expect(res.status).toBe(200);
      expect(new Date((await draftRow(documentId)).scheduledAt as string).toISOString()).toBe(
        '2099-03-01T08:00:00.000Z',
      );
      expect(await publishedRow(documentId)).toBeUndefined();
      // Scheduled, it is no longer the Author's to edit.
      expect((await authorCm.update(ARTICLE, documentId, { title: 'Author edit' })).status).toBe(
        403,
      );
    });

    it('republishing keeps originallyPublishedAt', async () => {
      const { documentId } = await authorDraft('First published once');
      expect((await editorCm.publish(ARTICLE, documentId)).status).toBe(200);
      const first = (await publishedRow(documentId))!.originallyPublishedAt;
      expect(first).toBeTruthy();

      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(
        (await editorCm.update(ARTICLE, documentId, { title: 'First published once, revised' }))
          .status,
      ).toBe(200);
      expect((await editorCm.publish(ARTICLE, documentId)).status).toBe(200);

      const republished = (await publishedRow(documentId))!;
      expect(republished.title).toBe('First published once, revised');
      expect(republished.originallyPublishedAt).toEqual(first);
      expect((await draftRow(documentId)).originallyPublishedAt).toEqual(first);
    });

    it("renaming a published article's slug and republishing redirects the old slug (301)", async () => {
      const { documentId, slug: oldSlug } = await authorDraft('Slug before rename');
      expect((await editorCm.publish(ARTICLE, documentId)).status).toBe(200);

      expect(
        (await editorCm.update(ARTICLE, documentId, { slug: 'slug-after-rename' })).status,
      ).toBe(200);
      // Until republished, the live page keeps its slug.
      expect((await publicPage(oldSlug)).status).toBe(200);
      expect((await editorCm.publish(ARTICLE, documentId)).status).toBe(200);

      const old = await publicPage(oldSlug);
      expect(old.status).toBe(301);
      expect(old.headers.location).toBe('/api/articles/slug/slug-after-rename');
      const current = await publicPage('slug-after-rename');
      expect(current.status).toBe(200);
      expect(current.body.data.documentId).toBe(documentId);
    });
  });

  describe('the publishing log', () => {
    it("records each publish and unpublish with the acting admin's label and id", async () => {
      const { documentId } = await authorDraft('Logged article');

      expect((await editorCm.publish(ARTICLE, documentId)).status).toBe(200);
      expect((await editorCm.unpublish(ARTICLE, documentId)).status).toBe(200);

      const lines = await logLines(documentId);
      expect(lines.map((line) => line.action)).toEqual(['publish', 'unpublish']);
      for (const line of lines) {
        expect(line).toMatchObject({
          articleDocumentId: documentId,
          articleTitle: 'Logged article',
          actor: `${editor.firstname} ${editor.lastname} <${editor.email}>`,
          actorId: editor.id,
        });
        expect(line.at).toBeTruthy();
      }
    });

    it('writes no line for a refused publish', async () => {
      const { documentId } = await authorDraft('Refused publish, no log');
      expect((await authorCm.publish(ARTICLE, documentId)).status).toBe(403);
      expect(await logLines(documentId)).toHaveLength(0);
    });

    it('an Editor reads it in the content manager (200); an Author may not (403)', async () => {
      const { documentId } = await authorDraft('Log read by editor');
      expect((await editorCm.publish(ARTICLE, documentId)).status).toBe(200);

      const res = await editorCm.findMany(LOG, '?page=1&pageSize=100&sort=id:DESC');
      expect(res.status).toBe(200);
      const results = res.body.results as Row[];
      expect(results.some((line) => line.articleDocumentId === documentId)).toBe(true);

      expect((await authorCm.findMany(LOG)).status).toBe(403);
    });

    it('cannot be written through the content manager, not even by the Super Admin (403)', async () => {
      const { documentId } = await authorDraft('Log is read-only');
      expect((await editorCm.publish(ARTICLE, documentId)).status).toBe(200);
      const [line] = await logLines(documentId);
      const count = await app.strapi.db.query(LOG).count();

      const created = await superCm.create(LOG, {
        action: 'publish',
        articleDocumentId: documentId,
        actor: 'Forger',
        at: new Date().toISOString(),
      });
      expect(created.status).toBe(403);

      const updated = await superCm.update(LOG, line.documentId as string, { actor: 'Forger' });
      expect(updated.status).toBe(403);

      const deleted = await superCm.remove(LOG, line.documentId as string);
      expect(deleted.status).toBe(403);

      const bulkDeleted = await superCm.bulkDelete(LOG, [line.documentId as string]);
      expect(bulkDeleted.status).toBe(403);

      expect(await app.strapi.db.query(LOG).count()).toBe(count);
      expect((await logLines(documentId))[0]).toEqual(line);
      // The Editor, who only reads it, is refused too.
      expect((await editorCm.remove(LOG, line.documentId as string)).status).toBe(403);
    });

    it('cannot be written through the Document Service either', async () => {
      await expect(
        app.strapi.documents(LOG).create({
          data: { action: 'publish', articleDocumentId: 'x', actor: 'Forger', at: new Date() },
        }),
      ).rejects.toMatchObject({ name: 'PolicyError' });
    });
  });

  describe('preview', () => {
    let draft: { documentId: string; slug: string };

    beforeAll(async () => {
      draft = await authorDraft('Preview me, published title');
      expect((await editorCm.publish(ARTICLE, draft.documentId)).status).toBe(200);
      expect(
        (await editorCm.update(ARTICLE, draft.documentId, { title: 'Preview me, draft title' }))
          .status,
      ).toBe(200);
    });

    const preview = (documentId: string) =>
      app.request().get(`/api/articles/${documentId}/preview`);

    it('is 401 without the secret or a token, and with a wrong secret', async () => {
      expect((await preview(draft.documentId)).status).toBe(401);
      expect(
        (await app.request().get(`/api/articles/${draft.documentId}/preview?secret=wrong`)).status,
      ).toBe(401);
      expect((await preview(draft.documentId).set('X-Preview-Secret', 'wrong-secret')).status).toBe(
        401,
      );
    });

    it("answers the draft's page with the secret (query or header), without authors' emails", async () => {
      const viaQuery = await app
        .request()
        .get(
          `/api/articles/${draft.documentId}/preview?secret=${encodeURIComponent(TEST_SECRETS.PREVIEW_SECRET)}`,
        );
      expect(viaQuery.status).toBe(200);
      expect(viaQuery.body.data.title).toBe('Preview me, draft title');
      expect(viaQuery.body.data.authors).toHaveLength(1);
      expect(viaQuery.body.data.authors[0].name).toBe('Roles Reporter');
      expect(JSON.stringify(viaQuery.body)).not.toContain('byline@newsroom.test');

      const viaHeader = await preview(draft.documentId).set(
        'X-Preview-Secret',
        TEST_SECRETS.PREVIEW_SECRET,
      );
      expect(viaHeader.status).toBe(200);
      expect(viaHeader.body.data.title).toBe('Preview me, draft title');
    });

    it('answers with a read-only API token (200)', async () => {
      const tokens = app.strapi.service('admin::api-token-content-api') as unknown as {
        create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
      };
      const { accessKey } = await tokens.create({
        name: 'Preview reader',
        type: 'read-only',
        lifespan: null,
      });

      const res = await preview(draft.documentId).set('Authorization', `Bearer ${accessKey}`);
      expect(res.status).toBe(200);
      expect(res.body.data.title).toBe('Preview me, draft title');
      expect(
        (await preview(draft.documentId).set('Authorization', 'Bearer not-a-token')).status,
      ).toBe(401);
    });

    it('the public never gets the draft', async () => {
      const neverPublished = await authorDraft('Never published, previewable');
      for (const query of ['', '?status=draft']) {
        expect(
          (await app.request().get(`/api/articles/${neverPublished.documentId}${query}`)).status,
        ).toBe(404);
      }
      const live = await app.request().get(`/api/articles/${draft.documentId}?status=draft`);
      expect(live.status).toBe(200);
      expect(live.body.data.title).toBe('Preview me, published title');
    });
  });

  describe('the roles are set idempotently at boot', () => {
    const setNewsroomRoles = () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app's own compiled module
      const setup = require(
        path.join(APP_ROOT, 'dist', 'src', 'setup', 'admin-roles'),
      ) as typeof import('../../src/setup/admin-roles');
      return setup.setNewsroomRoles(app.strapi);
    };

    it('a second run leaves both roles’ permissions as they were', async () => {
      const before = {
        author: await permissionsOf(authorRoleId),
        editor: await permissionsOf(editorRoleId),
      };
      expect(before.author.length).toBeGreaterThan(0);
      expect(before.editor.length).toBeGreaterThan(before.author.length);

      await setNewsroomRoles();

      const after = {
        author: await permissionsOf(authorRoleId),
        editor: await permissionsOf(editorRoleId),
      };
      expect(comparable(after.author)).toEqual(comparable(before.author));
      expect(comparable(after.editor)).toEqual(comparable(before.editor));
      // Nothing was deleted and re-added either.
      const ids = (permissions: StoredPermission[]) => permissions.map((p) => p.id).sort();
      expect(ids(after.author)).toEqual(ids(before.author));
      expect(ids(after.editor)).toEqual(ids(before.editor));
    });

    it('keeps the permissions the roles grant: the Author condition, the Editor publish', async () => {
      const author = comparable(await permissionsOf(authorRoleId));
      const editorPermissions = comparable(await permissionsOf(editorRoleId));
      const find = (list: ReturnType<typeof comparable>, action: string) =>
        list.find(
          (p) => p.action === `plugin::content-manager.explorer.${action}` && p.subject === ARTICLE,
        );

      expect(find(author, 'update')?.conditions).toEqual(['api::own-unpublished-draft']);
      expect(find(author, 'delete')?.conditions).toEqual(['api::own-unpublished-draft']);
      expect(find(author, 'publish')).toBeUndefined();
      expect(find(editorPermissions, 'publish')).toBeDefined();
      expect(
        editorPermissions.some(
          (p) => p.action === 'plugin::content-manager.explorer.read' && p.subject === LOG,
        ),
      ).toBe(true);
      expect(
        editorPermissions.some(
          (p) => p.subject === LOG && p.action !== 'plugin::content-manager.explorer.read',
        ),
      ).toBe(false);
    });

    it('keeps a permission an administrator granted on another content type', async () => {
      const USERS = 'plugin::users-permissions.user';
      const granted = {
        action: 'plugin::content-manager.explorer.read',
        subject: USERS,
        properties: { fields: ['username', 'email'] },
        conditions: [],
      };
      const existing = (await permissionsOf(editorRoleId)).map(
        ({ action, subject, properties, conditions }) => ({
          action,
          subject,
          properties,
          conditions,
        }),
      );
      await roles().assignPermissions(editorRoleId, [...existing, granted]);
      const before = comparable(await permissionsOf(editorRoleId));
      expect(before).toContainEqual(granted);
      // The Editor can use it.
      expect((await editorCm.findMany(USERS)).status).toBe(200);

      await setNewsroomRoles();

      const after = comparable(await permissionsOf(editorRoleId));
      expect(after).toEqual(before);
      expect((await editorCm.findMany(USERS)).status).toBe(200);
      // The Author, who was not granted it, still may not.
      expect((await authorCm.findMany(USERS)).status).toBe(403);
    });
  });
});

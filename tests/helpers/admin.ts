import supertest from 'supertest';

import { ARTICLE_UID } from '../../src/constants';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../../src/publishing/actor';
import { bodyOfWords, connect, createAuthor, createSection, type Doc } from './fixtures';
import { TEST_ADMIN, type TestApp } from './strapi';

const CM = '/content-manager/collection-types';
const PASSWORD = 'R0lesTestPass';

/** Logs in to the admin API (as the first Super Admin unless told) and answers its bearer token. */
export const adminLogin = async (
  app: TestApp,
  credentials: { email: string; password: string } = TEST_ADMIN,
): Promise<string> => {
  const res = await app.request().post('/admin/login').send(credentials);
  if (res.status !== 200)
    throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};

/** The content manager's routes, as the admin panel calls them, for one admin user. */
export const contentManager = (app: TestApp, token: string) => {
  const call = (test: supertest.Test) => test.set('Authorization', `Bearer ${token}`);
  const agent = () => app.request();
  return {
    create: (uid: string, data: Record<string, unknown>) =>
      call(agent().post(`${CM}/${uid}`).send(data)),
    /** Creates and publishes in one request, as the admin's "Publish" on a new entry does. */
    createPublished: (uid: string, data: Record<string, unknown>) =>
      call(agent().post(`${CM}/${uid}/actions/publish`).send(data)),
    update: (uid: string, documentId: string, data: Record<string, unknown>) =>
      call(agent().put(`${CM}/${uid}/${documentId}`).send(data)),
    findOne: (uid: string, documentId: string, query = '') =>
      call(agent().get(`${CM}/${uid}/${documentId}${query}`)),
    findMany: (uid: string, query = '') => call(agent().get(`${CM}/${uid}${query}`)),
    publish: (uid: string, documentId: string, data: Record<string, unknown> = {}) =>
      call(agent().post(`${CM}/${uid}/${documentId}/actions/publish`).send(data)),
    unpublish: (uid: string, documentId: string) =>
      call(agent().post(`${CM}/${uid}/${documentId}/actions/unpublish`).send({})),
    bulkPublish: (uid: string, documentIds: string[]) =>
      call(agent().post(`${CM}/${uid}/actions/bulkPublish`).send({ documentIds })),
    remove: (uid: string, documentId: string) => call(agent().delete(`${CM}/${uid}/${documentId}`)),
    bulkDelete: (uid: string, documentIds: string[]) =>
      call(agent().post(`${CM}/${uid}/actions/bulkDelete`).send({ documentIds })),
    /** The URL the edit view's Preview opens (`{ data: { url } }`). */
    previewUrl: (uid: string, documentId: string, status = 'draft') =>
      call(agent().get(`/content-manager/preview/url/${uid}`).query({ documentId, status })),
    generateUid: (uid: string, field: string, data: Record<string, unknown>) =>
      call(
        agent().post('/content-manager/uid/generate').send({ contentTypeUID: uid, field, data }),
      ),
  };
};

export type ContentManager = ReturnType<typeof contentManager>;

export interface AdminUser {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
}

export interface StoredPermission {
  id: number;
  action: string;
  subject: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
}

interface RoleService {
  findOne(params: { code: string }): Promise<{ id: number } | null>;
  create(attributes: { name: string; description: string }): Promise<{ id: number }>;
  assignPermissions(
    roleId: number,
    permissions: Array<Partial<StoredPermission>>,
  ): Promise<unknown>;
}

export const roleService = (app: TestApp) =>
  app.strapi.service('admin::role') as unknown as RoleService;

/** The id of the admin role with `code` (`strapi-author`, `strapi-editor`, ...). */
export const roleId = async (app: TestApp, code: string): Promise<number> => {
  const role = await roleService(app).findOne({ code });
  if (!role) throw new Error(`no admin role ${code}`);
  return role.id;
};

/** A role's stored permissions. */
export const permissionsOf = (app: TestApp, id: number) =>
  (
    app.strapi.service('admin::permission') as unknown as {
      findMany(params: { where: { role: { id: number } } }): Promise<StoredPermission[]>;
    }
  ).findMany({ where: { role: { id } } });

/** A new role that may do exactly `permissions`. */
export const createRole = async (
  app: TestApp,
  name: string,
  permissions: Array<{ action: string; subject: string }>,
): Promise<number> => {
  const role = await roleService(app).create({ name, description: `${name} (test)` });
  if (permissions.length > 0) await roleService(app).assignPermissions(role.id, permissions);
  return role.id;
};

/** A new, active admin user with the role `role`, logged in: the user and its content manager. */
export const createAdminUser = async (
  app: TestApp,
  role: number,
  firstname: string,
  lastname = 'Tester',
): Promise<{ user: AdminUser; token: string; cm: ContentManager }> => {
  const email = `${firstname}.${lastname}@newsroom.test`
    .toLowerCase()
    .replace(/[^a-z0-9.@]+/g, '.');
  const users = app.strapi.service('admin::user') as unknown as {
    create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  };
  const user = await users.create({
    email,
    firstname,
    lastname,
    password: PASSWORD,
    isActive: true,
    roles: [role],
  });
  const token = await adminLogin(app, { email, password: PASSWORD });
  return {
    user: { id: user.id, email, firstname, lastname },
    token,
    cm: contentManager(app, token),
  };
};

/**
 * The newsroom's people, as real admin users logged in: the Super Admin, two Authors (Ada, and
 * Otto who does not own Ada's drafts) and an Editor (Eve); a section and a byline to write under;
 * and `authorDraft(title)`, a complete draft Ada made.
 */
export const createNewsroomStaff = async (app: TestApp) => {
  const authorRole = await roleId(app, AUTHOR_ROLE);
  const editorRole = await roleId(app, EDITOR_ROLE);
  const staff = {
    superCm: contentManager(app, await adminLogin(app)),
    author: await createAdminUser(app, authorRole, 'Ada', 'Author'),
    otherAuthor: await createAdminUser(app, authorRole, 'Otto', 'Other'),
    editor: await createAdminUser(app, editorRole, 'Eve', 'Editor'),
    section: await createSection(app.strapi, { name: 'Roles desk' }),
    byline: await createAuthor(app.strapi, {
      name: 'Roles Reporter',
      email: 'byline@newsroom.test',
    }),
  };
  return {
    ...staff,
    authorDraft: (title: string) =>
      createDraftAs(staff.author.cm, { title, section: staff.section, byline: staff.byline }),
  };
};

export type NewsroomStaff = Awaited<ReturnType<typeof createNewsroomStaff>>;

/** A complete draft made through `cm`'s content manager (so its creator is that admin). */
export const createDraftAs = async (
  cm: ContentManager,
  { title, section, byline }: { title: string; section: Doc; byline: Doc },
): Promise<{ documentId: string; slug: string }> => {
  const res = await cm.create(ARTICLE_UID, {
    title,
    body: bodyOfWords(40),
    section: connect(section.documentId),
    authors: connect(byline.documentId),
  });
  if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
  return { documentId: res.body.data.documentId, slug: res.body.data.slug };
};

/** A new API token of `type` (Settings > API Tokens), without expiry: its bearer key. */
export const createApiToken = async (
  app: TestApp,
  name: string,
  type: 'read-only' | 'full-access' = 'read-only',
): Promise<string> => {
  const tokens = app.strapi.service('admin::api-token-content-api') as unknown as {
    create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
  };
  return (await tokens.create({ name, type, lifespan: null })).accessKey;
};

/**
 * The Author and Editor roles are set at every boot, idempotently: a second run changes no
 * permission (not even its id), keeps what each role must grant, and keeps a permission an
 * administrator added on another content type.
 */

import { ARTICLE_UID, PUBLICATION_LOG_UID } from '../../src/constants';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../../src/publishing/actor';
import {
  createAdminUser,
  permissionsOf,
  roleId,
  roleService,
  type StoredPermission,
} from '../helpers/admin';
import { describeWithDatabase } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const USERS = 'plugin::users-permissions.user';

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

describeWithDatabase('the newsroom roles, set at boot', () => {
  let app: TestApp;
  let authorRole: number;
  let editorRole: number;

  /** The boot step itself, run once more. */
  const setNewsroomRoles = () =>
    appModule<typeof import('../../src/setup/admin-roles')>('setup/admin-roles').setNewsroomRoles(
      app.strapi,
    );

  beforeAll(async () => {
    app = await bootStrapi();
    authorRole = await roleId(app, AUTHOR_ROLE);
    editorRole = await roleId(app, EDITOR_ROLE);
  });
  afterAll(stopStrapi);

  it('are left as they were by a second run', async () => {
    const before = {
      author: await permissionsOf(app, authorRole),
      editor: await permissionsOf(app, editorRole),
    };
    expect(before.author.length).toBeGreaterThan(0);
    expect(before.editor.length).toBeGreaterThan(before.author.length);

    await setNewsroomRoles();

    const after = {
      author: await permissionsOf(app, authorRole),
      editor: await permissionsOf(app, editorRole),
    };
    expect(comparable(after.author)).toEqual(comparable(before.author));
    expect(comparable(after.editor)).toEqual(comparable(before.editor));
    // Nothing was deleted and re-added either.
    const ids = (permissions: StoredPermission[]) => permissions.map((p) => p.id).sort();
    expect(ids(after.author)).toEqual(ids(before.author));
    expect(ids(after.editor)).toEqual(ids(before.editor));
  });

  it('grant what they must: the Author condition, the Editor publish, the log read-only', async () => {
    const author = comparable(await permissionsOf(app, authorRole));
    const editor = comparable(await permissionsOf(app, editorRole));
    const find = (list: ReturnType<typeof comparable>, action: string) =>
      list.find(
        (p) =>
          p.action === `plugin::content-manager.explorer.${action}` && p.subject === ARTICLE_UID,
      );

    expect(find(author, 'update')?.conditions).toEqual(['api::own-unpublished-draft']);
    expect(find(author, 'delete')?.conditions).toEqual(['api::own-unpublished-draft']);
    expect(find(author, 'publish')).toBeUndefined();
    expect(find(editor, 'publish')).toBeDefined();
    const onLog = editor.filter((p) => p.subject === PUBLICATION_LOG_UID).map((p) => p.action);
    expect(onLog).toEqual(['plugin::content-manager.explorer.read']);
  });

  it('keep a permission an administrator granted on another content type', async () => {
    const editor = await createAdminUser(app, editorRole, 'Ed', 'Granted');
    const author = await createAdminUser(app, authorRole, 'Al', 'Ungranted');
    const granted = {
      action: 'plugin::content-manager.explorer.read',
      subject: USERS,
      properties: { fields: ['username', 'email'] },
      conditions: [],
    };
    const existing = (await permissionsOf(app, editorRole)).map(
      ({ action, subject, properties, conditions }) => ({
        action,
        subject,
        properties,
        conditions,
      }),
    );
    await roleService(app).assignPermissions(editorRole, [...existing, granted]);
    const before = comparable(await permissionsOf(app, editorRole));
    expect(before).toContainEqual(granted);
    // The Editor can use it.
    expect((await editor.cm.findMany(USERS)).status).toBe(200);

    await setNewsroomRoles();

    expect(comparable(await permissionsOf(app, editorRole))).toEqual(before);
    expect((await editor.cm.findMany(USERS)).status).toBe(200);
    // The Author, who was not granted it, still may not.
    expect((await author.cm.findMany(USERS)).status).toBe(403);
  });
});

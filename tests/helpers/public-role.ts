import { UP_PERMISSION_UID, UP_ROLE_UID } from '../../src/constants';
import type { TestApp } from './strapi';

/** The Public role's id. */
export const publicRoleId = async (app: TestApp): Promise<number> => {
  const role = (await app.strapi.db.query(UP_ROLE_UID).findOne({ where: { type: 'public' } })) as {
    id: number;
  } | null;
  if (!role) throw new Error('no Public role');
  return role.id;
};

/** Takes `action` away from the Public role with `strapi.db.query` (as a script would). */
export const revokePublic = async (app: TestApp, action: string): Promise<void> => {
  const role = await publicRoleId(app);
  await app.strapi.db.query(UP_PERMISSION_UID).deleteMany({ where: { action, role } });
};

/** Gives `action` back to the Public role with `strapi.db.query`. */
export const grantPublic = async (app: TestApp, action: string): Promise<void> => {
  const role = await publicRoleId(app);
  await app.strapi.db.query(UP_PERMISSION_UID).create({ data: { action, role } });
};

type RolePermissions = Record<
  string,
  { controllers: Record<string, Record<string, { enabled: boolean; policy: string }>> }
>;

/**
 * Turns `action` (`api::article.article.find`) on or off for the Public role through the admin
 * API, as the admin's Users & Permissions > Roles page saves it (`PUT /users-permissions/roles/:id`).
 */
export const setPublicThroughAdmin = async (
  app: TestApp,
  adminToken: string,
  action: string,
  enabled: boolean,
): Promise<void> => {
  const id = await publicRoleId(app);
  const auth = `Bearer ${adminToken}`;
  const res = await app.request().get(`/users-permissions/roles/${id}`).set('Authorization', auth);
  if (res.status !== 200) throw new Error(`role: ${res.status} ${JSON.stringify(res.body)}`);
  const { name, description, permissions } = res.body.role as {
    name: string;
    description: string;
    permissions: RolePermissions;
  };
  const [type, controller, name_] = [
    action.slice(0, action.indexOf('.')),
    action.slice(action.indexOf('.') + 1, action.lastIndexOf('.')),
    action.slice(action.lastIndexOf('.') + 1),
  ];
  permissions[type].controllers[controller][name_].enabled = enabled;
  const saved = await app
    .request()
    .put(`/users-permissions/roles/${id}`)
    .set('Authorization', auth)
    .send({ name, description, permissions });
  if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
};

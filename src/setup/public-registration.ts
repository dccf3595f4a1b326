import type { Core } from '@strapi/strapi';

import { UP_PERMISSION_UID, UP_REGISTER_ACTION, UP_ROLE_UID } from '../constants';

/** `PUBLIC_REGISTRATION`: `true` opens `POST /api/auth/local/register`; unset or `false` closes it. */
export const publicRegistrationEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => {
  const value = (env.PUBLIC_REGISTRATION ?? '').trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(
    `PUBLIC_REGISTRATION must be true or false (unset: false), not "${env.PUBLIC_REGISTRATION}".`,
  );
};

/**
 * Public sign-up, at every boot, as PUBLIC_REGISTRATION says (what an administrator toggled in
 * the admin is set back): users-permissions' advanced setting `allow_register` (which also stops
 * a login through a provider from creating an account) and the Public role's permission to call
 * register. Closed, a registration is refused with users-permissions' 403 `ForbiddenError`
 * before its controller runs.
 */
export const setPublicRegistration = async (
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> => {
  const enabled = publicRegistrationEnabled(env);

  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== enabled) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: enabled } });
  }

  const role: { id: number } | null = await strapi.db
    .query(UP_ROLE_UID)
    .findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions role "public" is missing.');
  const where = { role: role.id, action: UP_REGISTER_ACTION };
  const granted: { id: number } | null = await strapi.db
    .query(UP_PERMISSION_UID)
    .findOne({ where });
  if (enabled && !granted) {
    await strapi.db.query(UP_PERMISSION_UID).create({ data: where });
  } else if (!enabled && granted) {
    await strapi.db.query(UP_PERMISSION_UID).delete({ where: { id: granted.id } });
  }
};

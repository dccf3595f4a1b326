import type { Core } from '@strapi/strapi';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID, SITE_SETTING_UID } from '../constants';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** What readers (the Public and Authenticated roles) may do: read, and record views. */
export const READER_ACTIONS: readonly string[] = [
  `${ARTICLE_UID}.find`,
  `${ARTICLE_UID}.findOne`,
  `${ARTICLE_UID}.findBySlug`,
  `${ARTICLE_UID}.mostRead`,
  `${ARTICLE_UID}.recordView`,
  `${SECTION_UID}.find`,
  `${SECTION_UID}.findOne`,
  `${AUTHOR_UID}.find`,
  `${AUTHOR_UID}.findOne`,
  `${SITE_SETTING_UID}.find`,
];

const READER_ROLES = ['public', 'authenticated'] as const;
const OWN_API_PREFIXES = [ARTICLE_UID, SECTION_UID, AUTHOR_UID, SITE_SETTING_UID].map(
  (uid) => `${uid}.`,
);

/**
 * Grants readers exactly {@link READER_ACTIONS} on the newsroom's types, at every boot: missing
 * permissions are added, and any other action on these types (a write someone granted by hand) is
 * taken away. The users-permissions plugin's own routes (login, me, ...) are left as they are.
 */
export const setReaderPermissions = async (strapi: Core.Strapi): Promise<void> => {
  for (const type of READER_ROLES) {
    const role: { id: number } | null = await strapi.db
      .query(ROLE_UID)
      .findOne({ where: { type } });
    if (!role) throw new Error(`The users-permissions role "${type}" is missing.`);

    const granted: Array<{ id: number; action: string }> = await strapi.db
      .query(PERMISSION_UID)
      .findMany({ select: ['id', 'action'], where: { role: role.id } });
    const grantedActions = new Set(granted.map((permission) => permission.action));

    const extra = granted.filter(
      ({ action }) =>
        OWN_API_PREFIXES.some((prefix) => action.startsWith(prefix)) &&
        !READER_ACTIONS.includes(action),
    );
    if (extra.length > 0) {
      await strapi.db
        .query(PERMISSION_UID)
        .deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
      strapi.log.warn(
        `Removed ${type} permissions that readers must not have: ${extra.map((p) => p.action).join(', ')}`,
      );
    }
    for (const action of READER_ACTIONS.filter((action) => !grantedActions.has(action))) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
};

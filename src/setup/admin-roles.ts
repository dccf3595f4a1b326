import type { Core } from '@strapi/strapi';

import { withoutAuthorLockedFields } from '../admin-panel/field-locks';
import { ARTICLE_UID, AUTHOR_UID, PUBLICATION_LOG_UID, SECTION_UID, TAG_UID } from '../constants';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../publishing/actor';
import { OWN_UNPUBLISHED_DRAFT } from '../publishing/conditions';

const CM = 'plugin::content-manager.explorer';
const MANAGED_SUBJECTS: readonly string[] = [
  ARTICLE_UID,
  SECTION_UID,
  AUTHOR_UID,
  TAG_UID,
  PUBLICATION_LOG_UID,
];
const MANAGED_PLUGIN_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] };
  conditions?: string[];
}

interface Grant {
  action: string;
  subject?: string;
  conditions?: string[];
  /** Only some of the subject's fields (all of them when absent). */
  fields?: (all: string[]) => string[];
}

/** What each newsroom role may do (docs/roles.md says the same in words). */
export const ROLE_GRANTS: Record<typeof EDITOR_ROLE | typeof AUTHOR_ROLE, Grant[]> = {
  [EDITOR_ROLE]: [
    ...['create', 'read', 'update', 'delete', 'publish'].map((verb) => ({
      action: `${CM}.${verb}`,
      subject: ARTICLE_UID,
    })),
    ...[SECTION_UID, AUTHOR_UID, TAG_UID].flatMap((subject) =>
      ['create', 'read', 'update', 'delete'].map((verb) => ({ action: `${CM}.${verb}`, subject })),
    ),
    { action: `${CM}.read`, subject: PUBLICATION_LOG_UID },
    ...MANAGED_PLUGIN_ACTIONS.map((action) => ({ action })),
  ],
  [AUTHOR_ROLE]: [
    // Editors' decisions and derived fields are read-only for Authors (src/admin-panel/field-locks.ts).
    { action: `${CM}.create`, subject: ARTICLE_UID, fields: withoutAuthorLockedFields },
    { action: `${CM}.read`, subject: ARTICLE_UID },
    {
      action: `${CM}.update`,
      subject: ARTICLE_UID,
      conditions: [OWN_UNPUBLISHED_DRAFT],
      fields: withoutAuthorLockedFields,
    },
    { action: `${CM}.delete`, subject: ARTICLE_UID, conditions: [OWN_UNPUBLISHED_DRAFT] },
    { action: `${CM}.read`, subject: SECTION_UID },
    { action: `${CM}.read`, subject: AUTHOR_UID },
    { action: `${CM}.read`, subject: TAG_UID },
    ...MANAGED_PLUGIN_ACTIONS.map((action) => ({
      action,
      conditions: ['plugin::upload.read', 'plugin::upload.assets.update'].includes(action)
        ? ['admin::is-creator']
        : [],
    })),
  ],
};

const ROLE_NAMES: Record<string, { name: string; description: string }> = {
  [EDITOR_ROLE]: {
    name: 'Editor',
    description: "Edits and publishes anyone's articles; manages sections and authors.",
  },
  [AUTHOR_ROLE]: {
    name: 'Author',
    description: 'Drafts articles and edits their own until first published; cannot publish.',
  },
};

interface RoleService {
  findOne(params: { code: string }): Promise<{ id: number } | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
}

interface PermissionService {
  findMany(params: { where: { role: { id: number } } }): Promise<Permission[]>;
  actionProvider: { values(): Array<{ actionId: string; section: string; subjects?: string[] }> };
}

interface ContentTypeService {
  getPermissionsWithNestedFields(
    actions: Array<{ actionId: string; section: string; subjects?: string[] }>,
  ): Permission[];
}

const isManaged = (permission: Permission): boolean =>
  (permission.subject !== undefined &&
    permission.subject !== null &&
    MANAGED_SUBJECTS.includes(permission.subject)) ||
  MANAGED_PLUGIN_ACTIONS.includes(permission.action);

/**
 * Sets the Editor and Author roles' permissions on articles, sections, authors, the publishing
 * log and the media library, at every boot, through Strapi's own role service: a second run
 * changes nothing, and what an administrator granted on other content types is kept.
 */
export const setNewsroomRoles = async (strapi: Core.Strapi): Promise<void> => {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const permissions = strapi.service('admin::permission') as unknown as PermissionService;
  const contentTypes = strapi.service('admin::content-type') as unknown as ContentTypeService;

  const contentTypeActions = permissions.actionProvider
    .values()
    .filter((action) => action.section === 'contentTypes');
  const withFields = contentTypes.getPermissionsWithNestedFields(contentTypeActions);
  const fieldsOf = (action: string, subject?: string) =>
    withFields.find((permission) => permission.action === action && permission.subject === subject)
      ?.properties;

  for (const [code, grants] of Object.entries(ROLE_GRANTS)) {
    const role =
      (await roles.findOne({ code })) ?? (await roles.create({ code, ...ROLE_NAMES[code] }));
    const kept = (await permissions.findMany({ where: { role: { id: role.id } } })).filter(
      (permission) => !isManaged(permission),
    );
    const wanted: Permission[] = grants.map(({ action, subject, conditions = [], fields }) => {
      const properties = subject ? (fieldsOf(action, subject) ?? {}) : {};
      return {
        action,
        subject: subject ?? null,
        properties:
          fields && properties.fields
            ? { ...properties, fields: fields(properties.fields) }
            : properties,
        conditions,
      };
    });
    await roles.assignPermissions(role.id, [...kept, ...wanted]);
  }
};

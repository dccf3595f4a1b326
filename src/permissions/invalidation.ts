import type { Core } from '@strapi/strapi';

import { UP_PERMISSION_UID, UP_ROLE_UID } from '../constants';

const WRITES = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
] as const;

/**
 * Calls `onChange` after every write to a users-permissions role or permission. They are written
 * with `strapi.db.query` (the admin's roles page, `setReaderPermissions`, a script), never through
 * the Document Service, so a database lifecycle subscriber is the one place that sees them all.
 * (An import writes with lifecycles off: a restore publishes `{ kind: 'all' }`, which forgets them too.)
 * Returns the unsubscribe.
 */
export const subscribePermissionWrites = (
  strapi: Core.Strapi,
  onChange: (model: string) => void,
): (() => void) =>
  strapi.db.lifecycles.subscribe({
    models: [UP_PERMISSION_UID, UP_ROLE_UID],
    ...Object.fromEntries(
      WRITES.map((action) => [
        action,
        ({ model }: { model: { uid: string } }) => onChange(model.uid),
      ]),
    ),
  });

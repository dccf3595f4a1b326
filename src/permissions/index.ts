/** The Public role's permissions, read once per role or permission write (not per request). */
import type { Core } from '@strapi/strapi';

import { invalidationOf } from '../cache/bus';
import { publicPermissionsOf, registerPublicPermissions } from './public-permissions';

export {
  type ContentApiAbility,
  createPublicPermissions,
  type PermissionRow,
  type PublicPermissions,
  publicPermissionsOf,
} from './public-permissions';
export { authenticatePublic, type AuthStrategy, withCachedPublicAbility } from './strategy';

/**
 * `register` step: the cache in Strapi's container, forgotten on every instance when the bus
 * carries `permissions` (or `all`, a restore). Role and permission writes are published on the
 * bus by `subscribePermissionPurges` (src/cache/purge.ts), the one lifecycle subscriber.
 */
export const registerPermissionsCache = (strapi: Core.Strapi): void => {
  registerPublicPermissions(strapi);
  const bus = invalidationOf(strapi);
  bus.subscribe((message) => {
    if (message.kind === 'permissions' || message.kind === 'all')
      publicPermissionsOf(strapi).forget();
  });
};

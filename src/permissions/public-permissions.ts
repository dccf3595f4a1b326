import type { Core } from '@strapi/strapi';

import { PUBLIC_PERMISSIONS, UP_PERMISSION_UID } from '../constants';

/** A stored users-permissions permission, as `findPublicPermissions()` answers it. */
export interface PermissionRow {
  id: number;
  action: string;
  [field: string]: unknown;
}

/** What the content API's permission engine builds from a role's actions. */
export interface ContentApiAbility {
  can(action: string): boolean;
}

export interface PublicPermissions {
  /** The Public role's permissions (one query after each `forget()`, then none). */
  rows(): Promise<PermissionRow[]>;
  /** Their ability (built once per load); `null` when the Public role may do nothing. */
  ability(): Promise<ContentApiAbility | null>;
  /** Drops what is held: the next call loads again. A load under way is not kept. */
  forget(): void;
  /** How many times the permissions were read from the database (tests, the bench). */
  loads(): number;
}

interface Loaded {
  rows: PermissionRow[];
  ability: ContentApiAbility | null;
}

/**
 * The Public role's permissions and their ability, read once and kept until a role or
 * permission write (`forget()`, on the invalidation bus), or at most `ttlMs` (0: no limit) in
 * case an invalidation never arrived (Redis down). Concurrent first calls share one load.
 * A load that started before a `forget()` answers its callers but is not kept: a write that
 * lands while it reads cannot leave stale permissions behind.
 */
export const createPublicPermissions = (
  strapi: Core.Strapi,
  { ttlMs, now = Date.now }: { ttlMs: number; now?: () => number },
): PublicPermissions => {
  let held: Promise<Loaded> | undefined;
  let heldUntil = Infinity;
  let loads = 0;

  const load = async (): Promise<Loaded> => {
    loads += 1;
    // The plugin's own query (its `findPublicPermissions`, which now reads from here).
    const rows = (await strapi.db
      .query(UP_PERMISSION_UID)
      .findMany({ where: { role: { type: 'public' } } })) as PermissionRow[];
    const ability =
      rows.length === 0
        ? null
        : // Content-API permissions have no subject: the plugin checks them with `can(action)`.
          ((await strapi.contentAPI.permissions.engine.generateAbility(
            rows.map(({ action }) => ({ action })),
          )) as unknown as ContentApiAbility);
    return { rows, ability };
  };

  const loaded = (): Promise<Loaded> => {
    if (held && now() < heldUntil) return held;
    const loading = load();
    held = loading;
    heldUntil = ttlMs > 0 ? now() + ttlMs : Infinity;
    // A failed read (the database is down) is not kept: the next request tries again.
    loading.catch(() => {
      if (held === loading) held = undefined;
    });
    return loading;
  };

  return {
    rows: async () => [...(await loaded()).rows],
    ability: async () => (await loaded()).ability,
    forget() {
      held = undefined;
    },
    loads: () => loads,
  };
};

/** `PUBLIC_PERMISSIONS_TTL_SECONDS` (`config/permissions.ts`), checked: a bad value stops the boot. */
const ttlMsOf = (strapi: Core.Strapi): number => {
  const seconds = strapi.config.get<number>('permissions.publicTtlSeconds', 60);
  if (!Number.isInteger(seconds) || seconds < 0)
    throw new Error(
      `PUBLIC_PERMISSIONS_TTL_SECONDS must be a whole number of seconds, 0 or more (got ${seconds}).`,
    );
  return seconds * 1000;
};

/** Adds the Public role's permission cache to Strapi's container (`register`). */
export const registerPublicPermissions = (strapi: Core.Strapi): void => {
  const ttlMs = ttlMsOf(strapi);
  strapi.add(PUBLIC_PERMISSIONS, () => createPublicPermissions(strapi, { ttlMs }));
};

/** This instance's cache of the Public role's permissions. */
export const publicPermissionsOf = (strapi: Core.Strapi): PublicPermissions =>
  strapi.get<PublicPermissions>(PUBLIC_PERMISSIONS);

/**
 * unit: the Public role's permission cache, on a stand-in Strapi that counts its queries:
 * concurrent first calls share one read, `forget()` makes the next call read again (and a read
 * under way when it came is not kept), a failed read is not kept, and the TTL bounds how long
 * permissions are kept when no invalidation arrives (on an injected clock).
 */

import type { Core } from '@strapi/strapi';

import { createPublicPermissions } from '../../src/permissions';

const standIn = (
  actions: () => string[],
  { fail = () => false }: { fail?: () => boolean } = {},
) => {
  let reads = 0;
  const strapi = {
    db: {
      query: () => ({
        findMany: async () => {
          reads += 1;
          // What the database holds when the read starts; the answer arrives a tick later.
          const rows = actions().map((action, id) => ({ id, action }));
          await Promise.resolve();
          if (fail()) throw new Error('connect ECONNREFUSED');
          return rows;
        },
      }),
    },
    contentAPI: {
      permissions: {
        engine: {
          generateAbility: async (permissions: Array<{ action: string }>) => ({
            can: (action: string) => permissions.some((p) => p.action === action),
          }),
        },
      },
    },
  } as unknown as Core.Strapi;
  return { strapi, reads: () => reads };
};

describe('the Public permission cache', () => {
  it('reads once for concurrent first calls, then not again', async () => {
    const { strapi, reads } = standIn(() => ['a.find']);
    const cache = createPublicPermissions(strapi, { ttlMs: 0 });
    const abilities = await Promise.all([cache.ability(), cache.ability(), cache.rows()]);
    expect(reads()).toBe(1);
    expect((await cache.ability())?.can('a.find')).toBe(true);
    expect(abilities[0]).toBe(abilities[1]);
    expect(reads()).toBe(1);
  });

  it('reads again after forget(), and does not keep a read that forget() overtook', async () => {
    let actions = ['a.find'];
    const { strapi, reads } = standIn(() => actions);
    const cache = createPublicPermissions(strapi, { ttlMs: 0 });
    const before = cache.ability();
    actions = [];
    cache.forget();
    expect(await cache.ability()).toBeNull();
    expect((await before)?.can('a.find')).toBe(true);
    expect(await cache.ability()).toBeNull();
    expect(reads()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let down = true;
    const { strapi, reads } = standIn(() => ['a.find'], { fail: () => down });
    const cache = createPublicPermissions(strapi, { ttlMs: 0 });
    await expect(cache.ability()).rejects.toThrow('ECONNREFUSED');
    down = false;
    expect((await cache.ability())?.can('a.find')).toBe(true);
    expect(reads()).toBe(2);
  });

  it('reads again once the TTL has passed without an invalidation', async () => {
    let now = 0;
    const { strapi, reads } = standIn(() => ['a.find']);
    const cache = createPublicPermissions(strapi, { ttlMs: 60_000, now: () => now });
    await cache.ability();
    now = 59_999;
    await cache.ability();
    expect(reads()).toBe(1);
    now = 60_000;
    await cache.ability();
    expect(reads()).toBe(2);
  });
});

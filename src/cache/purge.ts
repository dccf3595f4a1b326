import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';

import {
  ARTICLE_UID,
  AUTHOR_UID,
  SECTION_UID,
  SITE_SETTING_UID,
  TAG_UID,
  UP_PERMISSION_UID,
  UP_ROLE_UID,
} from '../constants';
import { documentIdOf, type DocumentMiddleware, publishes } from '../publishing/context';
import { type Invalidation, INVALIDATION_CHANNEL, invalidationOf } from './bus';
import { responseCacheOf } from './runtime';
import { deleteAllShared } from './shared';

const WRITE_ACTIONS = ['create', 'update', 'delete', 'publish', 'unpublish'];

/**
 * The tags a Document Service write makes stale, or none. An article's public answers change
 * when it is published, unpublished, deleted or saved published; a draft-only save changes
 * nothing public. Any section, author or tag write purges: pages show their names (the breadcrumb,
 * the byline, the tags), and lists filtered by their slug hold no id of theirs, hence `articles` too.
 */
export const tagsOfWrite = (
  uid: string,
  action: string,
  publishesNow: boolean,
  documentId: string | undefined,
): string[] => {
  const ids = documentId ? [documentId] : [];
  if (uid === ARTICLE_UID) {
    const changesPublic = ['publish', 'unpublish', 'delete'].includes(action) || publishesNow;
    return changesPublic ? [...ids, 'articles'] : [];
  }
  const writes = WRITE_ACTIONS.includes(action);
  if (uid === SECTION_UID && writes) return [...ids, 'sections', 'articles'];
  if (uid === AUTHOR_UID && writes) return [...ids, 'authors', 'articles'];
  if (uid === TAG_UID && writes) return [...ids, 'tags', 'articles'];
  return [];
};

/**
 * Purges what a write made stale, once it has committed (after `next()`), so admin, API,
 * scheduler and seed writes are all covered. Inside a caller's transaction (the scheduler's) it
 * purges now and again on commit: a read between the two could have stored the old answer.
 */
export const cachePurgeMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const result = await next();
    // The site's settings show on every page, feed and sitemap: a change forgets everything.
    if (ctx.uid === SITE_SETTING_UID) {
      const cache = responseCacheOf(strapi);
      if (WRITE_ACTIONS.includes(ctx.action) && cache.settings.enabled) {
        await cache.shared?.purgeAll();
        await invalidationOf(strapi).publish({ kind: 'all', reason: 'the site settings changed' });
      }
      return result;
    }
    const tags = tagsOfWrite(ctx.uid, ctx.action, publishes(ctx), documentIdOf(ctx, result));
    if (tags.length > 0 && responseCacheOf(strapi).settings.enabled) {
      // The shared store first: no instance told to forget may read the entry back from Redis.
      const purge = async () => {
        await responseCacheOf(strapi).shared?.purgeTags(tags);
        await invalidationOf(strapi).publish({ kind: 'tags', tags });
      };
      await purge();
      if (strapi.db.inTransaction()) {
        await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void purge()));
      }
    }
    return result;
  };

const AFTER_WRITES = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
] as const;

/**
 * Roles and permissions are written through `strapi.db.query` (no Document Service): any such
 * write makes every instance forget its cached Public permissions and (the cache on) every
 * cached answer.
 */
export const subscribePermissionPurges = (strapi: Core.Strapi): void => {
  const purge = async () => {
    const bus = invalidationOf(strapi);
    // Permissions first: an answer loaded in between with the old ones is wiped by `all` (or not
    // stored: `all` moves the generation on). The other order could store one after `all`.
    // The cached Public permissions are forgotten whether or not the response cache is on.
    await bus.publish({ kind: 'permissions' });
    const cache = responseCacheOf(strapi);
    if (!cache.settings.enabled) return;
    await cache.shared?.purgeAll();
    await bus.publish({ kind: 'all', reason: 'a role or permission changed' });
  };
  strapi.db.lifecycles.subscribe({
    models: [UP_ROLE_UID, UP_PERMISSION_UID],
    ...Object.fromEntries(AFTER_WRITES.map((event) => [event, purge])),
  });
};

/**
 * For scripts that run without the server (the restore): empties the shared store and tells every
 * running instance, through Redis, to forget every cached answer. Without Redis there is no way to reach them: they must
 * be restarted (or left to their entries' TTL). Returns whether the message went out.
 */
export const purgeAllFromOutside = async (redisUrl: string, reason: string): Promise<boolean> => {
  if (!redisUrl) return false;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    await deleteAllShared(redis);
    const from = `script-${process.pid}`;
    for (const message of [{ kind: 'permissions' }, { kind: 'all', reason }] as Invalidation[]) {
      await redis.publish(INVALIDATION_CHANNEL, JSON.stringify({ from, message }));
    }
    return true;
  } finally {
    redis.disconnect();
  }
};

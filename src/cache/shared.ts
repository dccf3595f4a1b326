import { Redis } from 'ioredis';

import type { CachedAnswer } from './store';

/** Where entries and tag sets live in Redis: `<prefix>e:<key>` and `<prefix>t:<tag>`. */
export const SHARED_PREFIX = 'newsroom:cache:';

/**
 * The store every instance shares when `REDIS_URL` is set: read on a local miss, written on a
 * load, purged by the instance that made the write before it tells the others (so none of them
 * reads back what it was told to forget). Entries and tag sets expire with the entry (TTL +
 * stale window). Redis failing is a miss, never a failed request.
 */
export interface SharedLayer {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer): Promise<void>;
  purgeTags(tags: string[]): Promise<void>;
  purgeAll(): Promise<void>;
  stop(): Promise<void>;
}

interface Stored extends Omit<CachedAnswer, 'body'> {
  body: string;
}

const entryKey = (key: string) => `${SHARED_PREFIX}e:${key}`;
const tagKey = (tag: string) => `${SHARED_PREFIX}t:${tag}`;

/** Deletes every key under the prefix (SCAN, in batches): a purge of everything. */
export const deleteAllShared = async (redis: Redis): Promise<void> => {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${SHARED_PREFIX}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
};

export const createSharedLayer = ({
  redisUrl,
  log,
}: {
  redisUrl: string;
  log: { warn(message: string): void };
}): SharedLayer => {
  // A slow or absent Redis must not hold readers: a command answers within 250 ms or is a miss.
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: 250,
  });
  let warned = 0;
  const warn = (what: string, error: unknown) => {
    // At most one line every 10 seconds: an outage must not flood the log.
    if (Date.now() - warned < 10_000) return;
    warned = Date.now();
    log.warn(`response cache: Redis ${what} failed (${(error as Error).message})`);
  };
  redis.on('error', (error: Error) => warn('connection', error));

  return {
    async get(key) {
      try {
        const raw = await redis.getBuffer(entryKey(key));
        if (!raw) return undefined;
        const stored = JSON.parse(raw.toString('utf8')) as Stored;
        return { ...stored, body: Buffer.from(stored.body, 'base64') };
      } catch (error) {
        warn('read', error);
        return undefined;
      }
    },
    async set(key, answer) {
      const ttl = answer.ttlMs + answer.staleMs;
      const stored: Stored = { ...answer, body: answer.body.toString('base64') };
      try {
        const batch = redis.multi().set(entryKey(key), JSON.stringify(stored), 'PX', ttl);
        for (const tag of answer.tags) {
          // A tag set outlives every entry it names: its expiry only ever moves later.
          batch
            .sadd(tagKey(tag), key)
            .pexpire(tagKey(tag), ttl, 'GT')
            .pexpire(tagKey(tag), ttl, 'NX');
        }
        await batch.exec();
      } catch (error) {
        warn('write', error);
      }
    },
    async purgeTags(tags) {
      try {
        const keys = new Set<string>();
        for (const tag of tags) for (const key of await redis.smembers(tagKey(tag))) keys.add(key);
        const doomed = [...[...keys].map(entryKey), ...tags.map(tagKey)];
        if (doomed.length > 0) await redis.unlink(...doomed);
      } catch (error) {
        warn('purge', error);
      }
    },
    async purgeAll() {
      try {
        await deleteAllShared(redis);
      } catch (error) {
        warn('purge', error);
      }
    },
    async stop() {
      await redis.quit().catch(() => undefined);
    },
  };
};

import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';

import { INVALIDATION_BUS } from '../constants';

/**
 * What one instance tells every instance to forget:
 * - `tags`: the response-cache entries holding any of these tags (a document id, a list);
 * - `all`: every response-cache entry (a restore, a role or permission change);
 * - `permissions`: the Public role's cached permissions (a role or permission change).
 */
export type Invalidation =
  { kind: 'tags'; tags: string[] } | { kind: 'all'; reason: string } | { kind: 'permissions' };

export type InvalidationHandler = (message: Invalidation) => void;

export interface InvalidationBus {
  /**
   * Applies `message` on this instance at once (every handler runs before this returns), then,
   * with `REDIS_URL`, publishes it to the other instances (they apply it on receipt).
   */
  publish(message: Invalidation): Promise<void>;
  /** Runs `handler` for every message, local or from another instance; returns the unsubscribe. */
  subscribe(handler: InvalidationHandler): () => void;
  /** Resolves once the Redis subscription is live (at once without Redis). */
  ready(): Promise<void>;
  /** At shutdown: lets go of both Redis connections. */
  stop(): Promise<void>;
}

/** The Redis channel every instance of one deployment listens on. */
export const INVALIDATION_CHANNEL = 'newsroom:invalidate';

const isInvalidation = (value: unknown): value is Invalidation => {
  if (!value || typeof value !== 'object') return false;
  const { kind, tags } = value as { kind?: unknown; tags?: unknown };
  if (kind === 'all' || kind === 'permissions') return true;
  return kind === 'tags' && Array.isArray(tags) && tags.every((tag) => typeof tag === 'string');
};

/**
 * The bus of one instance. Without `redisUrl` it is local only (one instance, or tests).
 * Each message carries its sender's id so an instance does not apply its own message twice.
 */
export const createInvalidationBus = ({
  redisUrl,
  log,
  channel = INVALIDATION_CHANNEL,
}: {
  redisUrl?: string;
  log: { warn(message: string): void };
  channel?: string;
}): InvalidationBus => {
  const handlers = new Set<InvalidationHandler>();
  const sender = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const apply = (message: Invalidation) => {
    for (const handler of handlers) {
      try {
        handler(message);
      } catch (error) {
        log.warn(`invalidation handler failed: ${(error as Error).message}`);
      }
    }
  };

  if (!redisUrl) {
    return {
      async publish(message) {
        apply(message);
      },
      subscribe(handler) {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
      ready: async () => undefined,
      stop: async () => undefined,
    };
  }

  const options = { maxRetriesPerRequest: 1, lazyConnect: false };
  const publisher = new Redis(redisUrl, { ...options, enableOfflineQueue: false });
  const subscriber = new Redis(redisUrl, options);
  publisher.on('error', (error: Error) => log.warn(`invalidation: Redis: ${error.message}`));
  subscriber.on('error', (error: Error) => log.warn(`invalidation: Redis: ${error.message}`));
  subscriber.on('message', (_channel: string, raw: string) => {
    try {
      const { from, message } = JSON.parse(raw) as { from?: string; message?: unknown };
      if (from !== sender && isInvalidation(message)) apply(message);
    } catch {
      log.warn('invalidation: ignored a malformed message');
    }
  });
  const subscribed = subscriber.subscribe(channel).then(() => undefined);
  subscribed.catch((error: Error) => log.warn(`invalidation: subscribe failed: ${error.message}`));

  return {
    async publish(message) {
      apply(message);
      try {
        await publisher.publish(channel, JSON.stringify({ from: sender, message }));
      } catch (error) {
        // Other instances then forget on their entries' TTL: logged, never a failed write.
        log.warn(`invalidation: not broadcast (${(error as Error).message})`);
      }
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    ready: () => subscribed.catch(() => undefined),
    async stop() {
      handlers.clear();
      await Promise.all([
        publisher.quit().catch(() => undefined),
        subscriber.quit().catch(() => undefined),
      ]);
    },
  };
};

/** Adds this instance's bus to Strapi's container (`register`), on `REDIS_URL` when set. */
export const registerInvalidationBus = (strapi: Core.Strapi): void => {
  strapi.add(INVALIDATION_BUS, () =>
    createInvalidationBus({
      redisUrl: strapi.config.get<string>('views.redisUrl', '') || undefined,
      log: strapi.log,
    }),
  );
};

/** This instance's invalidation bus. */
export const invalidationOf = (strapi: Core.Strapi): InvalidationBus =>
  strapi.get<InvalidationBus>(INVALIDATION_BUS);

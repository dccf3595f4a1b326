import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';

import { VIEWS_SERVICE_UID } from '../constants';
import { createViewCounter, type ViewCounter } from './counter';
import { readViewsSettings } from './settings';
import { createViewStore } from './store';

/** The view counter as the app's service `api::article.views`, with its start and stop. */
export type ViewsService = ViewCounter & {
  /** Boot step: starts writing buffered views every `flushIntervalMs`. */
  start(): void;
  /** At shutdown: writes what is buffered and lets go of Redis. */
  stop(): Promise<void>;
};

/**
 * Makes the counter of one Strapi instance: its settings (checked here, so a malformed one stops
 * the boot), its store, and the Redis connection shared by its guards when `REDIS_URL` is set.
 * Strapi's service registry makes it once, on first use, and keeps it for the instance's life.
 */
export const createViewsService = (strapi: Core.Strapi): ViewsService => {
  const settings = readViewsSettings(strapi);
  const redis = settings.redisUrl
    ? new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  redis?.on('error', (error: Error) => strapi.log.warn(`views: Redis: ${error.message}`));
  const counter = createViewCounter({ settings, store: createViewStore(strapi), redis });
  let timer: NodeJS.Timeout | undefined;

  return {
    ...counter,
    start() {
      if (settings.flushIntervalMs === 0 || timer) return;
      timer = setInterval(() => {
        counter
          .flush()
          .catch((error: Error) =>
            strapi.log.error(`views: flush failed, will retry: ${error.message}`),
          );
      }, settings.flushIntervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await counter.flush();
      await redis?.quit().catch(() => undefined);
    },
  };
};

/** The counter of this Strapi instance (its service in Strapi's container). */
export const viewsOf = (strapi: Core.Strapi): ViewsService =>
  strapi.service(VIEWS_SERVICE_UID) as unknown as ViewsService;

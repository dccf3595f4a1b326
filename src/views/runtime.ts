import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';

import { createViewCounter, type ViewCounter } from './counter';
import { readViewsSettings } from './settings';
import { createViewStore } from './store';

export { registerViewsAdminRoutes } from './admin-routes';
export type { Period, RecordedView, ViewCounter, ViewRequest } from './counter';
export { PERIODS } from './counter';
export { DAILY_TABLE, VIEWS_TABLE } from './store';

interface Running {
  strapi: Core.Strapi;
  counter: ViewCounter;
  redis?: Redis;
  timer?: NodeJS.Timeout;
}

let running: Running | undefined;

const create = (strapi: Core.Strapi): Running => {
  const settings = readViewsSettings(strapi);
  const redis = settings.redisUrl
    ? new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  redis?.on('error', (error: Error) => strapi.log.warn(`views: Redis: ${error.message}`));
  return {
    strapi,
    redis,
    counter: createViewCounter({ settings, store: createViewStore(strapi), redis }),
  };
};

/** This process's view counter (made on first use). */
export const views = (strapi: Core.Strapi): ViewCounter => {
  if (running?.strapi !== strapi) running = create(strapi);
  return running.counter;
};

/** Boot step: checks the settings and starts writing buffered views every `flushIntervalMs`. */
export const startViews = async (strapi: Core.Strapi): Promise<void> => {
  const counter = views(strapi);
  const { flushIntervalMs } = readViewsSettings(strapi);
  if (!running || flushIntervalMs === 0 || running.timer) return;
  running.timer = setInterval(() => {
    counter
      .flush()
      .catch((error: Error) =>
        strapi.log.error(`views: flush failed, will retry: ${error.message}`),
      );
  }, flushIntervalMs);
  running.timer.unref();
};

/** At shutdown: writes what is buffered and lets go of Redis. */
export const stopViews = async (strapi: Core.Strapi): Promise<void> => {
  if (running?.strapi !== strapi) return;
  const { counter, redis, timer } = running;
  running = undefined;
  if (timer) clearInterval(timer);
  await counter.flush();
  await redis?.quit().catch(() => undefined);
};

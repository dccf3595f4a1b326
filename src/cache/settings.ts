import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';

import { booleanVariable, wholeNumberVariable } from '../env-values';

/**
 * The response cache's settings: each one's environment variable and default, written once.
 * `config/cache.ts` reads these variables; {@link readCacheSettings} checks what it read.
 */
export const CACHE_VARIABLES = {
  /** `false` turns the cache off entirely (no entry, no header, no purge work). */
  enabled: { variable: 'CACHE_ENABLED', fallback: 'true' },
  /** Most bytes the in-process store holds (bodies, headers, keys and tags counted). */
  maxBytes: { variable: 'CACHE_MAX_BYTES', fallback: String(64 * 1024 * 1024) },
  /** How long an entry is fresh when its route does not say (seconds). */
  ttlSeconds: { variable: 'CACHE_TTL_SECONDS', fallback: '60' },
  /** How long past its TTL an entry is kept, to be served while the database is down (seconds). */
  staleSeconds: { variable: 'CACHE_STALE_SECONDS', fallback: '300' },
} as const;

type Setting = keyof typeof CACHE_VARIABLES;

/** What `config/cache.ts` holds: each setting as its variable gave it (Redis: `views.redisUrl`). */
export type CacheConfig = Record<Setting, string>;

/** `config/cache.ts`: the variables as they are; a malformed one is refused at boot, named. */
export const cacheConfigFromEnv = (env: (name: string, fallback: string) => string): CacheConfig =>
  Object.fromEntries(
    Object.entries(CACHE_VARIABLES).map(([key, { variable, fallback }]) => [
      key,
      env(variable, fallback),
    ]),
  ) as CacheConfig;

const wholeNumber = wholeNumberVariable;

const settingsSchema = z.object({
  enabled: booleanVariable(CACHE_VARIABLES.enabled.variable),
  // Below 1 MiB a single article page could not be held.
  maxBytes: wholeNumber(CACHE_VARIABLES.maxBytes.variable, 1024 * 1024),
  ttlSeconds: wholeNumber(CACHE_VARIABLES.ttlSeconds.variable, 1),
  staleSeconds: wholeNumber(CACHE_VARIABLES.staleSeconds.variable, 0),
});

export type CacheSettings = z.infer<typeof settingsSchema>;

/** Checks what `config/cache.ts` read; throws one message naming every malformed variable. */
export const parseCacheSettings = (raw: unknown): CacheSettings => {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(' '));
  return parsed.data;
};

/** The cache's settings from `config/cache.ts`; a malformed value stops the boot, naming it. */
export const readCacheSettings = (strapi: Core.Strapi): CacheSettings =>
  parseCacheSettings(strapi.config.get('cache', {}));

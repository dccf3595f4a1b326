import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';

import { wholeNumberVariable } from '../env-values';
import { resolveSecrets } from '../setup/secrets';

/**
 * The counter's numeric settings: each one's environment variable and default, written once.
 * `config/views.ts` reads these variables; {@link readViewsSettings} checks what it read.
 */
export const VIEWS_VARIABLES = {
  /** A visitor counts once per article within this many seconds; 0 counts every view. */
  dedupeWindowSeconds: { variable: 'VIEWS_DEDUPE_WINDOW_SECONDS', fallback: 1800 },
  /** Views requests allowed per client IP per window; 0 turns the limit off. */
  rateLimitPerMinute: { variable: 'VIEWS_RATE_LIMIT_PER_MINUTE', fallback: 120 },
  /** The rate limit's window in seconds: 60 unless a test or an operator shortens it. */
  rateLimitWindowSeconds: { variable: 'VIEWS_RATE_LIMIT_WINDOW_SECONDS', fallback: 60 },
  /** How often buffered views are written; 0 writes every view at once. */
  flushIntervalMs: { variable: 'VIEWS_FLUSH_INTERVAL_MS', fallback: 1000 },
  /**
   * Most visitors (and, separately, client IPs) the in-process dedupe and rate limit remember;
   * past it the least recently seen is forgotten first (see docs/configuration.md, "View counter").
   */
  memoryMaxEntries: { variable: 'VIEWS_MEMORY_MAX_ENTRIES', fallback: 100_000 },
  /**
   * Most views one client IP can add to one article per dedupe window, whatever User-Agents it
   * sends; at least 1 (there is no "off": a very large number is).
   */
  maxPerIpPerArticle: { variable: 'VIEWS_MAX_PER_IP_PER_ARTICLE', fallback: 10 },
} as const;

type NumericSetting = keyof typeof VIEWS_VARIABLES;

/** What `config/views.ts` holds: each numeric setting as its variable gave it, and Redis's URL. */
export type ViewsConfig = Record<NumericSetting, string> & { redisUrl: string };

/** `config/views.ts`: the variables as they are; a malformed one is refused at boot, named. */
export const viewsConfigFromEnv = (env: (name: string, fallback: string) => string): ViewsConfig =>
  ({
    ...Object.fromEntries(
      Object.entries(VIEWS_VARIABLES).map(([key, { variable, fallback }]) => [
        key,
        env(variable, String(fallback)),
      ]),
    ),
    redisUrl: env('REDIS_URL', ''),
  }) as ViewsConfig;

const wholeNumber = wholeNumberVariable;

const settingsSchema = z.object({
  dedupeWindowSeconds: wholeNumber(VIEWS_VARIABLES.dedupeWindowSeconds.variable),
  rateLimitPerMinute: wholeNumber(VIEWS_VARIABLES.rateLimitPerMinute.variable),
  rateLimitWindowSeconds: wholeNumber(
    VIEWS_VARIABLES.rateLimitWindowSeconds.variable,
    1,
    ' (Turn the limit off with VIEWS_RATE_LIMIT_PER_MINUTE=0.)',
  ),
  flushIntervalMs: wholeNumber(VIEWS_VARIABLES.flushIntervalMs.variable),
  memoryMaxEntries: wholeNumber(VIEWS_VARIABLES.memoryMaxEntries.variable, 1),
  maxPerIpPerArticle: wholeNumber(
    VIEWS_VARIABLES.maxPerIpPerArticle.variable,
    1,
    ' (It cannot be turned off; a large number lets each address count that many times.)',
  ),
  redisUrl: z.string().default(''),
});

export type ViewsSettings = z.infer<typeof settingsSchema> & {
  /** Secret the daily visitor salt is derived from (the same on every instance). */
  saltSecret: string;
};

/** Checks what `config/views.ts` read; throws one message naming every malformed variable. */
export const parseViewsSettings = (raw: unknown): Omit<ViewsSettings, 'saltSecret'> => {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(' '));
  return parsed.data;
};

/** The counter's settings from `config/views.ts`; a malformed value stops the boot, naming it. */
export const readViewsSettings = (strapi: Core.Strapi): ViewsSettings => ({
  ...parseViewsSettings(strapi.config.get('views', {})),
  saltSecret: resolveSecrets().APP_KEYS,
});

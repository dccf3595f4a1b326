import type { Core } from '@strapi/strapi';

import { resolveSecrets } from '../setup/secrets';

export interface ViewsSettings {
  /** A visitor counts once per article within this many seconds; 0 counts every view. */
  dedupeWindowSeconds: number;
  /** Views requests allowed per client IP per window; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** The rate limit's window in seconds: 60 unless a test or an operator shortens it. */
  rateLimitWindowSeconds: number;
  /** How often buffered views are written; 0 writes every view at once. */
  flushIntervalMs: number;
  /** Redis shared by all instances for deduplication and rate limits; empty: in process. */
  redisUrl: string;
  /** Secret the daily visitor salt is derived from (the same on every instance). */
  saltSecret: string;
}

const VARIABLES: Record<
  'dedupeWindowSeconds' | 'rateLimitPerMinute' | 'rateLimitWindowSeconds' | 'flushIntervalMs',
  string
> = {
  dedupeWindowSeconds: 'VIEWS_DEDUPE_WINDOW_SECONDS',
  rateLimitPerMinute: 'VIEWS_RATE_LIMIT_PER_MINUTE',
  rateLimitWindowSeconds: 'VIEWS_RATE_LIMIT_WINDOW_SECONDS',
  flushIntervalMs: 'VIEWS_FLUSH_INTERVAL_MS',
};

const wholeNumber = (name: string, value: unknown): number => {
  const text = String(value ?? '').trim();
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new Error(`${name} must be a whole number of 0 or more, not "${text}".`);
  }
  return Number(text);
};

/** The counter's settings from `config/views.ts`; a malformed value stops the boot, naming it. */
export const readViewsSettings = (strapi: Core.Strapi): ViewsSettings => {
  const raw = strapi.config.get<Record<string, unknown>>('views', {});
  const numbers = Object.fromEntries(
    Object.entries(VARIABLES).map(([key, variable]) => [key, wholeNumber(variable, raw[key])]),
  ) as Pick<ViewsSettings, keyof typeof VARIABLES>;
  if (numbers.rateLimitWindowSeconds === 0) {
    throw new Error(
      'VIEWS_RATE_LIMIT_WINDOW_SECONDS must be at least 1 (turn the limit off with VIEWS_RATE_LIMIT_PER_MINUTE=0).',
    );
  }
  return {
    ...numbers,
    redisUrl: String(raw.redisUrl ?? ''),
    saltSecret: resolveSecrets().APP_KEYS,
  };
};

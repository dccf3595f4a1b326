import type { Core } from '@strapi/strapi';

/** The view counter's settings (read by `src/views/settings.ts`, checked at boot). */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  dedupeWindowSeconds: env('VIEWS_DEDUPE_WINDOW_SECONDS', '1800'),
  rateLimitPerMinute: env('VIEWS_RATE_LIMIT_PER_MINUTE', '120'),
  rateLimitWindowSeconds: env('VIEWS_RATE_LIMIT_WINDOW_SECONDS', '60'),
  flushIntervalMs: env('VIEWS_FLUSH_INTERVAL_MS', '1000'),
  redisUrl: env('REDIS_URL', ''),
});

export default config;

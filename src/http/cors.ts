import type { Context } from 'koa';

import { ADMIN_PATH } from '../constants';

/** `CORS_ORIGINS` in production is unset, empty or `*`: the start is refused, naming it. */
export class CorsOriginsError extends Error {
  constructor(value: string) {
    super(
      `CORS_ORIGINS must list the origins allowed to call the API from a browser in production ` +
        `(comma-separated, e.g. https://www.example.com), not ${value ? `"${value}"` : 'unset'}. ` +
        'See docs/configuration.md, "Server".',
    );
    this.name = 'CorsOriginsError';
  }
}

/** An origin as browsers send it: scheme, host and port, nothing after. */
const ORIGIN_PATTERN = /^https?:\/\/[^/?#\s]+$/;

/**
 * The origins `CORS_ORIGINS` lists, or `'*'` (development only: any origin, never with
 * credentials). In production it must list origins; each must look like an origin.
 */
export const resolveCorsOrigins = (env: NodeJS.ProcessEnv = process.env): string[] | '*' => {
  const raw = (env.CORS_ORIGINS ?? '').trim();
  const listed = raw
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  const wildcard = listed.length === 0 || listed.includes('*');
  if (wildcard && env.NODE_ENV === 'production') throw new CorsOriginsError(raw);
  if (wildcard) return '*';
  const malformed = listed.filter((origin) => !ORIGIN_PATTERN.test(origin));
  if (malformed.length > 0) {
    throw new Error(
      `CORS_ORIGINS has ${malformed.map((origin) => `"${origin}"`).join(', ')}, which ` +
        'is not an origin: write scheme and host (and port), e.g. https://www.example.com.',
    );
  }
  return listed;
};

const isAdminPath = (path: string) => path === ADMIN_PATH || path.startsWith(`${ADMIN_PATH}/`);

/**
 * `strapi::cors`'s config: a listed origin is answered with credentials; under `'*'` any origin
 * is answered without them; `/admin` (same-origin, where the admin's session cookie lives) never
 * answers CORS at all.
 */
export const corsConfig = (origins: string[] | '*') => ({
  // Strapi reflects the request's Origin when the list includes it (or `*`), else sends nothing.
  origin: (ctx: Context): string[] =>
    isAdminPath(ctx.path) ? [] : origins === '*' ? ['*'] : origins,
  credentials: (ctx: Context): boolean =>
    origins !== '*' && !isAdminPath(ctx.path) && origins.includes(ctx.get('Origin')),
});

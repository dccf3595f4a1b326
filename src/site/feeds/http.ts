import { createHash } from 'node:crypto';

import type { Context } from 'koa';

/** The content types of what this room answers. */
export const CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

/**
 * How long clients and shared caches may keep a feed or sitemap: readers and crawlers poll, a
 * minute's lag is fine, and `stale-while-revalidate` lets a CDN answer while it refetches.
 */
export const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/**
 * Sends `body` with its ETag (a hash of the bytes, so unchanged content keeps it) and answers
 * `304 Not Modified` when the client's `If-None-Match` names it (Koa's `ctx.fresh`).
 */
export const sendDocument = (ctx: Context, type: keyof typeof CONTENT_TYPES, body: string) => {
  const bytes = Buffer.from(body, 'utf8');
  ctx.status = 200;
  ctx.set('Cache-Control', CACHE_CONTROL);
  ctx.set('ETag', `"${createHash('sha1').update(bytes).digest('base64url')}"`);
  ctx.type = CONTENT_TYPES[type];
  if (ctx.fresh) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.body = bytes;
};

/** A 404 in plain text that says what was not found (never echoing input that is not a slug). */
export const sendNotFound = (ctx: Context, message: string) => {
  ctx.status = 404;
  ctx.set('Cache-Control', CACHE_CONTROL);
  ctx.type = CONTENT_TYPES.text;
  ctx.body = `${message}\n`;
};

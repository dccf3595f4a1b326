import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import { availabilityOf, isDatabaseUnavailable } from '../availability';
import { ADMIN_PATH } from '../constants';
import { normalisedKey, rawKey } from './key';
import type { CompiledRoute } from './routes';
import { type ResponseCache, responseCacheOf } from './runtime';
import type { CachedAnswer, Found } from './store';
import { inspectBody } from './tags';

/** Content types an entry may hold: JSON for the API, text/XML/HTML for feeds and sitemaps. */
const STORABLE_TYPE =
  /^(application\/(?:[\w.+-]*\+)?json|application\/(?:[\w.+-]*\+)?xml|text\/(?:xml|html|plain))\b/;

/** What the route's cacheable middleware leaves in `ctx.state` (the router did pick that route). */
export interface CacheableState {
  cacheable?: true;
  /**
   * The document ids a text answer (an HTML page, a feed) shows, set by its handler: a JSON
   * answer's are read from its body, a text one's cannot be. The route's list tag is added.
   */
  cacheTags?: string[];
}

/**
 * Requests that are never answered from, nor stored in, the cache: `header` reads a request
 * header ('' or undefined when absent), so Koa's path and the lane share the rule.
 */
export const isBypassedRequest = (
  path: string,
  header: (name: string) => string | undefined,
): boolean =>
  Boolean(header('authorization')) ||
  Boolean(header('x-preview-secret')) ||
  path.endsWith('/preview') ||
  path === ADMIN_PATH ||
  path.startsWith(`${ADMIN_PATH}/`);

const isBypassed = (ctx: Context): boolean => isBypassedRequest(ctx.path, (name) => ctx.get(name));

/**
 * Response headers an entry does not keep: the ones each answer gets anew (length, date, the
 * connection's), the cache's own (sent from the entry), CORS's (they depend on the request's
 * `Origin`) and cookies (an answer that sets one is never stored).
 */
const PER_REQUEST_HEADER =
  /^(?:content-length|content-type|date|connection|keep-alive|transfer-encoding|etag|cache-control|surrogate-key|cache-tag|x-cache|age|set-cookie|access-control-.*)$/i;

/** The headers the middlewares in front of the cache have set on `ctx`, per-request ones left out. */
const stackHeaders = (ctx: Context): Record<string, string> => {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.response.headers)) {
    if (value === undefined || PER_REQUEST_HEADER.test(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return kept;
};

const etagOf = (body: Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for GET). */
export const matchesIfNoneMatch = (header: string | undefined, etag: string): boolean => {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
};

/** The cache's headers of an answer sent from `answer`, in Koa's path and in the lane. */
export const cacheHeaders = (
  answer: CachedAnswer,
  cache: ResponseCache,
  xCache: 'HIT' | 'MISS' | 'STALE',
): Record<string, string> => {
  const ttl = Math.round(answer.ttlMs / 1000);
  const stale = cache.settings.staleSeconds;
  return {
    ETag: answer.etag,
    'Cache-Control': `public, max-age=${ttl}, stale-while-revalidate=${stale}, stale-if-error=${stale}`,
    'Surrogate-Key': answer.tags.join(' '),
    'Cache-Tag': answer.tags.join(','),
    'X-Cache': xCache,
    Age: String(Math.max(0, Math.floor((cache.now() - answer.storedAt) / 1000))),
  };
};

/** Sends `answer` with the cache's headers; `304` when the client already holds its bytes. */
const send = (
  ctx: Context,
  answer: CachedAnswer,
  cache: ResponseCache,
  xCache: 'HIT' | 'MISS' | 'STALE',
): void => {
  ctx.set(cacheHeaders(answer, cache, xCache));
  if (matchesIfNoneMatch(ctx.get('If-None-Match'), answer.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.type = answer.contentType;
  ctx.body = answer.body;
};

/**
 * The answer downstream gave, as an entry, or `undefined` when it must not be stored: not a 200,
 * a stream, a type we do not hold, one that sets a cookie, or a body with a draft in it
 * (`publishedAt: null`). `headers`: the stack's headers before downstream ran.
 */
const captured = (
  ctx: Context,
  route: CompiledRoute,
  cache: ResponseCache,
  headers: Record<string, string>,
): CachedAnswer | undefined => {
  if (ctx.status !== 200 || ctx.body === null || ctx.body === undefined) return undefined;
  if (ctx.response.get('Set-Cookie')) return undefined;
  const contentType = String(ctx.response.get('Content-Type') || '');
  if (!STORABLE_TYPE.test(contentType)) return undefined;
  let body: Buffer;
  let documentIds: string[] = (ctx.state as CacheableState).cacheTags ?? [];
  if (Buffer.isBuffer(ctx.body)) body = ctx.body;
  else if (typeof ctx.body === 'string') body = Buffer.from(ctx.body);
  else if (
    typeof ctx.body === 'object' &&
    typeof (ctx.body as { pipe?: unknown }).pipe !== 'function'
  ) {
    const inspection = inspectBody(ctx.body);
    if (inspection.holdsDraft) return undefined;
    documentIds = [...new Set([...documentIds, ...inspection.documentIds])];
    body = Buffer.from(JSON.stringify(ctx.body));
  } else return undefined;
  const ttlSeconds = route.ttlSeconds ?? cache.settings.ttlSeconds;
  return {
    body,
    contentType,
    headers,
    etag: etagOf(body),
    tags: [...new Set([...documentIds, route.list])],
    storedAt: cache.now(),
    ttlMs: ttlSeconds * 1000,
    staleMs: cache.settings.staleSeconds * 1000,
  };
};

/** Whether downstream's outcome is an outage a stale entry may stand in for. */
const downstreamFailed = async (ctx: Context, strapi: Core.Strapi): Promise<boolean> => {
  if (ctx.status >= 500) return true;
  if (ctx.status !== 401) return false;
  return !(await availabilityOf(strapi).probe.check({ fresh: true })).up;
};

/**
 * The response cache in front of the router (see docs/cache.md): anonymous GET/HEAD requests of
 * registered routes are answered from the store when it holds a fresh entry (no query, no
 * permission lookup); a miss runs downstream once per key and stores a storable answer.
 */
export const responseCacheMiddleware = (strapi: Core.Strapi) => {
  const cache = responseCacheOf(strapi);
  const { store } = cache;

  /** Runs downstream; sends a stale entry instead when the database fails. */
  const load = async (ctx: Context, next: Next, stale: Found | undefined): Promise<boolean> => {
    try {
      await next();
    } catch (error) {
      if (stale && isDatabaseUnavailable(error)) {
        send(ctx, stale.answer, cache, 'STALE');
        return false;
      }
      throw error;
    }
    if (stale && (await downstreamFailed(ctx, strapi))) {
      send(ctx, stale.answer, cache, 'STALE');
      return false;
    }
    return true;
  };

  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const route = cache.routeFor(ctx.path);
    if (!route) return next();
    if (isBypassed(ctx)) {
      await next();
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }

    const raw = rawKey(ctx.path, ctx.querystring);
    let found = store.get(raw);
    let key = found?.key ?? raw;
    if (!found) {
      key = normalisedKey(ctx.path, ctx.querystring, route.query);
      found = store.get(key);
      if (found) store.alias(raw, key);
    }
    if (found && !found.stale) return send(ctx, found.answer, cache, 'HIT');

    if (cache.shared) {
      // Another instance may have loaded it: kept here too unless a purge ran meanwhile.
      const generation = store.generation;
      const remote = await cache.shared.get(key);
      if (remote && cache.now() - remote.storedAt < remote.ttlMs) {
        if (store.generation === generation) {
          store.set(key, remote);
          store.alias(raw, key);
        }
        return send(ctx, remote, cache, 'HIT');
      }
      // Stored here by a load that ended while Redis answered.
      const meanwhile = store.get(key);
      if (meanwhile && !meanwhile.stale) return send(ctx, meanwhile.answer, cache, 'HIT');
    }

    const leader = cache.inflight.get(key);
    if (leader) {
      const answer = await leader;
      if (answer) return send(ctx, answer, cache, 'HIT');
      await load(ctx, next, found);
      return;
    }

    const generation = store.generation;
    let settle: (answer: CachedAnswer | undefined) => void = () => undefined;
    cache.inflight.set(key, new Promise((resolve) => (settle = resolve)));
    cache.loads += 1;
    let answer: CachedAnswer | undefined;
    // What the middlewares in front have set: a Koa-path hit would carry the same (the lane too).
    const headers = stackHeaders(ctx);
    try {
      if (!(await load(ctx, next, found))) return;
      // The route's own middleware confirms the router picked a cacheable route.
      if (!(ctx.state as CacheableState).cacheable) return;
      answer = captured(ctx, route, cache, headers);
      if (!answer) return;
      // A purge since this load began: its answer may predate the write, so it is not kept
      // nor handed to the requests waiting on it (they load again).
      if (store.generation === generation) {
        store.set(key, answer);
        store.alias(raw, key);
        void cache.shared?.set(key, answer);
      } else {
        answer = undefined;
        ctx.set('Cache-Control', 'no-cache');
        return;
      }
      send(ctx, answer, cache, 'MISS');
    } finally {
      cache.inflight.delete(key);
      settle(answer);
    }
  };
};

import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Core } from '@strapi/strapi';

import { availabilityOf } from '../availability';
import { logRequest } from '../http/request-log';
import { cacheHeaders, isBypassedRequest, matchesIfNoneMatch } from './http';
import { rawKey } from './key';
import { responseCacheOf } from './runtime';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** A request header as one string ('' when absent), for the rules Koa's path shares. */
const headerOf = (req: IncomingMessage) => (name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/**
 * The fast lane (see docs/cache.md): a FRESH hit answered from Node's `request` event, before
 * Koa and its middlewares, with the headers the Koa path would have sent (the stack's, kept with
 * the entry, then the cache's) and the same request-log line. Answers `false`, having sent
 * nothing, whenever the request must take Koa's path instead:
 * - not GET/HEAD, or it carries `Authorization`, `X-Preview-Secret`, `Cookie` or `Origin`
 *   (credentials, previews and sessions stay Koa's; so do CORS answers);
 * - the instance is draining (global::drain answers 503);
 * - the path is no cacheable route, or its raw key (or the alias it left) holds no fresh entry:
 *   normalisation, stale answers, outages, Redis and coalesced loads all stay in Koa's path.
 */
export const createCacheLane = (strapi: Core.Strapi) => {
  const cache = responseCacheOf(strapi);
  const { drain } = availabilityOf(strapi);

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const startedAt = Date.now();
    const { method, headers } = req;
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (
      headers.authorization !== undefined ||
      headers['x-preview-secret'] !== undefined ||
      headers.cookie !== undefined ||
      headers.origin !== undefined
    ) {
      return false;
    }
    if (drain.draining) return false;
    const url = req.url ?? '';
    // Only what Koa would split the same way: an origin-form target without a fragment.
    if (url.charCodeAt(0) !== 47 /* '/' */ || url.includes('#')) return false;
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (!cache.routeFor(path) || isBypassedRequest(path, headerOf(req))) return false;
    const found = cache.store.get(rawKey(path, queryAt === -1 ? '' : url.slice(queryAt + 1)));
    if (!found || found.stale) return false;

    const { answer } = found;
    cache.laneHits += 1;
    const sent: Record<string, string | number> = {
      ...answer.headers,
      ...cacheHeaders(answer, cache, 'HIT'),
    };
    let status = 200;
    if (matchesIfNoneMatch(headerOf(req)('if-none-match'), answer.etag)) {
      status = 304;
      res.writeHead(status, sent);
      res.end();
    } else {
      sent['Content-Type'] = answer.contentType;
      sent['Content-Length'] = answer.body.length;
      res.writeHead(status, sent);
      res.end(method === 'HEAD' ? undefined : answer.body);
    }
    logRequest(strapi, method, url, startedAt, status);
    return true;
  };
};

/**
 * `bootstrap`: puts the lane in front of Strapi's `request` listener (the Koa app), which still
 * answers everything the lane does not. Strapi creates its HTTP server before `bootstrap` and
 * listens after it, so no request can reach the server before the lane is in place.
 */
export const installCacheLane = (strapi: Core.Strapi): void => {
  if (!responseCacheOf(strapi).settings.enabled) return;
  const server = strapi.server.httpServer;
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1) {
    strapi.log.warn(
      `response cache: lane not installed (${listeners.length} request listeners, expected 1)`,
    );
    return;
  }
  const [koa] = listeners;
  const lane = createCacheLane(strapi);
  server.removeListener('request', koa);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!lane(req, res)) koa.call(server, req, res);
  });
};

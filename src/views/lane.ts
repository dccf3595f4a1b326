import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Core } from '@strapi/strapi';
import proxyaddr from 'proxy-addr';

import { availabilityOf } from '../availability';
import { ARTICLE_UID, DOCUMENT_ID_PATTERN } from '../constants';
import { clientIpTrustOf } from '../http/client-ip-trust';
import { logRequest } from '../http/request-log';
import { authenticatePublic } from '../permissions';
import { NO_PUBLISHED_ARTICLE } from './http';
import { viewsOf } from './runtime';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** How many views the lane answered itself, per instance (its tests read it). */
const answered = new WeakMap<Core.Strapi, { count: number }>();
export const viewsLaneAnswers = (strapi: Core.Strapi): number => answered.get(strapi)?.count ?? 0;

/** At most this many `Origin` values have their answer headers kept (the rest take Koa's path). */
const MAX_ORIGINS = 32;

/** Headers each answer gets anew: never kept, never replayed. */
const PER_ANSWER_HEADER =
  /^(?:content-length|content-type|date|connection|keep-alive|transfer-encoding|set-cookie|retry-after)$/i;

/**
 * The headers the global stack (security headers, CSP, CORS) put on an anonymous view's answer,
 * per `Origin` (CORS's headers depend on it; '' for none), as `global::fast-views` saw them on
 * Koa's path: the lane replays them, so its answers carry exactly what Koa's would.
 */
const keptHeaders = new WeakMap<Core.Strapi, Map<string, Record<string, string>>>();

/** Called by `global::fast-views` on Koa's path with the headers set so far (see {@link keptHeaders}). */
export const keepViewHeaders = (
  strapi: Core.Strapi,
  origin: string,
  headers: Record<string, string | string[] | number | undefined>,
): void => {
  let byOrigin = keptHeaders.get(strapi);
  if (!byOrigin) keptHeaders.set(strapi, (byOrigin = new Map()));
  if (byOrigin.has(origin) || byOrigin.size >= MAX_ORIGINS) return;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_ANSWER_HEADER.test(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  byOrigin.set(origin, kept);
};

const send = (
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
) => {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
};

/**
 * The views lane (see docs/api.md): an anonymous `POST /api/articles/:documentId/views` answered
 * from Node's `request` event, before Koa, once Koa's path (`global::fast-views`) has answered one
 * from the same `Origin` and left its headers. The same rules in the same order: the Public
 * role's permission, the rate limit, then the counter (crawlers, dedupe, per-IP cap, buffer),
 * with the client IP `global::client-ip` would give. Whatever it does not answer itself goes to
 * Koa, which answers it as before: a refused permission (401/403), an address over the rate limit
 * (429, with its warning logged), any error; and, before anything is done, a request with
 * `Authorization`, a body, a query string, an unknown `Origin`, or a draining instance.
 * Answers `false` when it leaves the request to Koa at once.
 */
export const createViewsLane = (strapi: Core.Strapi, koa: RequestListener) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const head = `${prefix}/articles/`;
  const tail = '/views';
  const handler = `${ARTICLE_UID}.recordView`;
  const { drain } = availabilityOf(strapi);

  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
    documentId: string,
    startedAt: number,
  ) => {
    const trust = clientIpTrustOf(strapi);
    const auth = await authenticatePublic(strapi);
    if (!trust || !auth.authenticated || !auth.ability.can(handler)) return koa(req, res);
    const ip = proxyaddr(req, trust);
    const views = viewsOf(strapi);
    if ((await views.retryAfter(ip)) !== null) return koa(req, res);
    const recorded = await views.record({
      documentId,
      ip,
      userAgent: req.headers['user-agent'] ?? '',
    });
    const status = recorded ? 200 : 404;
    send(
      res,
      status,
      headers,
      recorded
        ? { data: recorded }
        : {
            data: null,
            error: { status, name: 'NotFoundError', message: NO_PUBLISHED_ARTICLE, details: {} },
          },
    );
    logRequest(strapi, 'POST', req.url ?? '', startedAt, status);
    const stats = answered.get(strapi) ?? { count: 0 };
    stats.count += 1;
    answered.set(strapi, stats);
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const startedAt = Date.now();
    const url = req.url ?? '';
    if (req.method !== 'POST' || !url.startsWith(head) || !url.endsWith(tail)) return false;
    const { headers } = req;
    if (
      headers.authorization !== undefined ||
      headers['transfer-encoding'] !== undefined ||
      (headers['content-length'] !== undefined && headers['content-length'] !== '0') ||
      drain.draining
    ) {
      return false;
    }
    const documentId = url.slice(head.length, -tail.length);
    if (!DOCUMENT_ID_PATTERN.test(documentId)) return false;
    const kept = keptHeaders.get(strapi)?.get(headers.origin ?? '');
    if (!kept) return false;
    // Counted as under way, as global::drain counts Koa's: a shutdown waits for its answer.
    drain.track(res);
    answer(req, res, kept, documentId, startedAt).catch(() => {
      // Nothing sent yet: Koa's path answers it (and formats or logs the error) as it would have;
      // global::drain counts it again, and both counts end when the answer does.
      if (!res.headersSent) koa(req, res);
      else res.destroy();
    });
    return true;
  };
};

/**
 * `bootstrap`: puts the views lane in front of the server's `request` listener (Koa, or the
 * response cache's lane in front of it). Strapi listens only after `bootstrap`.
 */
export const installViewsLane = (strapi: Core.Strapi): void => {
  const server = strapi.server.httpServer;
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1) {
    strapi.log.warn(
      `views: lane not installed (${listeners.length} request listeners, expected 1)`,
    );
    return;
  }
  const [next] = listeners;
  const koa: RequestListener = (req, res) => next.call(server, req, res);
  const lane = createViewsLane(strapi, koa);
  server.removeListener('request', next);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!lane(req, res)) koa(req, res);
  });
};

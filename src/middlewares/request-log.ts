import type { Core } from '@strapi/strapi';

import { logRequest } from '../http/request-log';

/**
 * One `http` log line per request, as `strapi::logger` writes it (`GET /api/... (12 ms) 200`),
 * but with secrets and tokens in the query replaced by `[REDACTED]` (see `src/http/redact.ts`):
 * `strapi::logger` writes `ctx.url` whole, and this one takes its place.
 */
const requestLog: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    const start = Date.now();
    await next();
    logRequest(strapi, ctx.method, ctx.url, start, ctx.status);
  };

export default requestLog;

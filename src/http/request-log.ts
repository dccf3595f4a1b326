import type { Core } from '@strapi/strapi';

import { redactUrl } from './redact';

/**
 * Writes a request's `http` log line, as `strapi::logger` would (`GET /api/... (12 ms) 200`) but
 * with secrets in the query redacted: `global::request-log` and the response cache's lane (which
 * answers before Koa) both write it here.
 */
export const logRequest = (
  strapi: Core.Strapi,
  method: string,
  url: string,
  startedAt: number,
  status: number,
): void => {
  const delta = Math.ceil(Date.now() - startedAt);
  strapi.log.http(`${method} ${redactUrl(url)} (${delta} ms) ${status}`);
};

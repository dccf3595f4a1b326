import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { DOCUMENT_ID_PATTERN } from '../constants';
import { viewsOf } from './runtime';

/**
 * The rate limit of `POST /articles/:documentId/views`: at most `VIEWS_RATE_LIMIT_PER_MINUTE`
 * per client IP per minute (shared by all instances through Redis when `REDIS_URL` is set).
 * Over it: `Retry-After` and a `RateLimitError` (429 in Strapi's error shape) thrown.
 */
export const refuseViewsOverRateLimit = async (strapi: Core.Strapi, ctx: Context) => {
  const retryAfter = await viewsOf(strapi).retryAfter(ctx.request.ip);
  if (retryAfter === null) return;
  ctx.set('Retry-After', String(retryAfter));
  throw new errors.RateLimitError(
    `Too many views from this address: try again in ${retryAfter} s`,
    { retryAfter },
  );
};

/** The 404's message for an unknown or unpublished article (the views lane answers it too). */
export const NO_PUBLISHED_ARTICLE = 'No published article has this document id';

/**
 * Records one view of `documentId` from the request's client and answers it: `{ data }`, or a
 * 404 (set on `ctx`, `undefined` returned) when no published article has this document id.
 */
export const answerView = async (strapi: Core.Strapi, ctx: Context, documentId: string) => {
  const recorded = DOCUMENT_ID_PATTERN.test(documentId)
    ? await viewsOf(strapi).record({
        documentId,
        ip: ctx.request.ip,
        userAgent: ctx.get('User-Agent'),
      })
    : null;
  if (!recorded) return ctx.notFound(NO_PUBLISHED_ARTICLE);
  return { data: recorded };
};

import type { Context } from 'koa';

/**
 * Answers 503 in Strapi's error shape with `Retry-After`: the request can be sent again (to this
 * instance later, or to another one), nothing of it was done.
 */
export const answerUnavailable = (
  ctx: Context,
  message: string,
  retryAfterSeconds: number,
): void => {
  ctx.status = 503;
  ctx.set('Retry-After', String(retryAfterSeconds));
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: null,
    error: { status: 503, name: 'ServiceUnavailableError', message, details: {} },
  };
};

import type { Core } from '@strapi/strapi';

const NAMES: Record<number, string> = {
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
};

/**
 * An unknown path or method under `/api` (answered by Koa's router or the static-file fallback
 * with plain text) gets Strapi's JSON error shape, as every other API error does.
 */
const jsonErrors: Core.MiddlewareFactory = () => async (ctx, next) => {
  await next();
  const name = NAMES[ctx.status];
  if (!name || !ctx.path.startsWith('/api') || ctx.response.is('json')) return;
  const status = ctx.status;
  const message =
    status === 405 ? `Method ${ctx.method} is not allowed on ${ctx.path}` : 'Not Found';
  ctx.body = { data: null, error: { status, name, message, details: {} } };
  ctx.status = status;
};

export default jsonErrors;

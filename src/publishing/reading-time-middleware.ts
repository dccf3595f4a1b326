import { ARTICLE_UID } from '../constants';
import type { DocumentMiddleware } from './context';
import { writeParams } from './context';
import { readingTimeMinutes } from './reading-time';

/** `readingTimeMinutes` is derived from the body on every save; what a caller sends is ignored. */
export const readingTimeMiddleware: DocumentMiddleware = async (ctx, next) => {
  if (ctx.uid !== ARTICLE_UID || (ctx.action !== 'create' && ctx.action !== 'update')) {
    return next();
  }
  const params = writeParams(ctx);
  if (!params.data) return next();
  const { readingTimeMinutes: _ignored, ...data } = params.data;
  params.data =
    'body' in data ? { ...data, readingTimeMinutes: readingTimeMinutes(data.body) } : data;
  return next();
};

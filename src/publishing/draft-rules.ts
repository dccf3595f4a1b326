import { ARTICLE_UID } from '../constants';
import { type DocumentMiddleware, fieldError, writeParams } from './context';

/**
 * Strapi checks `required` only when publishing a draft-and-publish type. An article draft
 * without a title cannot be found in the admin's list nor given a slug, so it is refused at
 * every save.
 */
export const draftRulesMiddleware: DocumentMiddleware = async (ctx, next) => {
  if (ctx.uid !== ARTICLE_UID || (ctx.action !== 'create' && ctx.action !== 'update')) {
    return next();
  }
  const data = writeParams(ctx).data ?? {};
  const checksTitle = ctx.action === 'create' || 'title' in data;
  if (checksTitle && (typeof data.title !== 'string' || data.title.trim() === '')) {
    throw fieldError('title', 'title is required');
  }
  return next();
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { ARTICLE_UID } from '../constants';
import { currentActor, isAdminWithoutSchedulingRight } from './actor';
import { type DocumentMiddleware, writeParams } from './context';

const sameInstant = (a: unknown, b: unknown): boolean => {
  const time = (value: unknown) =>
    value === null || value === undefined || value === ''
      ? null
      : new Date(value as string).getTime();
  return time(a) === time(b);
};

/**
 * Only Editors and Super Admins may set or change `scheduledAt`. Strapi's field-level
 * permissions would silently drop the field; an Author's attempt is refused with a 403 that says
 * why. (The admin form sends the stored value back on every save: only a change counts.)
 */
export const scheduleGuardMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID || (ctx.action !== 'create' && ctx.action !== 'update')) {
      return next();
    }
    const params = writeParams(ctx);
    const data = params.data ?? {};
    if (!('scheduledAt' in data)) return next();

    let stored: unknown = null;
    if (ctx.action === 'update' && params.documentId) {
      const draft: { scheduledAt: unknown } | null = await strapi.db.query(ARTICLE_UID).findOne({
        select: ['scheduledAt'],
        where: { documentId: params.documentId, publishedAt: null },
      });
      stored = draft?.scheduledAt ?? null;
    }
    if (
      !sameInstant(data.scheduledAt, stored) &&
      isAdminWithoutSchedulingRight(currentActor(strapi))
    ) {
      throw new errors.ForbiddenError(
        'Only Editors can schedule publication: ask an editor to schedule this article.',
      );
    }
    return next();
  };

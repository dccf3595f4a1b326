import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { ARTICLE_UID } from '../constants';
import { currentActor, isAdminWithoutSchedulingRight } from './actor';
import { type DocumentMiddleware, writeParams } from './context';

const timeOf = (value: unknown): number | null =>
  value === null || value === undefined || value === ''
    ? null
    : new Date(value as string).getTime();

/**
 * Only Editors and Super Admins may set or change `scheduledAt`, or edit or delete a scheduled
 * article.
 * Strapi's field-level permissions would silently drop the field; an Author's attempt is refused
 * with a 403 that says why. (The admin form sends the stored value back on every save: only a
 * change counts.) A PolicyError is the one 403 whose message Strapi passes on to the admin.
 */
export const scheduleGuardMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID || !['create', 'update', 'delete'].includes(ctx.action)) {
      return next();
    }
    if (!isAdminWithoutSchedulingRight(currentActor(strapi))) return next();
    const params = writeParams(ctx);
    const data = params.data ?? {};

    let stored: unknown = null;
    if (ctx.action !== 'create' && params.documentId) {
      const draft: { scheduledAt: unknown } | null = await strapi.db.query(ARTICLE_UID).findOne({
        select: ['scheduledAt'],
        where: { documentId: params.documentId, publishedAt: null },
      });
      stored = draft?.scheduledAt ?? null;
    }
    if ('scheduledAt' in data && timeOf(data.scheduledAt) !== timeOf(stored)) {
      throw new errors.PolicyError(
        'Only Editors can schedule publication: ask an editor to schedule this article.',
      );
    }
    if (stored !== null) {
      throw new errors.PolicyError(
        'This article is scheduled for publication: only Editors can change it now.',
      );
    }
    return next();
  };

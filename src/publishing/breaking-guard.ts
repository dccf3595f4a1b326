import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { ARTICLE_UID } from '../constants';
import { currentActor, isAdminWithoutEditorRights } from './actor';
import { type DocumentMiddleware, fieldError, writeParams } from './context';

const timeOf = (value: unknown): number | null =>
  value === null || value === undefined || value === ''
    ? null
    : new Date(value as string).getTime();

const isOn = (value: unknown): boolean => value === true || value === 'true';

/**
 * Breaking news (`breaking`, `breakingUntil`) is an Editor's call: an Author's save that changes
 * either is refused with a 403 that says so (Strapi's field permissions would drop the fields
 * silently; the admin form sends the stored values back on every save, so only a change counts).
 * Breaking news needs an end: `breaking` on without `breakingUntil` is a 400 naming the field.
 */
export const breakingGuardMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID || (ctx.action !== 'create' && ctx.action !== 'update')) {
      return next();
    }
    const params = writeParams(ctx);
    const data = params.data ?? {};
    if (!('breaking' in data) && !('breakingUntil' in data)) return next();

    const stored: { breaking: unknown; breakingUntil: unknown } | null =
      ctx.action === 'update' && params.documentId
        ? await strapi.db.query(ARTICLE_UID).findOne({
            select: ['breaking', 'breakingUntil'],
            where: { documentId: params.documentId, publishedAt: null },
          })
        : null;
    const breaking = 'breaking' in data ? isOn(data.breaking) : isOn(stored?.breaking);
    const until = 'breakingUntil' in data ? data.breakingUntil : stored?.breakingUntil;
    const changes =
      breaking !== isOn(stored?.breaking) ||
      timeOf(until) !== timeOf(stored?.breakingUntil ?? null);

    if (changes && isAdminWithoutEditorRights(currentActor(strapi))) {
      throw new errors.PolicyError(
        'Only Editors can flag breaking news: ask an editor to set "breaking" and "breakingUntil".',
      );
    }
    if (breaking && timeOf(until) === null) {
      throw fieldError('breakingUntil', 'Breaking news needs an end: set breakingUntil');
    }
    return next();
  };

import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../constants';
import { documentIdOf, type DocumentMiddleware, writeParams } from '../publishing/context';
import { type RecordRequest, type RevisionAction, revisionsOf } from './history';
import { currentOrigin } from './origin';
import { readSnapshot } from './snapshot';

const RECORDED: readonly string[] = [
  'create',
  'update',
  'publish',
  'unpublish',
  'discardDraft',
  'delete',
] satisfies RevisionAction[];

/** Set while a restore writes: its revision says so and names the revision it brought back. */
export interface RestoreMark {
  restoredFrom: number;
}

/** Whether the call changed anything: an unpublish or discard of a draft-only article does not. */
const changed = (action: string, result: unknown): boolean => {
  if (result === null || result === undefined) return false;
  if (['publish', 'unpublish', 'discardDraft', 'delete'].includes(action)) {
    const entries = (result as { entries?: unknown[] }).entries;
    return !Array.isArray(entries) || entries.length > 0;
  }
  return true;
};

/**
 * Records a revision of every change to an article, on every path (admin, bulk actions, API
 * tokens, the scheduler, the seed, a restore): registered outside the publishing middlewares, so
 * a refused write (which throws, its transaction rolled back) records nothing. The revision is
 * written once the change has committed: before the call answers, or, inside a caller's transaction (the
 * scheduler's, a bulk action's), when that commits; never if it rolls back.
 */
export const revisionsMiddleware =
  (strapi: Core.Strapi, restoring: () => RestoreMark | undefined): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID || !RECORDED.includes(ctx.action)) return next();
    const history = revisionsOf(strapi);
    if (!history.settings.enabled) return next();

    const origin = currentOrigin(strapi);
    const target = writeParams(ctx).documentId;
    // After a delete nothing is left to read: keep the draft as it was.
    const before =
      ctx.action === 'delete' && target
        ? (await readSnapshot(strapi, target))?.snapshot
        : undefined;

    const result = await next();
    const documentId = documentIdOf(ctx, result);
    if (!documentId || !changed(ctx.action, result)) return result;

    const request: RecordRequest = {
      documentId,
      action: ctx.action as RevisionAction,
      origin,
      before,
      restoredFrom: restoring()?.restoredFrom,
    };
    if (strapi.db.inTransaction()) {
      await strapi.db.transaction(async ({ onCommit }) =>
        onCommit(() => void history.record(request)),
      );
    } else {
      // Awaited: the save's answer comes once its revision is listed (the side panel reloads).
      await history.record(request);
    }
    return result;
  };

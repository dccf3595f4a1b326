import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../constants';
import { runAsScheduler } from './actor';
import { writeLogEntry } from './publication-log';

interface DueDraft {
  documentId: string;
  title: string | null;
  scheduledAt: string | Date;
}

export interface SchedulerRun {
  published: string[];
  refused: Array<{ documentId: string; reason: string }>;
}

/**
 * Publishes the drafts whose `scheduledAt` has come, through the Document Service (so through
 * every publish rule), and logs each as a scheduled publish. Each article is claimed first with a
 * conditional update (`scheduledAt` cleared only where it still holds the due value) in the same
 * transaction as its publish: on several instances, or two runs at once, exactly one publishes it.
 * The schedule lives in the database, so it survives restarts.
 */
export const publishDueArticles = async (
  strapi: Core.Strapi,
  now: Date = new Date(),
): Promise<SchedulerRun> => {
  const due: DueDraft[] = await strapi.db.query(ARTICLE_UID).findMany({
    select: ['documentId', 'title', 'scheduledAt'],
    where: { publishedAt: null, scheduledAt: { $notNull: true, $lte: now } },
    orderBy: { scheduledAt: 'asc' },
    limit: 100,
  });
  const run: SchedulerRun = { published: [], refused: [] };

  for (const draft of due) {
    const claim = {
      documentId: draft.documentId,
      publishedAt: null,
      scheduledAt: draft.scheduledAt,
    };
    try {
      const claimed = await strapi.db.transaction(async () => {
        // No `updatedAt` moves: a plain-object updateMany leaves timestamps alone.
        const { count } = await strapi.db
          .query(ARTICLE_UID)
          .updateMany({ where: claim, data: { scheduledAt: null } });
        if (count !== 1) return false;
        await runAsScheduler(() =>
          strapi.documents(ARTICLE_UID).publish({ documentId: draft.documentId }),
        );
        return true;
      });
      if (claimed) run.published.push(draft.documentId);
    } catch (error) {
      // Refused by the publish rules (the transaction rolled back): take it off the schedule,
      // so it is not retried every minute, and say why in the log.
      const reason = error instanceof Error ? error.message : String(error);
      const { count } = await strapi.db
        .query(ARTICLE_UID)
        .updateMany({ where: claim, data: { scheduledAt: null } });
      if (count === 1) {
        await runAsScheduler(() =>
          writeLogEntry(strapi, {
            action: 'scheduled-publish-refused',
            documentId: draft.documentId,
            title: draft.title,
            note: reason,
          }),
        );
        run.refused.push({ documentId: draft.documentId, reason });
        strapi.log.warn(`Scheduled publish of "${draft.title}" refused: ${reason}`);
      }
    }
  }
  if (run.published.length > 0) {
    strapi.log.info(`Scheduler published ${run.published.length} article(s).`);
  }
  return run;
};

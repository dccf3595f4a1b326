import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { ARTICLE_UID, PUBLICATION_LOG_UID } from '../constants';
import { currentActor } from './actor';
import { documentIdOf, type DocumentMiddleware, publishes } from './context';

export type LogAction =
  'publish' | 'unpublish' | 'scheduled-publish' | 'scheduled-publish-refused' | 'note-added';

interface LogEntry {
  action: LogAction;
  documentId: string;
  title?: string | null;
  note?: string;
}

/** Set while the server itself writes the log, which is otherwise read-only. */
const serverWrite = new AsyncLocalStorage<true>();

/** Adds one line to the publishing log, as the current actor (inside the caller's transaction). */
export const writeLogEntry = async (strapi: Core.Strapi, entry: LogEntry): Promise<void> => {
  const actor = currentActor(strapi);
  await serverWrite.run(true, () =>
    strapi.documents(PUBLICATION_LOG_UID).create({
      data: {
        action: entry.action,
        articleDocumentId: entry.documentId,
        articleTitle: entry.title?.slice(0, 255) ?? undefined,
        actor: actor.label.slice(0, 255),
        actorId: actor.adminId,
        at: new Date(),
        note: entry.note,
      },
    }),
  );
};

const titleOf = async (strapi: Core.Strapi, documentId: string): Promise<string | null> => {
  const row: { title: string | null } | null = await strapi.db
    .query(ARTICLE_UID)
    .findOne({ select: ['title'], where: { documentId }, orderBy: { publishedAt: 'desc' } });
  return row?.title ?? null;
};

/**
 * Records every publish and unpublish of an article (who, when, which, what), on every path. It
 * runs inside the publish rules' transaction: a refused publish leaves no line.
 */
export const publicationLogMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID) return next();
    if (!publishes(ctx) && ctx.action !== 'unpublish') return next();

    const result = await next();
    const documentId = documentIdOf(ctx, result);
    const entries = (result as { entries?: unknown[] } | null)?.entries;
    if (!documentId || (ctx.action === 'unpublish' && !entries?.length)) return result;
    const action: LogAction =
      ctx.action === 'unpublish'
        ? 'unpublish'
        : currentActor(strapi).scheduler
          ? 'scheduled-publish'
          : 'publish';
    await writeLogEntry(strapi, { action, documentId, title: await titleOf(strapi, documentId) });
    return result;
  };

/** The log is the server's record: nobody edits, adds or deletes lines, not even a Super Admin. */
export const publicationLogReadOnlyMiddleware: DocumentMiddleware = async (ctx, next) => {
  const reads = ['findMany', 'findFirst', 'findOne', 'count'];
  if (ctx.uid === PUBLICATION_LOG_UID && !reads.includes(ctx.action) && !serverWrite.getStore()) {
    // A PolicyError: the one 403 whose message Strapi passes on to the admin.
    throw new errors.PolicyError('The publishing log is read-only: the server writes it.');
  }
  return next();
};

import type { Core } from '@strapi/strapi';

import { REVISION_UID } from '../../src/constants';
import type { RevisionHistory } from '../../src/revisions/history';
import { appModule, type TestApp } from './strapi';

export interface StoredRevision {
  id: number;
  articleDocumentId: string;
  action: string;
  path: string;
  actor: string;
  actorId: number | null;
  at: unknown;
  published: boolean;
  restoredFrom: number | null;
  snapshot: Record<string, unknown> | null;
}

/** The app's own revision history (its compiled module's, so the instance the app uses). */
export const revisionHistory = (app: TestApp): RevisionHistory =>
  appModule<typeof import('../../src/revisions/history')>('revisions/history').revisionsOf(
    app.strapi,
  );

/** An article's stored revisions, oldest first, once every pending one is written. */
export const storedRevisions = async (
  app: TestApp,
  documentId: string,
): Promise<StoredRevision[]> => {
  await revisionHistory(app).settled();
  const rows: StoredRevision[] = await app.strapi.db.query(REVISION_UID).findMany({
    where: { articleDocumentId: documentId },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({
    ...row,
    published: Boolean(row.published),
    snapshot:
      typeof row.snapshot === 'string'
        ? (JSON.parse(row.snapshot) as Record<string, unknown>)
        : row.snapshot,
  }));
};

/** `[action, path]` of each of an article's revisions, oldest first. */
export const revisionTrail = async (app: TestApp, documentId: string) =>
  (await storedRevisions(app, documentId)).map((row) => [row.action, row.path]);

export const countRevisions = (strapi: Core.Strapi) => strapi.db.query(REVISION_UID).count();

/** The revision admin routes, as the edit view's side panel calls them, for one admin user. */
export const revisionsAdmin = (app: TestApp, token: string) => {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    list: (documentId: string, query = '') =>
      app.request().get(`/newsroom-revisions/articles/${documentId}/revisions${query}`).set(auth),
    get: (id: number | string) =>
      app.request().get(`/newsroom-revisions/revisions/${id}`).set(auth),
    diff: (from: number | string, to: number | string) =>
      app.request().get('/newsroom-revisions/diff').query({ from, to }).set(auth),
    restore: (id: number | string) =>
      app.request().post(`/newsroom-revisions/revisions/${id}/restore`).set(auth).send({}),
  };
};

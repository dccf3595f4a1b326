/** The admin-authenticated routes of the revision history (`src/revisions/admin-routes.ts`). */
import type { FieldChange } from '../../revisions/diff';
import type { RevisionSummary } from '../../revisions/history';

export type { FieldChange, RevisionSummary };

export const revisionsUrl = (documentId: string, pageSize = 10) =>
  `/newsroom-revisions/articles/${documentId}/revisions?pageSize=${pageSize}`;

export const diffUrl = (from: number, to: number) =>
  `/newsroom-revisions/diff?from=${from}&to=${to}`;

export const restoreUrl = (id: number) => `/newsroom-revisions/revisions/${id}/restore`;

const ACTIONS: Record<RevisionSummary['action'], string> = {
  create: 'Created',
  update: 'Saved',
  publish: 'Published',
  unpublish: 'Unpublished',
  discardDraft: 'Draft discarded',
  delete: 'Deleted',
};

const PATHS: Record<RevisionSummary['path'], string> = {
  admin: 'in the admin',
  'api-token': 'through the API',
  'api-user': 'through the API',
  scheduler: 'on schedule',
  seed: 'by the seed',
  restore: 'by a restore',
  system: 'by the server',
};

/** "Saved in the admin", "Published on schedule", ... */
export const describeRevision = (revision: RevisionSummary): string =>
  `${ACTIONS[revision.action]} ${PATHS[revision.path]}`;

export const formatWhen = (iso: string): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

/** A changed value as one line of text (relations are document ids, blocks already text). */
export const showValue = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
};

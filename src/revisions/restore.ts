import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { ARTICLE_UID } from '../constants';
import { type Revision, revisionsOf, type RevisionSummary } from './history';
import type { RestoreMark } from './middleware';
import { recordingAs } from './origin';
import { contentAttributes, type Snapshot } from './snapshot';

/**
 * Fields the server keeps whatever a revision held: the reading time (derived from the body),
 * the first-publication date (set once, by the first publish) and the schedule (an Editor sets
 * it on purpose, never as a side effect of bringing old text back).
 */
export const NOT_RESTORED: readonly string[] = [
  'readingTimeMinutes',
  'originallyPublishedAt',
  'scheduledAt',
];

const restoring = new AsyncLocalStorage<RestoreMark>();

/** The restore under way, if any (read by the revisions middleware). */
export const currentRestore = (): RestoreMark | undefined => restoring.getStore();

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string',
  );

/** Relations as `set`s of the related documents that still exist (a deleted one is left out). */
const relationSet = async (strapi: Core.Strapi, target: string, value: unknown) => {
  const wanted = asList(value);
  if (wanted.length === 0) return { set: [] };
  const found: Array<{ documentId: string }> = await strapi.db
    .query(target as UID.Schema)
    .findMany({ select: ['documentId'], where: { documentId: { $in: wanted } } });
  const existing = new Set(found.map((row) => row.documentId));
  return {
    set: wanted.filter((id) => existing.has(id)).map((documentId) => ({ documentId })),
  };
};

/** A snapshot as Document Service `update` data. */
const restorableData = async (strapi: Core.Strapi, snapshot: Snapshot) => {
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of contentAttributes(strapi)) {
    if (NOT_RESTORED.includes(name) || !(name in snapshot)) continue;
    const value = snapshot[name];
    const target = (attribute as { target?: string }).target;
    data[name] =
      attribute.type === 'relation' && target ? await relationSet(strapi, target, value) : value;
  }
  return data;
};

/**
 * Makes revision `id`'s fields the article's current draft (the published version is untouched
 * until an Editor publishes), through the Document Service, so every editorial rule applies and
 * the restore is itself recorded (path `restore`, naming the revision). Answers that new revision.
 */
export const restoreRevision = async (
  strapi: Core.Strapi,
  id: number,
): Promise<{ from: Revision; revision: RevisionSummary | null }> => {
  const history = revisionsOf(strapi);
  const from = await history.get(id);
  if (!from) throw new errors.NotFoundError(`No revision has the id ${id}`);
  if (!from.snapshot) throw new errors.ValidationError(`Revision ${id} holds no fields to restore`);
  const documentId = from.articleDocumentId;
  const draft = await strapi.db
    .query(ARTICLE_UID)
    .findOne({ select: ['id'], where: { documentId, publishedAt: null } });
  if (!draft) {
    throw new errors.NotFoundError(
      `The article of revision ${id} no longer exists: a deleted article cannot be restored here`,
    );
  }
  const data = await restorableData(strapi, from.snapshot);
  await restoring.run({ restoredFrom: id }, () =>
    recordingAs('restore', () =>
      strapi.documents(ARTICLE_UID).update({ documentId, data } as never),
    ),
  );
  await history.settled();
  const latest = await history.list(documentId, { page: 1, pageSize: 1 });
  const revision = latest.data.find((row) => row.restoredFrom === id) ?? null;
  return { from, revision };
};

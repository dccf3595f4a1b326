import type { Core } from '@strapi/strapi';

import { REVISION_UID, REVISIONS_SERVICE } from '../constants';
import type { Origin } from './origin';
import { readRevisionSettings, type RevisionSettings } from './settings';
import { readSnapshot, type Snapshot } from './snapshot';

export type RevisionAction =
  'create' | 'update' | 'publish' | 'unpublish' | 'discardDraft' | 'delete';

export interface Revision {
  id: number;
  documentId: string;
  articleDocumentId: string;
  articleTitle: string | null;
  action: RevisionAction;
  path: Origin['path'];
  actor: string;
  actorId: number | null;
  at: string;
  published: boolean;
  restoredFrom: number | null;
  snapshot: Snapshot | null;
}

/** A revision without its fields: what the list answers. */
export type RevisionSummary = Omit<Revision, 'snapshot'>;

export interface RecordRequest {
  documentId: string;
  action: RevisionAction;
  origin: Origin;
  restoredFrom?: number;
  /** For a delete: the draft as it was before (after it there is nothing to read). */
  before?: Snapshot | null;
}

const SUMMARY_FIELDS = [
  'id',
  'documentId',
  'articleDocumentId',
  'articleTitle',
  'action',
  'path',
  'actor',
  'actorId',
  'at',
  'published',
  'restoredFrom',
];

const DAY_MS = 24 * 60 * 60 * 1000;
/** Most rows one prune deletes: it runs at every write, so it stays cheap however far behind. */
const PRUNE_BATCH = 200;

const iso = (value: unknown): string => new Date(value as string).toISOString();

const normalise = <T extends RevisionSummary>(row: T): T => ({
  ...row,
  at: iso(row.at),
  actorId: row.actorId ?? null,
  restoredFrom: row.restoredFrom ?? null,
  published: Boolean(row.published),
});

/**
 * The revision history of one Strapi instance: records (after the change committed), prunes by
 * count and age at each article's write, and reads. Its clock is injectable (tests move it).
 */
export const createRevisionHistory = (strapi: Core.Strapi, settings: RevisionSettings) => {
  const pending = new Set<Promise<void>>();
  /** Per article, the last revision being written: its revisions are written in call order. */
  const chains = new Map<string, Promise<void>>();
  let clock: () => Date = () => new Date();

  const revisions = () => strapi.db.query(REVISION_UID);

  /** Deletes this article's revisions past the count or the age (a bounded batch per call). */
  const prune = async (documentId: string): Promise<number> => {
    const cutoff = new Date(clock().getTime() - settings.maxAgeDays * DAY_MS);
    const surplus: Array<{ id: number }> = await revisions().findMany({
      select: ['id'],
      where: { articleDocumentId: documentId },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      offset: settings.maxPerArticle,
      limit: PRUNE_BATCH,
    });
    const old = { articleDocumentId: documentId, at: { $lt: cutoff } };
    const where =
      surplus.length > 0 ? { $or: [old, { id: { $in: surplus.map(({ id }) => id) } }] } : old;
    const { count } = await revisions().deleteMany({ where });
    return count;
  };

  const record = async (request: RecordRequest): Promise<void> => {
    const state =
      request.action === 'delete'
        ? request.before
          ? { snapshot: request.before, published: false }
          : null
        : await readSnapshot(strapi, request.documentId);
    if (!state) return;
    const title = state.snapshot.title;
    await strapi.documents(REVISION_UID).create({
      data: {
        articleDocumentId: request.documentId,
        articleTitle: typeof title === 'string' ? title.slice(0, 255) : undefined,
        action: request.action,
        path: request.origin.path,
        actor: request.origin.actor,
        actorId: request.origin.actorId,
        at: clock(),
        published: state.published,
        restoredFrom: request.restoredFrom,
        // A snapshot is JSON by construction (read from the database, dates as ISO strings).
        snapshot: state.snapshot as Record<string, never>,
      },
    });
    await prune(request.documentId);
  };

  return {
    settings,
    /** Tests move time with this (retention by age), never by waiting. */
    setClock(next: () => Date) {
      clock = next;
    },
    now: () => clock(),

    /**
     * Records a revision of a change that has committed: a failure is logged, never the writer's
     * error (the change itself is done).
     */
    record(request: RecordRequest): Promise<void> {
      // Several changes committed by one transaction (the admin's Publish saves, then
      // publishes) are all handed over at its commit: written one after the other, in order.
      const previous = chains.get(request.documentId) ?? Promise.resolve();
      const work: Promise<void> = previous
        .then(() => record(request))
        .catch((error: Error) => {
          strapi.log.error(
            `revisions: could not record the ${request.action} of ${request.documentId}: ${error.message}`,
          );
        })
        .finally(() => {
          pending.delete(work);
          if (chains.get(request.documentId) === work) chains.delete(request.documentId);
        });
      chains.set(request.documentId, work);
      pending.add(work);
      return work;
    },

    /** Resolves once every revision asked for so far is written (tests, shutdown). */
    async settled(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },

    prune,

    /** An article's revisions, newest first, without their fields. */
    async list(documentId: string, { page, pageSize }: { page: number; pageSize: number }) {
      const where = { articleDocumentId: documentId };
      const [rows, total]: [RevisionSummary[], number] = await Promise.all([
        revisions().findMany({
          select: SUMMARY_FIELDS,
          where,
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        revisions().count({ where }),
      ]);
      return {
        data: rows.map(normalise),
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
      };
    },

    /** One revision with its fields, or `null`. */
    async get(id: number): Promise<Revision | null> {
      const row: Revision | null = await revisions().findOne({ where: { id } });
      if (!row) return null;
      const snapshot =
        typeof row.snapshot === 'string' ? (JSON.parse(row.snapshot) as Snapshot) : row.snapshot;
      return normalise({ ...row, snapshot });
    },
  };
};

export type RevisionHistory = ReturnType<typeof createRevisionHistory>;

/** Puts this instance's revision history in Strapi's container (from `register`). */
export const registerRevisionHistory = (strapi: Core.Strapi): void => {
  strapi.add(REVISIONS_SERVICE, () => createRevisionHistory(strapi, readRevisionSettings(strapi)));
};

/** This instance's revision history. */
export const revisionsOf = (strapi: Core.Strapi): RevisionHistory =>
  strapi.get<RevisionHistory>(REVISIONS_SERVICE);

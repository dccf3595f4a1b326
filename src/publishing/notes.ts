import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { ARTICLE_UID } from '../constants';
import { currentActor, isAdminWithoutEditorRights } from './actor';
import { type DocumentMiddleware, writeParams } from './context';
import { writeLogEntry } from './publication-log';

interface Note {
  id?: number;
  kind?: string;
  text?: string;
  date?: string | Date | null;
}

interface StoredDraft {
  title: string | null;
  originallyPublishedAt: string | null;
  notes: Note[] | null;
}

const isNote = (value: unknown): value is Note => value !== null && typeof value === 'object';

/** What makes two notes the same note, whatever ids the caller sent. */
const identity = (note: Note) => `${note.kind ?? 'correction'}\u0000${(note.text ?? '').trim()}`;

/** The notes in `incoming` that `stored` does not hold (by component id, then by kind and text). */
export const addedNotes = (incoming: Note[], stored: Note[]): Note[] => {
  const storedIds = new Set(stored.map((note) => note.id));
  const storedTexts = new Set(stored.map(identity));
  return incoming.filter(
    (note) =>
      !(note.id !== undefined && storedIds.has(note.id)) && !storedTexts.has(identity(note)),
  );
};

/** Whether `incoming` changes the notes at all (added, removed, reworded). */
const changesNotes = (incoming: Note[], stored: Note[]): boolean => {
  const before = stored.map(identity).sort();
  const after = incoming.map(identity).sort();
  return before.length !== after.length || before.some((text, index) => text !== after[index]);
};

const oneLine = (text: string | undefined) => {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
};

/**
 * Notes to readers (corrections, clarifications, updates) on an article. Once an article has been
 * published, changing its notes is an Editor's act: an Author's save that does is refused with a
 * 403 that says so. A note added to a published article is dated (its `date`, unless given), moves
 * `lastSubstantiveUpdateAt` (the page's "Last update"; a save without a new note never does, nor
 * can a caller set it) and is written in the publishing log.
 */
export const notesMiddleware =
  (strapi: Core.Strapi, now: () => Date = () => new Date()): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID || (ctx.action !== 'create' && ctx.action !== 'update')) {
      return next();
    }
    const params = writeParams(ctx);
    if (params.data) {
      const { lastSubstantiveUpdateAt: _derived, ...data } = params.data;
      params.data = data;
    }
    const incoming = params.data?.notes;
    if (!Array.isArray(incoming)) return next();

    const draft: StoredDraft | null =
      ctx.action === 'update' && params.documentId
        ? await strapi.db.query(ARTICLE_UID).findOne({
            select: ['title', 'originallyPublishedAt'],
            where: { documentId: params.documentId, publishedAt: null },
            populate: { notes: true },
          })
        : null;
    const stored = draft?.notes ?? [];
    const notes = incoming.filter(isNote);
    const wasPublished = Boolean(draft?.originallyPublishedAt);

    if (wasPublished && changesNotes(notes, stored)) {
      if (isAdminWithoutEditorRights(currentActor(strapi))) {
        throw new errors.PolicyError(
          'Only Editors can add or change a correction, clarification or update on a published article: ask an editor.',
        );
      }
    }
    const added = addedNotes(notes, stored);
    if (added.length === 0) return next();

    const at = now();
    const dated = notes.map((note) =>
      added.includes(note) && !note.date ? { ...note, date: at.toISOString() } : note,
    );
    params.data = {
      ...params.data,
      notes: dated,
      ...(wasPublished ? { lastSubstantiveUpdateAt: at.toISOString() } : {}),
    };
    const result = await next();
    if (wasPublished && params.documentId) {
      for (const note of added) {
        await writeLogEntry(strapi, {
          action: 'note-added',
          documentId: params.documentId,
          title: draft?.title,
          note: `${note.kind ?? 'correction'}: ${oneLine(note.text)}`,
        });
      }
    }
    return result;
  };

import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import {
  ARTICLE_UID,
  AUTHOR_UID,
  PUBLICATION_LOG_UID,
  SECTION_UID,
  UP_ROLE_UID,
} from '../../src/constants';

export type Row = Record<string, unknown>;

const unique = () => randomBytes(3).toString('hex');

/** A Strapi blocks paragraph holding `text`. */
export const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  children: [{ type: 'text' as const, text }],
});

/** `n` distinct words (`w0 w1 ...`, or with another prefix). */
export const words = (n: number, prefix = 'word') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

/** A Strapi blocks body of `n` words. */
export const bodyOfWords = (n: number) => [paragraph(words(n))];

/** A relation value that connects the given documents (as the admin panel sends it). */
export const connect = (...documentIds: string[]) => ({
  connect: documentIds.map((documentId) => ({ documentId })),
});

export interface Doc {
  id: number;
  documentId: string;
  [key: string]: unknown;
}

export const createSection = (strapi: Core.Strapi, data: Record<string, unknown> = {}) =>
  strapi
    .documents(SECTION_UID)
    .create({ data: { name: `Section ${unique()}`, ...data } }) as Promise<Doc>;

export const createAuthor = (strapi: Core.Strapi, data: Record<string, unknown> = {}) =>
  strapi
    .documents(AUTHOR_UID)
    .create({ data: { name: `Author ${unique()}`, ...data } }) as Promise<Doc>;

/**
 * An article with everything publishing needs (a section and an author are made unless given).
 * `publish: false` leaves it a draft.
 */
export const createArticle = async (
  strapi: Core.Strapi,
  { publish = true, ...data }: Record<string, unknown> & { publish?: boolean } = {},
): Promise<Doc> => {
  const section = data.section ?? (await createSection(strapi)).documentId;
  const authors = data.authors ?? [(await createAuthor(strapi)).documentId];
  return strapi.documents(ARTICLE_UID).create({
    data: { title: `Story ${unique()}`, body: bodyOfWords(50), ...data, section, authors },
    status: publish ? 'published' : 'draft',
  }) as Promise<Doc>;
};

/** What publishing needs besides a title: a body, a section and an author. */
export const completeFields = (section: Doc, author: Doc) => ({
  body: bodyOfWords(30),
  section: section.documentId,
  authors: [author.documentId],
});

/** A draft made straight through the Document Service, with only the fields given. */
export const createDraft = (strapi: Core.Strapi, data: Record<string, unknown>) =>
  strapi
    .documents(ARTICLE_UID)
    .create({ data: { title: `Draft ${unique()}`, ...data } }) as Promise<Doc>;

export const publishArticle = (strapi: Core.Strapi, documentId: string) =>
  strapi.documents(ARTICLE_UID).publish({ documentId });

export const unpublishArticle = (strapi: Core.Strapi, documentId: string) =>
  strapi.documents(ARTICLE_UID).unpublish({ documentId });

/**
 * `update` params, built outside the call: Strapi 5.54's `const` type parameter rejects literal
 * `data` keys.
 */
export const updateParams = (
  documentId: string,
  data: Record<string, unknown>,
  status?: 'draft' | 'published',
) => ({ documentId, data, ...(status ? { status } : {}) });

/** Saves an edit to an article's draft only (no publish). */
export const editDraft = (strapi: Core.Strapi, documentId: string, data: Record<string, unknown>) =>
  strapi.documents(ARTICLE_UID).update(updateParams(documentId, data));

/** Every stored version (draft and published) of an article, straight from the database. */
export const articleRows = (strapi: Core.Strapi, documentId: string) =>
  strapi.db
    .query(ARTICLE_UID)
    .findMany({ where: { documentId }, orderBy: { id: 'asc' } }) as Promise<Row[]>;

/** An article's stored draft (throws when there is none). */
export const draftRow = async (strapi: Core.Strapi, documentId: string): Promise<Row> => {
  const draft = (await articleRows(strapi, documentId)).find((row) => row.publishedAt === null);
  if (!draft) throw new Error(`no draft for ${documentId}`);
  return draft;
};

/** The distinct slugs an article's stored versions hold. */
export const slugsOf = async (strapi: Core.Strapi, documentId: string) => {
  const rows: Array<{ slug: string | null }> = await strapi.db
    .query(ARTICLE_UID)
    .findMany({ select: ['slug'], where: { documentId } });
  return [...new Set(rows.map((row) => row.slug))];
};

/** An article's stored published versions (none, or one). */
export const publishedRows = async (strapi: Core.Strapi, documentId: string): Promise<Row[]> =>
  (await articleRows(strapi, documentId)).filter((row) => row.publishedAt !== null);

/**
 * Sets stored columns of every version of an article straight in the database, without moving
 * `updatedAt` unless asked: a test that must see whether something writes a timestamp sets it to
 * a fixed past instant first, instead of waiting for the clock to move on.
 */
export const setStored = (strapi: Core.Strapi, documentId: string, data: Row) =>
  strapi.db.query(ARTICLE_UID).updateMany({ where: { documentId }, data });

/** A stored or answered date as milliseconds (databases answer dates as strings or `Date`s). */
export const timeOf = (value: unknown): number => new Date(value as string | Date).getTime();

/** A fixed instant long past: what `setStored` writes where a test wants to see a change. */
export const LONG_AGO = new Date('2020-02-02T02:02:02.000Z');

/** The publishing log's lines for an article, oldest first. */
export const publicationLog = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query(PUBLICATION_LOG_UID).findMany({
    where: { articleDocumentId: documentId },
    orderBy: { id: 'asc' },
  }) as Promise<Row[]>;

/**
 * An API user of the Authenticated role, confirmed, made through users-permissions' own service
 * (as an administrator adds one): public registration is off by default (PUBLIC_REGISTRATION).
 */
export const createApiUser = async (
  strapi: Core.Strapi,
  { username, email, password }: { username: string; email: string; password: string },
) => {
  const role: { id: number } | null = await strapi.db
    .query(UP_ROLE_UID)
    .findOne({ where: { type: 'authenticated' } });
  if (!role) throw new Error('The users-permissions role "authenticated" is missing.');
  await strapi
    .plugin('users-permissions')
    .service('user')
    .add({ username, email, password, provider: 'local', confirmed: true, role: role.id });
};

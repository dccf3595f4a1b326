import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../constants';

/** A document's fields as a revision keeps them: relations as document ids, media as file ids. */
export type Snapshot = Record<string, unknown>;

/** Strapi's own bookkeeping: not the article's content, never compared or restored. */
const BOOKKEEPING = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

interface Attribute {
  type: string;
  relation?: string;
  multiple?: boolean;
  repeatable?: boolean;
}

type Row = Record<string, unknown> | null | undefined;

/** The article's content attributes, read from its model (so fields added later are kept too). */
export const contentAttributes = (strapi: Core.Strapi): Array<[string, Attribute]> =>
  Object.entries(strapi.getModel(ARTICLE_UID).attributes as Record<string, Attribute>).filter(
    ([name]) => !BOOKKEEPING.has(name),
  );

/** What to load with the row: relations' document ids, media ids, components whole. */
const populateOf = (attributes: Array<[string, Attribute]>): Record<string, unknown> => {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of attributes) {
    if (attribute.type === 'relation') populate[name] = { select: ['documentId'] };
    else if (attribute.type === 'media') populate[name] = { select: ['id'] };
    else if (attribute.type === 'component' || attribute.type === 'dynamiczone')
      populate[name] = true;
  }
  return populate;
};

/** A component as content: without its row ids, at any depth. */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .map(([key, inner]) => [key, withoutIds(inner)]),
    );
  }
  return value;
};

const pick = (value: unknown, key: 'documentId' | 'id'): unknown => {
  if (Array.isArray(value)) return value.map((item: Row) => item?.[key] ?? null);
  return (value as Row)?.[key] ?? null;
};

/** Dates as ISO strings, the same from SQLite (epoch numbers) and PostgreSQL (`Date`s). */
const portable = (attribute: Attribute, value: unknown): unknown => {
  if (value === undefined) return null;
  if (
    value !== null &&
    ['datetime', 'timestamp'].includes(attribute.type) &&
    !Number.isNaN(new Date(value as string).getTime())
  ) {
    return new Date(value as string).toISOString();
  }
  return value;
};

const snapshotOf = (attributes: Array<[string, Attribute]>, row: Record<string, unknown>) =>
  Object.fromEntries(
    attributes.map(([name, attribute]) => {
      const value = row[name];
      if (attribute.type === 'relation') return [name, pick(value, 'documentId')];
      if (attribute.type === 'media') return [name, pick(value, 'id')];
      if (attribute.type === 'component' || attribute.type === 'dynamiczone')
        return [name, withoutIds(value ?? null)];
      return [name, portable(attribute, value)];
    }),
  );

/**
 * The article's draft (what editors edit, and what a publish copied) as a snapshot, in one query
 * with its relations; `null` when the document is gone.
 */
export const readSnapshot = async (
  strapi: Core.Strapi,
  documentId: string,
): Promise<{ snapshot: Snapshot; published: boolean } | null> => {
  const attributes = contentAttributes(strapi);
  const rows: Array<Record<string, unknown>> = await strapi.db.query(ARTICLE_UID).findMany({
    where: { documentId },
    populate: populateOf(attributes),
  });
  const draft = rows.find((row) => row.publishedAt === null || row.publishedAt === undefined);
  if (!draft) return null;
  return {
    snapshot: snapshotOf(attributes, draft),
    published: rows.some((row) => row.publishedAt !== null && row.publishedAt !== undefined),
  };
};

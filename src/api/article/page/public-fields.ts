import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

/** A stored value as the Query Engine answers it (`@strapi/database`'s `fromDB` per field type). */
type Reader = (value: unknown) => unknown;

const asIs: Reader = (value) => value;

const json: Reader = (value) => {
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    // Strapi 5 before 5.0.0-rc.7 stored some values stringified twice (`JSONField.fromDB`).
    return typeof parsed === 'string' ? (JSON.parse(parsed) as unknown) : parsed;
  } catch {
    return value;
  }
};

const datetime: Reader = (value) => {
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

const boolean: Reader = (value) => {
  if (typeof value === 'boolean') return value;
  const text = String(value);
  return text === '1' ? true : text === '0' ? false : null;
};

const READERS: Record<string, Reader> = {
  increments: asIs,
  string: asIs,
  text: asIs,
  richtext: asIs,
  uid: asIs,
  email: asIs,
  enumeration: asIs,
  date: asIs,
  json,
  blocks: json,
  integer: Number,
  float: Number,
  decimal: Number,
  biginteger: String,
  boolean,
  datetime,
  timestamp: datetime,
};

export interface PublicColumn {
  /** The attribute's name: the key the answer uses. */
  attribute: string;
  /** Its column in the type's table. */
  column: string;
  read: Reader;
}

/** What readers may see of one type: its stored columns, and which of its attributes exist for them. */
export interface PublicShape {
  table: string;
  /** Every column a reader may see, in the type's attribute order (the Query Engine's). */
  columns: PublicColumn[];
  /** Every attribute name a reader may see, relations, media and components included. */
  visible: ReadonlySet<string>;
}

interface StoredAttribute {
  type: string;
  columnName?: string;
  private?: boolean;
}

type Model = Parameters<typeof contentTypes.isPrivateAttribute>[0];

/**
 * What the public API may answer of `uid`, derived from its schema, the way Strapi's output
 * sanitizer decides (`removePrivate`, `removePassword`): attributes flagged `private`, those
 * listed in `api.responses.privateAttributes` or the model's `options.privateAttributes`, and
 * passwords are left out. The page loader selects only these columns, so a private value is never
 * even read. A stored scalar type without a reader is refused here, at boot, rather than answered
 * in a form the Document Service would not give.
 */
export const publicShapeOf = (strapi: Core.Strapi, uid: UID.Schema): PublicShape => {
  const model = strapi.getModel(uid) as unknown as Model;
  const stored = strapi.db.metadata.get(uid);
  const attributes = stored.attributes as unknown as Record<string, StoredAttribute>;
  const visible = Object.keys(attributes).filter(
    (name) =>
      attributes[name].type !== 'password' &&
      attributes[name].private !== true &&
      !contentTypes.isPrivateAttribute(model, name),
  );
  const columns = visible.flatMap((name): PublicColumn[] => {
    const { type, columnName } = attributes[name];
    if (type === 'relation' || !columnName) return [];
    const read = READERS[type];
    if (!read) throw new Error(`The page loader cannot read ${uid}.${name} (type "${type}")`);
    return [{ attribute: name, column: columnName, read }];
  });
  return { table: stored.tableName, columns, visible: new Set(visible) };
};

/** `shape`'s columns (or only `only`'s, with `id` and `documentId`) as `{ alias: table.column }`. */
export const selectColumns = (
  shape: PublicShape,
  tableAlias: string,
  prefix = '',
  only?: readonly string[],
): Record<string, string> =>
  Object.fromEntries(
    columnsOf(shape, only).map((column) => [
      `${prefix}${column.attribute}`,
      `${tableAlias}.${column.column}`,
    ]),
  );

const columnsOf = (shape: PublicShape, only?: readonly string[]) =>
  only
    ? shape.columns.filter(
        (column) =>
          column.attribute === 'id' ||
          column.attribute === 'documentId' ||
          only.includes(column.attribute),
      )
    : shape.columns;

/** The entity a row selected with {@link selectColumns} holds, its values read as Strapi reads them. */
export const readEntity = (
  shape: PublicShape,
  row: Record<string, unknown>,
  prefix = '',
  only?: readonly string[],
): Record<string, unknown> => {
  const entity: Record<string, unknown> = {};
  for (const column of columnsOf(shape, only)) {
    const value = row[`${prefix}${column.attribute}`];
    entity[column.attribute] = value === null || value === undefined ? null : column.read(value);
  }
  return entity;
};

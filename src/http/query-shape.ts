import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Schema = { attributes: Record<string, { type: string; target?: string; component?: string }> };

/** Attribute types no filter can compare (JSON columns: PostgreSQL has no `LIKE` on them). */
const UNFILTERABLE = new Set(['json', 'blocks', 'media', 'password', 'dynamiczone']);

const MAX_DEPTH = 20;

const refuse = (message: string, param: string) => {
  throw new errors.ValidationError(message, { source: 'query', param });
};

const schemaOf = (strapi: Core.Strapi, uid: string | undefined): Schema | undefined =>
  uid
    ? ((strapi.contentTypes[uid as UID.ContentType] ?? strapi.components[uid as UID.Component]) as
        Schema | undefined)
    : undefined;

/** The schema a nested key leads to (a relation's target or a component), if any. */
const nestedSchema = (strapi: Core.Strapi, schema: Schema, key: string): Schema | undefined => {
  const attribute = schema.attributes[key];
  return schemaOf(strapi, attribute?.target ?? attribute?.component);
};

/** `sort` in any of Strapi's forms; an object where a direction belongs is refused. */
const checkSort = (strapi: Core.Strapi, schema: Schema, sort: unknown, depth = 0): void => {
  if (depth > MAX_DEPTH) refuse('sort is nested too deep', 'sort');
  if (typeof sort === 'string' || sort === undefined) return;
  if (Array.isArray(sort)) {
    for (const item of sort) checkSort(strapi, schema, item, depth + 1);
    return;
  }
  if (sort === null || typeof sort !== 'object') return;
  for (const [key, value] of Object.entries(sort)) {
    if (typeof value === 'string') continue;
    const nested = nestedSchema(strapi, schema, key);
    if (!nested || typeof value !== 'object' || value === null) {
      refuse(`sort[${key}] must be asc or desc`, 'sort');
    } else {
      checkSort(strapi, nested, value, depth + 1);
    }
  }
};

/** Filters on attributes that cannot be compared (JSON, rich text, media) are refused. */
const checkFilters = (strapi: Core.Strapi, schema: Schema, filters: unknown, depth = 0): void => {
  if (depth > MAX_DEPTH || filters === null || typeof filters !== 'object') return;
  for (const [key, value] of Object.entries(filters)) {
    if (key.startsWith('$') || /^\d+$/.test(key)) {
      checkFilters(strapi, schema, value, depth + 1);
      continue;
    }
    const attribute = schema.attributes[key];
    if (attribute && UNFILTERABLE.has(attribute.type)) {
      refuse(`filters[${key}]: a ${attribute.type} field cannot be filtered on`, 'filters');
    }
    const nested = nestedSchema(strapi, schema, key);
    if (nested) checkFilters(strapi, nested, value, depth + 1);
  }
};

/**
 * What Strapi's query validation lets through but the database layer cannot run, refused up
 * front with a 400: a search (`_q`) that is not one string, a sort whose direction is an object,
 * and filters on fields that cannot be compared. `uid` is the content type the route reads.
 */
export const checkQueryShape = (
  strapi: Core.Strapi,
  uid: string,
  query: Record<string, unknown>,
) => {
  if (query._q !== undefined && typeof query._q !== 'string') {
    refuse('_q must be one string', '_q');
  }
  const schema = schemaOf(strapi, uid);
  if (!schema) return;
  checkSort(strapi, schema, query.sort);
  checkFilters(strapi, schema, query.filters);
};

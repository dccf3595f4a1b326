import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Filters = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Filters =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const PUBLISHED = { publishedAt: { $notNull: true } };

const truthy = (value: unknown): boolean => value === true || value === 'true';

interface AttributeShape {
  type: string;
  target?: UID.Schema;
  component?: UID.Component;
}

/**
 * A filter on a relation to a draft-and-publish type, made to match published versions only.
 * `{ $notNull: true }` on the relation itself asks whether a published related entry exists.
 * Its opposite ("none published") cannot be said with Strapi's join-based filters, which would
 * match a section holding any draft, so it is refused rather than answered wrongly.
 */
const scopeRelation = (
  strapi: Core.Strapi,
  key: string,
  target: UID.Schema,
  value: unknown,
): Filters => {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === '$null' || keys[0] === '$notNull')) {
      const wantsNone = truthy(value[keys[0]]) === (keys[0] === '$null');
      if (wantsNone) {
        throw new errors.ValidationError(
          `filters[${key}][${keys[0]}] cannot ask for entries without published ${key}: filter on their fields instead`,
          { key, source: 'query', param: 'filters' },
        );
      }
      return { [key]: PUBLISHED };
    }
  }
  const scoped = isPlainObject(value)
    ? scopeFiltersToPublished(strapi, target, value)
    : { id: value };
  return { [key]: { $and: [scoped, PUBLISHED] } };
};

/**
 * Rewrites a published read's `filters` value (see `published-reads.ts`) so that every hop
 * through a relation to a draft-and-publish type matches published versions only. Without it a
 * reader could learn that an unpublished article exists
 * (`/sections?filters[articles][title][$contains]=...`).
 */
export const scopeFiltersToPublished = (
  strapi: Core.Strapi,
  uid: UID.Schema,
  filters: unknown,
): unknown => {
  if (Array.isArray(filters)) {
    return filters.map((item) => scopeFiltersToPublished(strapi, uid, item));
  }
  if (!isPlainObject(filters)) return filters;
  const model = strapi.getModel(uid);
  if (!model) return filters;
  const attributes = model.attributes as Record<string, AttributeShape | undefined>;

  const conditions = Object.entries(filters).map(([key, value]): Filters => {
    if (key === '$and' || key === '$or' || key === '$not') {
      return { [key]: scopeFiltersToPublished(strapi, uid, value) };
    }
    const attribute = attributes[key];
    if (attribute?.type === 'component' && attribute.component) {
      return { [key]: scopeFiltersToPublished(strapi, attribute.component, value) };
    }
    if (attribute?.type !== 'relation' || !attribute.target) return { [key]: value };

    const targetModel = strapi.getModel(attribute.target) as {
      options?: { draftAndPublish?: boolean };
    };
    if (targetModel?.options?.draftAndPublish) {
      return scopeRelation(strapi, key, attribute.target, value);
    }
    return {
      [key]: isPlainObject(value)
        ? scopeFiltersToPublished(strapi, attribute.target, value)
        : value,
    };
  });
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
};

import type { Core, UID } from '@strapi/strapi';

type Filters = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Filters =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Rewrites a content-API `filters` value so that every hop through a relation to a
 * draft-and-publish type matches published versions only. Without it a reader could learn that
 * an unpublished article exists (`/sections?filters[articles][title][$contains]=...`).
 */
export const scopeFiltersToPublished = (
  strapi: Core.Strapi,
  uid: UID.Schema,
  filters: unknown,
): unknown => {
  if (Array.isArray(filters))
    return filters.map((item) => scopeFiltersToPublished(strapi, uid, item));
  if (!isPlainObject(filters)) return filters;
  const model = strapi.getModel(uid);
  if (!model) return filters;

  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => {
      if (key === '$and' || key === '$or' || key === '$not') {
        return [key, scopeFiltersToPublished(strapi, uid, value)];
      }
      const attributes = model.attributes as Record<
        string,
        { type: string; target?: UID.Schema; component?: UID.Component } | undefined
      >;
      const attribute = attributes[key];
      if (attribute?.type === 'component' && attribute.component) {
        return [key, scopeFiltersToPublished(strapi, attribute.component, value)];
      }
      if (attribute?.type !== 'relation' || !attribute.target) return [key, value];

      const target = attribute.target;
      const scoped = isPlainObject(value)
        ? scopeFiltersToPublished(strapi, target, value)
        : { id: value };
      const targetModel = strapi.getModel(target) as { options?: { draftAndPublish?: boolean } };
      if (!targetModel?.options?.draftAndPublish) return [key, scoped];
      return [key, { $and: [scoped, { publishedAt: { $notNull: true } }] }];
    }),
  );
};

import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { DocumentMiddleware } from './context';
import { scopeFiltersToPublished } from './published-scope';

type Query = Record<string, unknown>;

interface AttributeShape {
  type: string;
  target?: UID.Schema;
  component?: UID.Component;
  private?: boolean;
  visible?: boolean;
}

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

const isPlainObject = (value: unknown): value is Query =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const attributesOf = (strapi: Core.Strapi, uid: UID.Schema) =>
  ((strapi.getModel(uid) as { attributes?: unknown } | undefined)?.attributes ?? {}) as Record<
    string,
    AttributeShape | undefined
  >;

const hasDrafts = (strapi: Core.Strapi, uid: UID.Schema): boolean =>
  Boolean(
    (strapi.getModel(uid) as { options?: { draftAndPublish?: boolean } } | undefined)?.options
      ?.draftAndPublish,
  );

/** `sort` then `populate[articles][sort]`: the query parameter a nested key is spelled with. */
const paramName = (prefix: string, key: string) => (prefix ? `${prefix}[${key}]` : key);

/**
 * The attribute paths a `sort` value orders by (`[['articles', 'title']]`), in every form the
 * Document Service takes: `'a.b:asc,c'`, `{ a: { b: 'asc' } }`, and arrays of either.
 */
export const sortPaths = (sort: unknown): string[][] => {
  if (typeof sort === 'string') {
    return sort
      .split(',')
      .map((part) => part.trim().split(':')[0].split('.'))
      .filter((path) => path[0] !== '');
  }
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  if (isPlainObject(sort)) {
    return Object.entries(sort).flatMap(([key, value]) =>
      isPlainObject(value) ? sortPaths(value).map((path) => [key, ...path]) : [[key]],
    );
  }
  return [];
};

/** The first hop of `path` that reaches a draft-and-publish type (`'articles'`), if any. */
const draftHop = (strapi: Core.Strapi, uid: UID.Schema, path: string[]): string | undefined => {
  let current = uid;
  for (const [index, key] of path.entries()) {
    const attribute = attributesOf(strapi, current)[key];
    if (attribute?.type !== 'relation' || !attribute.target) return undefined;
    if (hasDrafts(strapi, attribute.target)) return path.slice(0, index + 1).join('.');
    current = attribute.target;
  }
  return undefined;
};

/**
 * The relations of `uid` a published read may sort by, as the 400 lists them: those a reader sees
 * (not i18n's hidden `localizations`) to our types without drafts.
 */
const sortableRelations = (strapi: Core.Strapi, uid: UID.Schema): string[] =>
  Object.entries(attributesOf(strapi, uid))
    .filter(
      ([, attribute]) =>
        attribute?.type === 'relation' &&
        attribute.target?.startsWith('api::') &&
        !attribute.private &&
        attribute.visible !== false &&
        !hasDrafts(strapi, attribute.target),
    )
    .map(([key]) => key);

/**
 * Strapi joins a relational sort with no condition on the related rows' publication, and orders
 * each entry by the first related row, draft or not: sorting by an article's field would let
 * drafts decide the public order. `@strapi/database` has no hook to add the condition to that
 * join, so such a sort is refused; sorts by a related type without drafts (an article's section
 * or authors) cannot see a draft and stay allowed.
 */
const refuseDraftSorts = (strapi: Core.Strapi, uid: UID.Schema, sort: unknown, param: string) => {
  for (const path of sortPaths(sort)) {
    const hop = draftHop(strapi, uid, path);
    if (!hop) continue;
    const relations = sortableRelations(strapi, uid);
    const allowed = relations.length
      ? `this type's own fields, or the fields of ${relations.join(', ')}`
      : "this type's own fields";
    throw new errors.ValidationError(
      `${param}=${path.join('.')} is not allowed on published content: ${hop} has drafts, ` +
        `which would decide the order. Sort by ${allowed}.`,
      { source: 'query', param, key: path.join('.'), sortableRelations: relations },
    );
  }
};

const scopePopulate = (
  strapi: Core.Strapi,
  uid: UID.Schema,
  populate: unknown,
  prefix: string,
): unknown => {
  // '*', a list of names or `true` carry no filters or sorts of their own.
  if (!isPlainObject(populate)) return populate;
  return Object.fromEntries(
    Object.entries(populate).map(([key, value]) => {
      if (!isPlainObject(value)) return [key, value];
      const attribute = attributesOf(strapi, uid)[key];
      const param = paramName(prefix, key);
      if (attribute?.type === 'dynamiczone' && isPlainObject(value.on)) {
        const on = Object.fromEntries(
          Object.entries(value.on).map(([component, query]) => [
            component,
            isPlainObject(query)
              ? scopeQuery(strapi, component as UID.Component, query, `${param}[on][${component}]`)
              : query,
          ]),
        );
        return [key, { ...value, on }];
      }
      const target =
        attribute?.type === 'relation'
          ? attribute.target
          : attribute?.type === 'component'
            ? attribute.component
            : undefined;
      return [key, target ? scopeQuery(strapi, target, value, param) : value];
    }),
  );
};

/**
 * A read's query (or a populated relation's), made so that only published rows of related
 * draft-and-publish types can decide what it matches and in which order.
 */
const scopeQuery = (strapi: Core.Strapi, uid: UID.Schema, query: Query, prefix: string): Query => {
  refuseDraftSorts(strapi, uid, query.sort, paramName(prefix, 'sort'));
  const scoped = { ...query };
  if (query.filters !== undefined) {
    scoped.filters = scopeFiltersToPublished(strapi, uid, query.filters);
  }
  if (query.populate !== undefined) {
    scoped.populate = scopePopulate(strapi, uid, query.populate, paramName(prefix, 'populate'));
  }
  return scoped;
};

/**
 * `scopeQuery` for a read no Document Service middleware sees (GraphQL's relation resolvers, which
 * load with `strapi.db.query().load()`): its `filters` scoped, a draft-decided `sort` refused.
 */
export const scopePublishedRead = (strapi: Core.Strapi, uid: UID.Schema, query: Query): Query =>
  scopeQuery(strapi, uid, query, '');

const isAdminRequest = (strapi: Core.Strapi): boolean =>
  (
    strapi.requestContext.get() as
      { state?: { auth?: { strategy?: { name?: string } } } } | undefined
  )?.state?.auth?.strategy?.name === 'admin';

/**
 * Published reads (what every reader's request asks, REST or GraphQL, and any call with
 * `status: 'published'`) see published related rows only: relation filters are scoped to
 * published versions, and sorts that a related type's drafts would decide are a 400. The admin
 * panel (an admin user's request) keeps Strapi's own behaviour: it asks `published` for types
 * without drafts, and its editors work on drafts.
 */
export const publishedReadsMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const params = ctx.params as Query | undefined;
    if (!READS.has(ctx.action) || params?.status !== 'published' || isAdminRequest(strapi)) {
      return next();
    }
    ctx.params = scopeQuery(strapi, ctx.uid, params, '') as typeof ctx.params;
    return next();
  };

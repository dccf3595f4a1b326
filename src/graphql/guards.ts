import type { Core, UID } from '@strapi/strapi';

import { scopePublishedRead } from '../publishing';
import { type Args, isReader, type ResolverMiddleware } from './types';

const PUBLICATION_ARGS = new Set(['status', 'publicationFilter', 'hasPublishedVersion']);

/** Published versions only, as a GraphQL filter. */
const PUBLISHED = { publishedAt: { notNull: true } };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Object.prototype.toString.call(value) === '[object Object]';

/**
 * A Strapi filter (`{ title: { $eq } }`) spelled as the GraphQL one it came from (`{ title: { eq } }`):
 * every GraphQL operator is its Strapi operator without the `$` (`and`, `notNull`, `containsi`...).
 * Dates (GraphQL casts DateTime arguments to `Date`s) and other values are kept as they are.
 */
const toGraphqlFilters = (filters: unknown): unknown => {
  if (Array.isArray(filters)) return filters.map(toGraphqlFilters);
  if (!isPlainObject(filters)) return filters;
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [
      key.startsWith('$') ? key.slice(1) : key,
      toGraphqlFilters(value),
    ]),
  );
};

const hasDrafts = (strapi: Core.Strapi, uid: UID.Schema): boolean =>
  Boolean(
    (strapi.getModel(uid) as { options?: { draftAndPublish?: boolean } } | undefined)?.options
      ?.draftAndPublish,
  );

/**
 * On every root query field (`articles`, `article`, `articles_connection`, `sections`...): a
 * reader's `status`, `publicationFilter` and `hasPublishedVersion` are replaced by
 * `status: published`, for the root read and for the record the plugin keeps of the root's
 * arguments, from which its nested relation resolvers take their own publication status. The
 * root read then goes through the Document Service with `status: 'published'`, where
 * `published-reads` scopes relation filters and refuses draft-decided sorts.
 */
export const publishedRootQuery: ResolverMiddleware = (resolve, parent, args, context, info) => {
  if (!isReader(context)) return resolve(parent, args, context, info);
  const published: Args = Object.fromEntries(
    Object.entries(args).filter(([key]) => !PUBLICATION_ARGS.has(key)),
  );
  published.status = 'published';
  context.rootQueryArgsByPath?.set(info.path.key, { ...published, _originField: info.fieldName });
  return resolve(parent, published, context, info);
};

/**
 * On every relation field (`Section.articles`, `Article.authors`...), whose resolver loads with
 * `strapi.db.query().load()` and so meets no Document Service middleware: for a reader, the
 * field's `filters` get the rule `published-reads` gives root reads (a hop into articles matches
 * published ones only; a sort through articles is refused), and a relation to articles lists
 * published ones only, whatever the root query was (a custom root field passes no status on).
 */
export const publishedRelation =
  (strapi: Core.Strapi, target: UID.Schema): ResolverMiddleware =>
  (resolve, parent, args, context, info) => {
    if (!isReader(context)) return resolve(parent, args, context, info);
    const { mappers } = strapi.plugin('graphql').service('utils') as {
      mappers: { graphQLFiltersToStrapiQuery: (filters: unknown, model: unknown) => unknown };
    };
    const filters =
      args.filters === undefined
        ? undefined
        : mappers.graphQLFiltersToStrapiQuery(args.filters, strapi.getModel(target));
    const scoped = scopePublishedRead(strapi, target, { filters, sort: args.sort });
    const own = filters === undefined ? undefined : toGraphqlFilters(scoped.filters);
    const guarded = hasDrafts(strapi, target)
      ? { and: own === undefined ? [PUBLISHED] : [own, PUBLISHED] }
      : own;
    return resolve(
      parent,
      guarded === undefined ? args : { ...args, filters: guarded },
      context,
      info,
    );
  };

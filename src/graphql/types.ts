import type { GraphQLResolveInfo } from 'graphql';

export type Args = Record<string, unknown>;

/** What the GraphQL plugin hands every resolver as its context (bootstrap.js, `koaMiddleware`). */
export interface GraphqlContext {
  state?: { auth?: { strategy?: { name?: string } } };
  /** The plugin's record of each root field's arguments, which nested relations inherit. */
  rootQueryArgsByPath?: Map<string | number, Args>;
}

export type Resolver = (
  parent: unknown,
  args: Args,
  context: GraphqlContext,
  info: GraphQLResolveInfo,
) => unknown;

/** A `resolversConfig` middleware: it calls `resolve` to go on. */
export type ResolverMiddleware = (
  resolve: Resolver,
  parent: unknown,
  args: Args,
  context: GraphqlContext,
  info: GraphQLResolveInfo,
) => unknown;

/**
 * A reader: the Public role or a logged-in API user, who sees published content only. An API
 * token keeps Strapi's behaviour (it may ask for drafts, as over REST; see `published-only`).
 */
export const isReader = (context: GraphqlContext): boolean =>
  context.state?.auth?.strategy?.name !== 'content-api-token';

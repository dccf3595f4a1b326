import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Core } from '@strapi/strapi';

import { GRAPHQL_ENDPOINT } from '../constants';
import { GRAPHQL_MAX_TOKENS } from './limits';

/** The GraphQL list limits, the REST API's (config/api.ts): 25 by default, 100 at most. */
export const GRAPHQL_DEFAULT_LIMIT = 25;
export const GRAPHQL_MAX_LIMIT = 100;

/**
 * The deepest selection accepted, in fields: `articles { authors { articles { section { parent
 * { name } } } } }` is 6; a page's query needs 4 (`articles_connection { nodes { authors { name } } }`).
 */
export const GRAPHQL_DEPTH_LIMIT = 7;

/** The largest JSON body `/graphql` parses, as `strapi::body` allows the REST API. */
export const GRAPHQL_BODY_LIMIT = '1mb';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * `@strapi/plugin-graphql`'s settings (config/plugins.ts):
 * - list and depth limits (the plugin's defaults are unbounded); the breadth and size limits
 *   are checked before the GraphQL route (`limits.ts`, `global::graphql-gate`);
 * - no landing page in any environment: Apollo's (the sandbox, and its production page too) loads
 *   its scripts from Apollo's CDN, and this app loads nothing from another host;
 * - introspection as Apollo decides by default (off in production), or `GRAPHQL_INTROSPECTION`;
 * - the plugin's own CORS middleware off (it reflects any origin): `strapi::cors` already
 *   answers every path with CORS_ORIGINS;
 * - JSON bodies only (no form bodies), at most {@link GRAPHQL_BODY_LIMIT}: `strapi::body` skips
 *   `/graphql`; `global::graphql-gate` parses its bodies with the same limits, and the plugin's
 *   parser, set alike, skips a body already parsed;
 * - no batched requests (an array of operations in one POST) and Apollo's CSRF prevention
 *   (a GET, or a POST that is not JSON, needs a header a browser form cannot send).
 */
export const graphqlConfig = (env: Env) => ({
  endpoint: GRAPHQL_ENDPOINT,
  shadowCRUD: true,
  defaultLimit: GRAPHQL_DEFAULT_LIMIT,
  maxLimit: GRAPHQL_MAX_LIMIT,
  depthLimit: GRAPHQL_DEPTH_LIMIT,
  landingPage: () => ApolloServerPluginLandingPageDisabled(),
  apolloServer: {
    parseOptions: { maxTokens: GRAPHQL_MAX_TOKENS },
    introspection: env.bool('GRAPHQL_INTROSPECTION', env('NODE_ENV') !== 'production'),
    cors: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    bodyParserConfig: { enableTypes: ['json'], jsonLimit: GRAPHQL_BODY_LIMIT, strict: true },
  },
});

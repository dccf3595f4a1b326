import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { type ContentApiAbility, publicPermissionsOf } from './public-permissions';

export type PublicAuthentication =
  { authenticated: true; credentials: null; ability: ContentApiAbility } | { authenticated: false };

/** An authentication strategy of Strapi's content API (as its auth service registers them). */
export interface AuthStrategy {
  name: string;
  authenticate(ctx: Context): Promise<unknown>;
  verify?(auth: unknown, config: unknown): Promise<unknown>;
}

/**
 * What users-permissions' `authenticate` answers for a request without `Authorization`: the
 * Public role's ability, or "not authenticated" when the role may do nothing or its permissions
 * cannot be read. The same answers, from the cache instead of a query and a new ability per request.
 */
export const authenticatePublic = async (strapi: Core.Strapi): Promise<PublicAuthentication> => {
  try {
    const ability = await publicPermissionsOf(strapi).ability();
    return ability ? { authenticated: true, credentials: null, ability } : { authenticated: false };
  } catch {
    return { authenticated: false };
  }
};

/**
 * users-permissions' strategy with its anonymous branch served from the cache. A request with
 * `Authorization` (a user's JWT, or any other value the plugin reads) goes to the plugin's own
 * `authenticate`, unchanged; `verify` is the plugin's.
 */
export const withCachedPublicAbility = (
  strapi: Core.Strapi,
  strategy: AuthStrategy,
): AuthStrategy => ({
  ...strategy,
  authenticate: (ctx) =>
    ctx.request.header.authorization ? strategy.authenticate(ctx) : authenticatePublic(strapi),
});

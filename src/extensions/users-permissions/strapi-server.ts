import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { type AuthStrategy, publicPermissionsOf, withCachedPublicAbility } from '../../permissions';

type Action = (ctx: Context) => Promise<unknown>;
type Controller = Record<string, Action>;
type ControllerFactory = (deps: { strapi: Core.Strapi }) => Controller;

type Service = Record<string, unknown>;
type ServiceFactory = (deps: { strapi: Core.Strapi }) => Service;
type Register = (deps: { strapi: Core.Strapi }) => void | Promise<void>;

interface UsersPermissionsPlugin {
  controllers: Record<string, Controller | ControllerFactory>;
  services: Record<string, Service | ServiceFactory>;
  register?: Register;
}

/**
 * `action`, answering `answer(ctx)` whatever happens once the request is valid: a mail that
 * cannot be sent, or an account that is already confirmed or blocked, is logged at `warn` and
 * the client gets the same answer as for an address nobody registered. A different answer
 * (a 500, "Already confirmed") would tell anyone which addresses have an account.
 */
const sameAnswer =
  (strapi: Core.Strapi, action: Action, answer: (ctx: Context) => unknown): Action =>
  async (ctx) => {
    try {
      return await action(ctx);
    } catch (error) {
      // Malformed input and the rate limit answer the same whoever the address belongs to.
      if (error instanceof errors.ValidationError || error instanceof errors.RateLimitError) {
        throw error;
      }
      strapi.log.warn(
        `${ctx.method} ${ctx.path}: answered as for an unknown address after: ${(error as Error).message}`,
      );
      ctx.status = 200;
      ctx.body = answer(ctx);
      return ctx.body;
    }
  };

const emailOf = (ctx: Context): unknown => (ctx.request.body as { email?: unknown }).email;

/**
 * The `permission` service with `findPublicPermissions()` answered from the cache of
 * `src/permissions` (one query per role or permission write, not one per call).
 */
const withCachedPublicPermissions =
  (permission: Service | ServiceFactory): ServiceFactory =>
  ({ strapi }) => ({
    ...(typeof permission === 'function' ? permission({ strapi }) : permission),
    findPublicPermissions: () => publicPermissionsOf(strapi).rows(),
  });

/**
 * The plugin's `register`, with the strategy it registers for the content API swapped, as it is
 * registered, for one whose anonymous branch reads the cached ability. Strapi's auth service has
 * no way to replace a strategy once registered, and the plugin's strategy module is not exported:
 * catching the one `register('content-api', ...)` call keeps everything else the plugin does there.
 */
const withCachedStrategy =
  (register: Register): Register =>
  async ({ strapi }) => {
    const auth = strapi.get('auth') as {
      register(type: string, strategy: AuthStrategy): unknown;
    };
    const original = auth.register;
    auth.register = function (type, strategy) {
      const swapped =
        type === 'content-api' && strategy.name === 'users-permissions'
          ? withCachedPublicAbility(strapi, strategy)
          : strategy;
      return original.call(this, type, swapped);
    };
    try {
      await register({ strapi });
    } finally {
      auth.register = original;
    }
  };

/**
 * The users-permissions plugin, with its account-mail routes made to tell nobody who is
 * registered, and the Public role's permissions read once per change instead of once per request.
 */
export default (plugin: UsersPermissionsPlugin): UsersPermissionsPlugin => {
  plugin.services.permission = withCachedPublicPermissions(plugin.services.permission);
  if (plugin.register) plugin.register = withCachedStrategy(plugin.register);
  const auth = plugin.controllers.auth;
  plugin.controllers.auth = ({ strapi }: { strapi: Core.Strapi }): Controller => {
    const actions = typeof auth === 'function' ? auth({ strapi }) : auth;
    return {
      ...actions,
      forgotPassword: sameAnswer(strapi, actions.forgotPassword, () => ({ ok: true })),
      sendEmailConfirmation: sameAnswer(strapi, actions.sendEmailConfirmation, (ctx) => ({
        email: emailOf(ctx),
        sent: true,
      })),
    };
  };
  return plugin;
};

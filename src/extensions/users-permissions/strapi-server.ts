import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

type Action = (ctx: Context) => Promise<unknown>;
type Controller = Record<string, Action>;
type ControllerFactory = (deps: { strapi: Core.Strapi }) => Controller;

interface UsersPermissionsPlugin {
  controllers: Record<string, Controller | ControllerFactory>;
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

/** The users-permissions plugin, with its account-mail routes made to tell nobody who is registered. */
export default (plugin: UsersPermissionsPlugin): UsersPermissionsPlugin => {
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

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { clientErrorOf } from '../http/client-errors';

/**
 * Placed right inside `strapi::errors`: whatever a request sent that the app cannot use is a 4xx
 * in Strapi's error shape, logged at `warn` in one line (no stack: the request was at fault, not
 * the server). Anything else goes on to `strapi::errors`, which answers 500 and logs the stack at
 * `error`.
 */
const clientErrors: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const clientError = clientErrorOf(error);
      if (!clientError) throw error;
      const { status, name, message } = clientError;
      // The path, not the URL: a query string may carry a secret.
      strapi.log.warn(`${ctx.method} ${ctx.path} answered ${status} ${name}: ${message}`);
      // Strapi's own errors keep their exact answer (and headers, e.g. Retry-After).
      if (error instanceof errors.ApplicationError) throw error;
      ctx.status = status;
      ctx.body = { data: null, error: clientError };
    }
  };
};

export default clientErrors;

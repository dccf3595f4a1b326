import type { Core } from '@strapi/strapi';

import { ADMIN_PATH } from '../constants';

/** Directive name to its sources, as written in `config/middlewares.ts`. */
export type CspDirectives = Record<string, string[]>;

/** The header value: `name source source; name ...`, in the order written. */
export const serializeCsp = (directives: CspDirectives): string =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * What Vite's dev server needs on the admin in `strapi develop` only: its inline React preamble
 * and its hot-reload socket (what `strapi::security` adds there too).
 */
const DEVELOPMENT_ADMIN_EXTRA: CspDirectives = {
  'script-src': ["'unsafe-inline'"],
  'connect-src': ['ws:', 'http:', 'https:'],
};

const withExtra = (directives: CspDirectives, extra: CspDirectives): CspDirectives =>
  Object.fromEntries(
    Object.entries(directives).map(([name, sources]) => [
      name,
      [...sources, ...(extra[name] ?? [])],
    ]),
  );

/**
 * Sends exactly the configured Content-Security-Policy on every answer. `strapi::security`'s own
 * CSP is off: it merges a configuration into Strapi's defaults index by index, so entries we
 * never wrote (`https:`, the marketplace's host) were sent.
 */
const contentSecurityPolicy: Core.MiddlewareFactory<{ directives: CspDirectives }> = (config) => {
  const header = serializeCsp(config.directives);
  const developmentAdmin = serializeCsp(withExtra(config.directives, DEVELOPMENT_ADMIN_EXTRA));
  const development = process.env.NODE_ENV === 'development';
  return async (ctx, next) => {
    const viteAdmin =
      development &&
      ctx.method === 'GET' &&
      (ctx.path === ADMIN_PATH || ctx.path.startsWith(`${ADMIN_PATH}/`));
    ctx.set('Content-Security-Policy', viteAdmin ? developmentAdmin : header);
    await next();
  };
};

export default contentSecurityPolicy;

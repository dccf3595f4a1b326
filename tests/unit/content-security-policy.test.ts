/**
 * unit: the `global::content-security-policy` middleware: the configured directives, in order,
 * set on every answer; under `strapi develop` only, the admin's pages also allow what Vite's dev
 * server needs.
 */

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import contentSecurityPolicy, { serializeCsp } from '../../src/middlewares/content-security-policy';

const DIRECTIVES = {
  'default-src': ["'self'"],
  'connect-src': ["'self'"],
  'script-src': ["'self'"],
  'object-src': ["'none'"],
};
const EXACT = "default-src 'self'; connect-src 'self'; script-src 'self'; object-src 'none'";

/** The header the middleware sets for `method path`, with NODE_ENV as given when it is made. */
const headerFor = async (nodeEnv: string, method: string, path: string) => {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  const strapi = {} as Core.Strapi;
  const middleware = contentSecurityPolicy({ directives: DIRECTIVES }, { strapi });
  if (!middleware) throw new Error('the factory made no middleware');
  process.env.NODE_ENV = previous;
  const headers: Record<string, string> = {};
  const ctx = { method, path, set: (name: string, value: string) => (headers[name] = value) };
  await middleware(ctx as unknown as Context, async () => undefined);
  return headers['Content-Security-Policy'];
};

describe('content-security-policy', () => {
  it('writes the directives in the order configured', () => {
    expect(serializeCsp(DIRECTIVES)).toBe(EXACT);
  });

  it.each(['production', 'test'])(
    'sends exactly them in %s, /admin and /api alike',
    async (env) => {
      for (const path of ['/admin', '/admin/content-manager', '/api/articles']) {
        expect(await headerFor(env, 'GET', path)).toBe(EXACT);
      }
    },
  );

  it("adds Vite's needs on the admin's pages under strapi develop only", async () => {
    expect(await headerFor('development', 'GET', '/admin/content-manager')).toBe(
      "default-src 'self'; connect-src 'self' ws: http: https:; script-src 'self' 'unsafe-inline'; object-src 'none'",
    );
    expect(await headerFor('development', 'GET', '/api/articles')).toBe(EXACT);
    expect(await headerFor('development', 'POST', '/admin/login')).toBe(EXACT);
  });
});

/**
 * What every answer carries, on the app started as an operator starts it (production mode): the
 * Content-Security-Policy configured in `config/middlewares.ts`, exactly (nothing of Strapi's
 * defaults added), on /admin and /api alike; no X-Powered-By; a favicon; and request log lines
 * with secrets and tokens in the query redacted.
 */

import fs from 'node:fs';
import path from 'node:path';

import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { APP_ROOT } from '../helpers/env';
import { outputContaining, startStrapiProcess, type StrapiProcess } from '../helpers/process';
import { adminBuilt } from '../helpers/services';

/** The policy `config/middlewares.ts` writes, with CLIENT_URL set to the site below. */
const CONFIGURED_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "frame-src 'self' https://www.newsroom.test",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
].join('; ');

describe('headers and the request log in production', () => {
  let db: TestDatabase;
  let app: StrapiProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startStrapiProcess({
      database: db.env,
      env: {
        NODE_ENV: 'production',
        CORS_ORIGINS: 'https://www.newsroom.test',
        CLIENT_URL: 'https://www.newsroom.test/',
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const get = (urlPath: string) => fetch(`${app.url}${urlPath}`);

  (adminBuilt() ? it : it.skip)(
    "sends it with the admin's page, which loads nothing else",
    async () => {
      const res = await get('/admin');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toBe(CONFIGURED_CSP);
      expect(res.headers.get('x-powered-by')).toBeNull();
      // What the page loads: one module script of its own, no inline script (script-src 'self').
      const page = await res.text();
      expect(page).toMatch(/<script type="module" src="\/admin\/[^"]+\.js"><\/script>/);
      expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    },
  );

  it.each([
    '/admin/init',
    // A page of the admin's app, served from its build (as /admin is).
    ...(adminBuilt() ? ['/admin/renew-token'] : []),
    '/api/articles',
    '/api/no-such-thing',
    '/favicon.ico',
  ])('sends exactly the configured CSP on %s, and no X-Powered-By', async (urlPath) => {
    const res = await get(urlPath);
    expect(res.headers.get('content-security-policy')).toBe(CONFIGURED_CSP);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('never sends what Strapi adds by default (https: anywhere, the marketplace)', async () => {
    const csp = (await get('/admin/init')).headers.get('content-security-policy') ?? '';
    expect(csp).not.toMatch(/https:(?!\/\/www\.newsroom\.test)/);
    expect(csp).not.toContain('market-assets.strapi.io');
  });

  it('serves the favicon at the root, as an image', async () => {
    const res = await get('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.equals(fs.readFileSync(path.join(APP_ROOT, 'favicon.png')))).toBe(true);
  });

  it('is 404, not 500, for a favicon path that does not exist', async () => {
    expect((await get('/favicon.svg')).status).toBe(404);
  });

  it('logs each request with the values of secrets and tokens redacted', async () => {
    const marker = 'redaction-check';
    const query =
      '?secret=abc-secret-value&signature=xyz-signature-value&token=tok-value' +
      `&access_token=at-value&code=code-value&password=pw-value&marker=${marker}`;
    const res = await get(`/api/articles/abcdefghijklmnopqrstuvwx/preview${query}`);
    expect(res.status).toBe(400);

    const output = await outputContaining(app, `marker=${marker}`);
    const line = output.split('\n').find((text) => text.includes(`marker=${marker}`)) ?? '';
    expect(line).toContain(
      'GET /api/articles/abcdefghijklmnopqrstuvwx/preview?secret=[REDACTED]&signature=[REDACTED]',
    );
    expect(line).toMatch(/\(\d+ ms\) 400/);
    for (const value of [
      'abc-secret',
      'xyz-signature',
      'tok-value',
      'at-value',
      'code-value',
      'pw-value',
    ]) {
      expect(output).not.toContain(value);
    }
  });
});

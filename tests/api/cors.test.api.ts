/**
 * CORS, started as an operator starts the app (`strapi start`): production refuses to start unless
 * CORS_ORIGINS lists origins, then answers a listed origin with credentials and an unlisted one
 * with no CORS at all; development keeps `*` but never sends credentials; `/admin` (same-origin,
 * where the admin's session cookie lives) never answers CORS, listed origin or not.
 */

import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startStrapiProcess, type StrapiProcess, StrapiStartError } from '../helpers/process';

const SITE = 'https://www.newsroom.test';
const EVIL = 'https://evil.example';

/** A cross-origin request from `origin` (a preflight when `preflight`), as a browser sends it. */
const fromOrigin = (app: StrapiProcess, path: string, origin: string, preflight = false) =>
  fetch(`${app.url}${path}`, {
    method: preflight ? 'OPTIONS' : 'GET',
    headers: {
      Origin: origin,
      ...(preflight ? { 'Access-Control-Request-Method': 'POST' } : {}),
    },
  });

const corsOf = (res: Response) => ({
  origin: res.headers.get('access-control-allow-origin'),
  credentials: res.headers.get('access-control-allow-credentials'),
});

describe('CORS', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  describe('in production', () => {
    it.each([
      ['unset', ''],
      ['*', '*'],
    ])('refuses to start with CORS_ORIGINS %s, naming the variable', async (_, value) => {
      const started = startStrapiProcess({
        database: db.env,
        env: { NODE_ENV: 'production', CORS_ORIGINS: value },
        startTimeoutMs: 60_000,
      });
      const error = await started.then(
        async (app) => {
          await app.stop();
          throw new Error('the app started');
        },
        (refused: unknown) => refused,
      );
      expect(error).toBeInstanceOf(StrapiStartError);
      expect((error as StrapiStartError).exit?.code).not.toBe(0);
      expect((error as StrapiStartError).output).toContain(
        'CORS_ORIGINS must list the origins allowed to call the API from a browser in production',
      );
    });

    describe('with CORS_ORIGINS listing the site', () => {
      let app: StrapiProcess;
      beforeAll(async () => {
        app = await startStrapiProcess({
          database: db.env,
          env: { NODE_ENV: 'production', CORS_ORIGINS: `${SITE},http://localhost:3000` },
        });
      });
      afterAll(async () => {
        await app?.stop();
      });

      it('answers the listed origin with credentials, requests and preflights', async () => {
        for (const preflight of [false, true]) {
          const res = await fromOrigin(app, '/api/articles', SITE, preflight);
          expect(res.status).toBe(preflight ? 204 : 200);
          expect(corsOf(res)).toEqual({ origin: SITE, credentials: 'true' });
        }
      });

      it('answers an unlisted origin with no CORS header', async () => {
        for (const preflight of [false, true]) {
          const res = await fromOrigin(app, '/api/articles', EVIL, preflight);
          expect(corsOf(res)).toEqual({ origin: null, credentials: null });
        }
      });

      it('never answers CORS on /admin, to the listed origin or another', async () => {
        for (const origin of [SITE, EVIL]) {
          for (const path of ['/admin', '/admin/renew-token', '/admin/init']) {
            for (const preflight of [false, true]) {
              const res = await fromOrigin(app, path, origin, preflight);
              expect(corsOf(res)).toEqual({ origin: null, credentials: null });
            }
          }
        }
      });
    });
  });

  describe('in development, with CORS_ORIGINS unset', () => {
    let app: StrapiProcess;
    beforeAll(async () => {
      app = await startStrapiProcess({
        database: db.env,
        env: { NODE_ENV: 'development', CORS_ORIGINS: '' },
      });
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('answers any origin, never with credentials', async () => {
      for (const preflight of [false, true]) {
        const res = await fromOrigin(app, '/api/articles', EVIL, preflight);
        expect(corsOf(res)).toEqual({ origin: EVIL, credentials: null });
      }
    });

    it('never answers CORS on /admin', async () => {
      const res = await fromOrigin(app, '/admin/init', EVIL);
      expect(res.status).toBe(200);
      expect(corsOf(res)).toEqual({ origin: null, credentials: null });
    });
  });
});

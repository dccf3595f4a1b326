/**
 * unit: `resolveCorsOrigins` and `corsConfig`: production needs listed origins (unset or `*`
 * refused, naming CORS_ORIGINS); credentials only for a listed origin; `/admin` never answers
 * CORS.
 */

import type { Context } from 'koa';

import { corsConfig, CorsOriginsError, resolveCorsOrigins } from '../../src/http/cors';

const request = (path: string, origin: string) =>
  ({ path, get: (name: string) => (name === 'Origin' ? origin : '') }) as unknown as Context;

describe('resolveCorsOrigins', () => {
  it.each([undefined, '', ' ', '*', 'https://a.example, *'])(
    'refuses %p in production, naming the variable',
    (value) => {
      const env = { NODE_ENV: 'production', CORS_ORIGINS: value };
      expect(() => resolveCorsOrigins(env)).toThrow(CorsOriginsError);
      expect(() => resolveCorsOrigins(env)).toThrow(/CORS_ORIGINS must list the origins/);
    },
  );

  it('keeps `*` outside production, and lists origins without a trailing slash', () => {
    expect(resolveCorsOrigins({ NODE_ENV: 'development' })).toBe('*');
    expect(resolveCorsOrigins({ NODE_ENV: 'test', CORS_ORIGINS: '*' })).toBe('*');
    expect(
      resolveCorsOrigins({
        NODE_ENV: 'production',
        CORS_ORIGINS: 'https://www.example.com/, http://localhost:3000',
      }),
    ).toEqual(['https://www.example.com', 'http://localhost:3000']);
  });

  it('refuses what is not an origin, naming it', () => {
    expect(() =>
      resolveCorsOrigins({ NODE_ENV: 'production', CORS_ORIGINS: 'www.example.com' }),
    ).toThrow(/CORS_ORIGINS has "www.example.com", which is not an origin/);
  });
});

describe('corsConfig', () => {
  const listed = corsConfig(['https://www.example.com']);
  const any = corsConfig('*');

  it('answers a listed origin with credentials, an unlisted one with nothing', () => {
    expect(listed.origin(request('/api/articles', 'https://www.example.com'))).toEqual([
      'https://www.example.com',
    ]);
    expect(listed.credentials(request('/api/articles', 'https://www.example.com'))).toBe(true);
    expect(listed.credentials(request('/api/articles', 'https://evil.example'))).toBe(false);
  });

  it('answers any origin without credentials under `*`', () => {
    expect(any.origin(request('/api/articles', 'https://evil.example'))).toEqual(['*']);
    expect(any.credentials(request('/api/articles', 'https://evil.example'))).toBe(false);
  });

  it('never answers CORS on /admin, listed or not', () => {
    for (const config of [listed, any]) {
      for (const path of ['/admin', '/admin/renew-token']) {
        expect(config.origin(request(path, 'https://www.example.com'))).toEqual([]);
        expect(config.credentials(request(path, 'https://www.example.com'))).toBe(false);
      }
    }
    expect(listed.origin(request('/administrators', 'https://www.example.com'))).toEqual([
      'https://www.example.com',
    ]);
  });
});

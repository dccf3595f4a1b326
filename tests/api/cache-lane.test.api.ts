/**
 * The response cache's fast lane (src/cache/lane.ts): a fresh hit answered before Koa carries
 * the headers a Koa-path hit of the same URL carries (per-request ones aside), answers 304 and
 * HEAD as Koa does, runs no SQL and writes the same request-log line; requests with credentials,
 * a cookie or an `Origin`, stale entries and a draining instance take Koa's path.
 */

import type { Response } from 'supertest';

import { CACHE_ON, xCache } from '../helpers/cache';
import { createArticle, type Doc } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { queriesDuring } from '../helpers/sql';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

type AvailabilityModule = typeof import('../../src/availability');
type CacheModule = typeof import('../../src/cache');

const ORIGIN = 'https://www.example.com';
/** Headers every answer gets anew, or that differ between two requests by design. */
const PER_REQUEST = new Set(['date', 'connection', 'keep-alive', 'age']);
/** Headers only a cross-origin request gets (from strapi::cors). */
const isCors = (name: string) => name.startsWith('access-control-');

const comparable = (res: Response): Record<string, string> =>
  Object.fromEntries(
    Object.entries(res.headers as Record<string, string>).filter(
      ([name]) => !PER_REQUEST.has(name) && !isCors(name),
    ),
  );

describeWithDatabase('the response cache lane answers fresh hits before Koa', () => {
  let app: TestApp;
  let article: Doc;
  let page: string;
  let cache: ReturnType<CacheModule['responseCacheOf']>;

  /** Runs `task`, answering how many hits the lane served meanwhile. */
  const laneHitsDuring = async <T>(
    task: () => Promise<T>,
  ): Promise<{ result: T; lane: number }> => {
    const before = cache.laneHits;
    const result = await task();
    return { result, lane: cache.laneHits - before };
  };

  beforeAll(async () => {
    app = await bootStrapi({ env: { ...CACHE_ON, CORS_ORIGINS: ORIGIN } });
    cache = appModule<CacheModule>('cache').responseCacheOf(app.strapi);
    article = await createArticle(app.strapi);
    page = `/api/articles/slug/${String(article.slug)}`;
    const miss = await app.request().get(page);
    expect(xCache(miss)).toBe('MISS');
  });
  afterAll(stopStrapi);

  it('answers a fresh hit with the headers and bytes of a Koa-path hit, running no SQL', async () => {
    const {
      result: { result: lane, queries },
      lane: served,
    } = await laneHitsDuring(() => queriesDuring(app, () => app.request().get(page)));
    expect(served).toBe(1);
    expect(queries).toBe(0);
    expect(lane.status).toBe(200);
    expect(xCache(lane)).toBe('HIT');

    const { result: koa, lane: viaLane } = await laneHitsDuring(() =>
      app.request().get(page).set('Origin', ORIGIN),
    );
    expect(viaLane).toBe(0);
    expect(xCache(koa)).toBe('HIT');
    expect(koa.headers['access-control-allow-origin']).toBe(ORIGIN);

    expect(comparable(lane)).toEqual(comparable(koa));
    expect(lane.text).toBe(koa.text);
    // What the stack in front of the cache sets, replayed by the lane.
    expect(lane.headers['x-content-type-options']).toBe('nosniff');
    expect(lane.headers['content-security-policy']).toContain("default-src 'self'");
    expect(lane.headers['strict-transport-security']).toBeDefined();
    expect(lane.headers['content-length']).toBe(String(Buffer.byteLength(lane.text)));
    expect(lane.headers['set-cookie']).toBeUndefined();
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const { result: head, lane } = await laneHitsDuring(() => app.request().head(page));
    expect(lane).toBe(1);
    expect(head.status).toBe(200);
    expect(head.text).toBeUndefined();
    const get = await app.request().get(page);
    expect(comparable(head)).toEqual(comparable(get));
  });

  it('answers 304 on a matching If-None-Match as the Koa path does', async () => {
    const { headers } = await app.request().get(page);
    const { result: lane, lane: served } = await laneHitsDuring(() =>
      app
        .request()
        .get(page)
        .set('If-None-Match', `W/"other", ${String(headers.etag)}`),
    );
    expect(served).toBe(1);
    expect(lane.status).toBe(304);
    expect(lane.text).toBe('');
    expect(lane.headers['content-type']).toBeUndefined();

    const koa = await app
      .request()
      .get(page)
      .set('Origin', ORIGIN)
      .set('If-None-Match', String(headers.etag));
    expect(koa.status).toBe(304);
    expect(comparable(lane)).toEqual(comparable(koa));

    const changed = await app.request().get(page).set('If-None-Match', '"not-it"');
    expect(changed.status).toBe(200);
  });

  it('leaves requests with Authorization, a Cookie or an Origin to Koa', async () => {
    const { result: withOrigin, lane: a } = await laneHitsDuring(() =>
      app.request().get(page).set('Origin', ORIGIN),
    );
    expect(a).toBe(0);
    expect(withOrigin.headers['access-control-allow-credentials']).toBe('true');

    const { result: withAuth, lane: b } = await laneHitsDuring(() =>
      app.request().get(page).set('Authorization', 'Bearer not-a-token'),
    );
    expect(b).toBe(0);
    expect(withAuth.status).toBe(401);
    expect(withAuth.headers['cache-control']).toBe('private, no-store');

    const { result: withCookie, lane: c } = await laneHitsDuring(() =>
      app.request().get(page).set('Cookie', 'koa.sess=whatever'),
    );
    expect(c).toBe(0);
    expect(xCache(withCookie)).toBe('HIT');

    const { result: post, lane: d } = await laneHitsDuring(() => app.request().post(page));
    expect(d).toBe(0);
    expect(post.status).toBeGreaterThanOrEqual(400);
  });

  it('leaves misses, other query strings and stale entries to Koa', async () => {
    const { result: other, lane: a } = await laneHitsDuring(() =>
      app.request().get(`${page}?utm_source=lane`),
    );
    expect(a).toBe(0);
    expect(xCache(other)).toBe('HIT'); // the normalised key, found by Koa's path
    // Koa left an alias for that raw key: the lane follows it now.
    const { lane: b } = await laneHitsDuring(() => app.request().get(`${page}?utm_source=lane`));
    expect(b).toBe(1);

    const start = Date.now();
    cache.useClock(() => start + 3600 * 1000);
    try {
      const { lane: c } = await laneHitsDuring(() => app.request().get(page));
      expect(c).toBe(0);
    } finally {
      cache.useClock(Date.now);
    }
  });

  it('writes the request-log line as global::request-log does, secrets redacted', async () => {
    await app.request().get(`${page}?token=lane-secret-value`); // stored under this raw key's alias
    const http = jest.spyOn(app.strapi.log, 'http');
    try {
      const { lane } = await laneHitsDuring(() =>
        app.request().get(`${page}?token=lane-secret-value`),
      );
      expect(lane).toBe(1);
      const lines = http.mock.calls.map(([line]) => String(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^GET ${page}\\?token=\\[REDACTED\\] \\(\\d+ ms\\) 200$`),
      );
      expect(lines[0]).not.toContain('lane-secret-value');
    } finally {
      http.mockRestore();
    }
  });

  it('steps aside while the instance drains: global::drain answers 503', async () => {
    const { drain } = appModule<AvailabilityModule>('availability').availabilityOf(app.strapi);
    const draining = jest.spyOn(drain, 'draining', 'get').mockReturnValue(true);
    try {
      const { result, lane } = await laneHitsDuring(() => app.request().get(page));
      expect(lane).toBe(0);
      expect(result.status).toBe(503);
      expect(result.headers['retry-after']).toBeDefined();
    } finally {
      draining.mockRestore();
    }
    const { lane } = await laneHitsDuring(() => app.request().get(page));
    expect(lane).toBe(1);
  });
});

/**
 * The response cache during a PostgreSQL outage (the app reaches PostgreSQL through a TCP proxy
 * the test takes down): fresh hits are served as usual, stale entries are served within the
 * stale-if-error window with `X-Cache: STALE`, and misses answer the outage's 503. The cache's
 * and the health probe's clocks are moved by the test, so nothing waits.
 */

import { CACHE_ON, xCache } from '../helpers/cache';
import { PG } from '../helpers/database';
import { expectError } from '../helpers/errors';
import { createArticle } from '../helpers/fixtures';
import { describeNeeding } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

type AvailabilityModule = typeof import('../../src/availability');
type CacheModule = typeof import('../../src/cache');

const TTL_SECONDS = 60;
const STALE_SECONDS = 300;

describeNeeding('postgres')('the response cache during a PostgreSQL outage', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  let page: string;
  let now = Date.now();

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: PG.host, port: PG.port });
    app = await bootStrapi({
      database: 'postgres',
      env: {
        ...CACHE_ON,
        CACHE_TTL_SECONDS: String(TTL_SECONDS),
        CACHE_STALE_SECONDS: String(STALE_SECONDS),
        DATABASE_PORT: String(proxy.port),
        DATABASE_CONNECTION_TIMEOUT: '3000',
      },
    });
    const article = await createArticle(app.strapi);
    page = `/api/articles/slug/${String(article.slug)}`;
    appModule<AvailabilityModule>('availability')
      .availabilityOf(app.strapi)
      .useClock(() => now);
    appModule<CacheModule>('cache')
      .responseCacheOf(app.strapi)
      .useClock(() => now);
  });
  afterAll(async () => {
    await proxy?.open().catch(() => undefined);
    await stopStrapi();
    await proxy?.close();
  });

  it('serves fresh hits while PostgreSQL is down, and misses answer 503', async () => {
    expect(xCache(await app.request().get(page))).toBe('MISS');
    await proxy.refuse();
    now += 1000;

    const hit = await app.request().get(page);
    expect(hit.status).toBe(200);
    expect(xCache(hit)).toBe('HIT');

    const miss = await app.request().get('/api/sections');
    expectError(miss, 503, 'ServiceUnavailableError');
  });

  it('serves a stale entry within the stale-if-error window, then 503', async () => {
    now += TTL_SECONDS * 1000;
    const stale = await app.request().get(page);
    expect(stale.status).toBe(200);
    expect(xCache(stale)).toBe('STALE');
    expect(stale.body.data.slug).toBe(page.split('/').pop());

    now += STALE_SECONDS * 1000;
    expectError(await app.request().get(page), 503, 'ServiceUnavailableError');
  });

  it('loads again once PostgreSQL is back', async () => {
    await proxy.open();
    now += 1000;
    const res = await app.request().get(page);
    expect(res.status).toBe(200);
    expect(xCache(res)).toBe('MISS');
  });
});

/**
 * A PostgreSQL outage, and its end, as a load balancer and a reader see them: the app reaches
 * PostgreSQL through a TCP proxy that the test takes down (connections cut, new ones refused)
 * and brings back. During the outage `/_health` and every public read answer 503
 * `ServiceUnavailableError` with `Retry-After` (never 204, never a 401 "Missing or invalid
 * credentials"); once PostgreSQL is back, 204 and 200 again. The health probe's one-second cache
 * reads a clock the test moves, so nothing waits.
 */

import { PG } from '../helpers/database';
import { expectError } from '../helpers/errors';
import { createArticle } from '../helpers/fixtures';
import { describeNeeding } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { browserUserAgent } from '../helpers/views';

type AvailabilityModule = typeof import('../../src/availability');

describeNeeding('postgres')('a PostgreSQL outage', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  let documentId: string;
  let slug: string;
  let now = Date.now();
  /** Past the probe's cache: the next health check asks PostgreSQL again. */
  const probeAgain = () =>
    (now += appModule<AvailabilityModule>('availability').AVAILABILITY.probeCacheMs);

  const publicReads = () => [
    app.request().get('/api/articles'),
    app.request().get(`/api/articles/${documentId}`),
    app.request().get(`/api/articles/slug/${slug}`),
    app.request().get('/api/sections'),
    app.request().get('/api/articles').set('Authorization', 'Bearer not-a-token'),
    app
      .request()
      .post(`/api/articles/${documentId}/views`)
      .set('User-Agent', browserUserAgent('outage')),
  ];

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: PG.host, port: PG.port });
    app = await bootStrapi({
      database: 'postgres',
      // A pooled connection is awaited 3 s at most, so nothing hangs on the outage.
      env: { DATABASE_PORT: String(proxy.port), DATABASE_CONNECTION_TIMEOUT: '3000' },
    });
    const article = await createArticle(app.strapi);
    documentId = article.documentId;
    slug = article.slug as string;
    appModule<AvailabilityModule>('availability')
      .availabilityOf(app.strapi)
      .useClock(() => now);
  });
  afterAll(async () => {
    await proxy?.open().catch(() => undefined);
    await stopStrapi();
    await proxy?.close();
  });

  it('answers 204 on /_health and 200 to readers while PostgreSQL answers', async () => {
    for (const method of ['get', 'head'] as const) {
      expect((await app.request()[method]('/_health')).status).toBe(204);
    }
    expect((await app.request().get('/api/articles')).status).toBe(200);
  });

  it('answers 503 ServiceUnavailableError with Retry-After, never 401, while it is down', async () => {
    await proxy.refuse();
    probeAgain();

    const health = await app.request().get('/_health');
    expectError(health, 503, 'ServiceUnavailableError');
    expect(health.headers['retry-after']).toBe('5');
    const head = await app.request().head('/_health');
    expect(head.status).toBe(503);

    for (const read of publicReads()) {
      const res = await read;
      expectError(res, 503, 'ServiceUnavailableError');
      expect(res.headers['retry-after']).toBe('5');
    }
  });

  it('answers 204 and 200 again once PostgreSQL is back', async () => {
    await proxy.open();
    probeAgain();

    expect((await app.request().get('/_health')).status).toBe(204);
    const statuses = [];
    for (const read of publicReads().slice(0, 4)) statuses.push((await read).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});

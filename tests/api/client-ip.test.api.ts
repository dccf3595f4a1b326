/**
 * Whose X-Forwarded-For is believed (TRUST_PROXY lists the proxies): here the app trusts
 * `10.0.0.0/8` and `127.0.0.2`, and the tests connect from loopback addresses of their choosing.
 * A direct client (127.0.0.1, 127.0.0.3: not listed) is its socket's address whatever
 * X-Forwarded-For it sends, so the rate limit (3 a minute here) and the per-address cap (2 here)
 * hold; from the listed proxy the header is read from the right, across listed hops only.
 */

import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postViewFrom, storedViews, viewCounter } from '../helpers/views';

const PROXY = '127.0.0.2';
let spoofed = 0;
/** A different made-up client address each call: what a buyer of views would send. */
const randomForwardedFor = () => `198.51.100.${(spoofed += 1) % 250}`;

describeWithDatabase('X-Forwarded-For with TRUST_PROXY=10.0.0.0/8,127.0.0.2', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({
      env: {
        TRUST_PROXY: `10.0.0.0/8, ${PROXY}`,
        VIEWS_RATE_LIMIT_PER_MINUTE: '3',
        VIEWS_MAX_PER_IP_PER_ARTICLE: '2',
        VIEWS_FLUSH_INTERVAL_MS: '60000',
      },
    });
    // A fixed mid-morning clock: no window ends during this file.
    viewCounter(app).useClock(() => new Date('2026-11-28T09:00:00Z'));
  });
  afterAll(stopStrapi);

  describe('from a direct client (not a listed proxy)', () => {
    it('is ignored: one IP, capped at 2 counted views, whatever address it claims', async () => {
      const { documentId } = await createArticle(app.strapi);
      const view = (visitor: string) =>
        postViewFrom(app, documentId, visitor, {
          from: '127.0.0.1',
          forwardedFor: randomForwardedFor(),
        });
      expect((await view('direct-1')).body.data).toMatchObject({ views: 1, counted: true });
      expect((await view('direct-2')).body.data).toMatchObject({ views: 2, counted: true });
      const third = await view('direct-3');
      expect(third.status).toBe(200);
      expect(third.body.data).toEqual({ documentId, views: 2, counted: false });
      await viewCounter(app).flush();
      expect(await storedViews(app, documentId)).toBe(2);
    });

    it('does not escape the rate limit: the 4th request in the minute is a 429', async () => {
      const { documentId } = await createArticle(app.strapi);
      const view = (visitor: string) =>
        postViewFrom(app, documentId, visitor, {
          from: '127.0.0.3',
          forwardedFor: `${randomForwardedFor()}, ${PROXY}`,
        });
      for (let i = 0; i < 3; i += 1) expect((await view(`limited-${i}`)).status).toBe(200);
      const refused = await view('limited-3');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ data: null, error: { name: 'RateLimitError' } });
    });
  });

  describe(`from the listed proxy ${PROXY}`, () => {
    it('is believed: each forwarded address is a visitor, capped and rate-limited on its own', async () => {
      const { documentId } = await createArticle(app.strapi);
      const view = (forwardedFor: string, visitor: string) =>
        postViewFrom(app, documentId, visitor, { from: PROXY, forwardedFor });
      // One browser behind two client addresses: two visitors.
      expect((await view('192.0.2.11', 'proxied')).body.data.counted).toBe(true);
      expect((await view('192.0.2.12', 'proxied')).body.data.counted).toBe(true);
      // The cap of 2 is 192.0.2.11's, not the proxy's.
      expect((await view('192.0.2.11', 'proxied-2')).body.data.counted).toBe(true);
      expect((await view('192.0.2.11', 'proxied-3')).body.data.counted).toBe(false);
      // 192.0.2.11 has used up its 3 requests; 192.0.2.12 and the proxy's other clients have not.
      expect((await view('192.0.2.11', 'proxied-4')).status).toBe(429);
      expect((await view('192.0.2.13', 'proxied')).body.data).toMatchObject({
        views: 4,
        counted: true,
      });
    });

    it('is read from the right across listed hops only: what the client wrote first is ignored', async () => {
      const { documentId } = await createArticle(app.strapi);
      const view = (forwardedFor: string) =>
        postViewFrom(app, documentId, 'chained', { from: PROXY, forwardedFor });
      // 10.1.2.3 is a listed proxy (10.0.0.0/8): the client is the hop before it.
      expect((await view('203.0.113.1, 10.1.2.3')).body.data.counted).toBe(true);
      expect((await view('192.0.2.99, 203.0.113.1, 10.1.2.3')).body.data).toMatchObject({
        views: 1,
        counted: false,
      });
      expect((await view('192.0.2.98, 203.0.113.1')).body.data.counted).toBe(false);
      expect((await view('203.0.113.2, 10.1.2.3')).body.data.counted).toBe(true);
    });
  });
});

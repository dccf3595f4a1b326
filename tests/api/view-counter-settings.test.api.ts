import { createArticle } from '../helpers/fixtures';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView, storedViews, viewCounter } from '../helpers/views';

/**
 * The counter's settings turned: a 10-minute dedupe window, a rate limit of 3 views per IP per
 * 30 seconds, Strapi behind one trusted proxy, and a flush interval long enough that nothing is
 * written unless a test flushes. With TRUST_PROXY the client IP (and the rate limit's key) is the
 * forwarded address, so each test reads from addresses of its own. Time is the counter's injected
 * clock, moved by the tests (mid-morning UTC, so no window crosses midnight's new visitor salt).
 */

const DEDUPE_SECONDS = 600;
const RATE_LIMIT = 3;
const RATE_WINDOW_SECONDS = 30;

let clock = Date.parse('2026-11-28T09:00:00Z');
const advanceClock = (ms: number) => (clock += ms);

describe('counting views with shorter windows, a trusted proxy and a rate limit', () => {
  let app: TestApp;

  /** A view from `visitor`'s browser, forwarded by the proxy for client address `ip`. */
  const viewFrom = (ip: string, documentId: string, visitor: string = ip) =>
    postView(app, documentId, visitor).set('X-Forwarded-For', ip);

  beforeAll(async () => {
    app = await bootStrapi({
      env: {
        VIEWS_DEDUPE_WINDOW_SECONDS: String(DEDUPE_SECONDS),
        VIEWS_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        VIEWS_RATE_LIMIT_WINDOW_SECONDS: String(RATE_WINDOW_SECONDS),
        VIEWS_FLUSH_INTERVAL_MS: '60000',
        // The tests connect from 127.0.0.1: they are the proxy.
        TRUST_PROXY: '127.0.0.1',
      },
    });
    viewCounter(app).useClock(() => new Date(clock));
  });
  afterAll(stopStrapi);

  it(`counts a visitor again once the ${DEDUPE_SECONDS}-second window has passed, not before`, async () => {
    const article = await createArticle(app.strapi);
    const view = () => viewFrom('192.0.2.10', article.documentId, 'short-window');
    expect((await view()).body.data).toMatchObject({ views: 1, counted: true });
    expect((await view()).body.data).toMatchObject({ views: 1, counted: false });
    advanceClock(DEDUPE_SECONDS * 1000 - 1);
    expect((await view()).body.data).toMatchObject({ views: 1, counted: false });
    advanceClock(1);
    expect((await view()).body.data).toMatchObject({ views: 2, counted: true });
    expect((await view()).body.data).toMatchObject({ views: 2, counted: false });
  });

  describe('behind a trusted proxy (TRUST_PROXY=127.0.0.1, one hop)', () => {
    it('takes the client from X-Forwarded-For: two addresses from one socket are two visitors', async () => {
      const article = await createArticle(app.strapi);
      expect(
        (await viewFrom('192.0.2.21', article.documentId, 'same-browser')).body.data,
      ).toMatchObject({ views: 1, counted: true });
      expect(
        (await viewFrom('192.0.2.22', article.documentId, 'same-browser')).body.data,
      ).toMatchObject({ views: 2, counted: true });
      // The same forwarded address again is the same visitor.
      expect(
        (await viewFrom('192.0.2.22', article.documentId, 'same-browser')).body.data,
      ).toMatchObject({ views: 2, counted: false });
    });

    it('trusts the listed proxy only: what the client wrote before the proxy does not make a new visitor', async () => {
      const article = await createArticle(app.strapi);
      const view = (chain: string) =>
        postView(app, article.documentId, 'spoofer').set('X-Forwarded-For', chain);
      expect((await view('10.0.0.1, 192.0.2.30')).body.data.counted).toBe(true);
      expect((await view('10.0.0.2, 192.0.2.30')).body.data).toMatchObject({
        views: 1,
        counted: false,
      });
      expect((await view('10.0.0.3, 10.0.0.4, 192.0.2.30')).body.data.counted).toBe(false);
    });
  });

  describe(`the rate limit (${RATE_LIMIT} per IP per ${RATE_WINDOW_SECONDS} s)`, () => {
    it("answers 429 in Strapi's error shape with Retry-After, counts nothing, then lets the IP in again", async () => {
      const article = await createArticle(app.strapi);
      const ip = '192.0.2.40';
      for (let i = 0; i < RATE_LIMIT; i += 1) {
        const res = await viewFrom(ip, article.documentId, `limited-${i}`);
        expect(res.status).toBe(200);
        expect(res.body.data.counted).toBe(true);
      }

      const refused = await viewFrom(ip, article.documentId, 'limited-over');
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/application\/json/);
      expect(refused.body).toEqual({
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: expect.any(String),
          details: { retryAfter: expect.any(Number) },
        },
      });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(RATE_WINDOW_SECONDS);
      expect(refused.body.error.details.retryAfter).toBe(retryAfter);

      // Another address is not limited meanwhile.
      expect((await viewFrom('192.0.2.41', article.documentId)).status).toBe(200);

      // The refused reader was not counted: its view is counted once it comes back.
      advanceClock(retryAfter * 1000);
      const again = await viewFrom(ip, article.documentId, 'limited-over');
      expect(again.status).toBe(200);
      expect(again.body.data).toMatchObject({ views: RATE_LIMIT + 2, counted: true });
      await viewCounter(app).flush();
      expect(await storedViews(app, article.documentId)).toBe(RATE_LIMIT + 2);
    });

    it('limits requests, not counted views: repeated and crawler views use up the allowance too', async () => {
      const article = await createArticle(app.strapi);
      const ip = '192.0.2.50';
      expect((await viewFrom(ip, article.documentId, 'repeat')).body.data.counted).toBe(true);
      expect((await viewFrom(ip, article.documentId, 'repeat')).body.data.counted).toBe(false);
      const crawler = await app
        .request()
        .post(`/api/articles/${article.documentId}/views`)
        .set('User-Agent', 'Googlebot/2.1 (+http://www.google.com/bot.html)')
        .set('X-Forwarded-For', ip);
      expect(crawler.status).toBe(200);
      expect((await viewFrom(ip, article.documentId, 'fresh')).status).toBe(429);
    });
  });

  describe('the buffer (nothing is written until a flush)', () => {
    it('answers totals that include unwritten views; the database has them only after the flush', async () => {
      const counter = viewCounter(app);
      const article = await createArticle(app.strapi);
      await counter.flush();
      const answers: number[] = [];
      for (let i = 0; i < RATE_LIMIT; i += 1) {
        const res = await viewFrom(`192.0.2.6${i}`, article.documentId);
        answers.push(res.body.data.views as number);
      }
      expect(answers).toEqual([1, 2, 3]);
      expect(counter.unwrittenCount()).toBe(3);
      expect(await storedViews(app, article.documentId)).toBeUndefined();
      const page = await app.request().get(`/api/articles/${article.documentId}`);
      expect(page.body.data.views).toBe(3);

      await counter.flush();
      expect(counter.unwrittenCount()).toBe(0);
      expect(await storedViews(app, article.documentId)).toBe(3);
      expect((await app.request().get(`/api/articles/${article.documentId}`)).body.data.views).toBe(
        3,
      );
    });
  });
});

/**
 * One client IP adds at most VIEWS_MAX_PER_IP_PER_ARTICLE (10 by default) counted views to one
 * article per dedupe window, whatever User-Agents it sends; a view over the cap is answered as a
 * repeat is (200, `counted: false`, the same total), another IP still counts, and the IP counts
 * again once the window has passed (on the counter's injected clock). Each IP is a loopback
 * source address of its own (127.0.0.x): the socket's peer, no proxy involved.
 */

import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postViewFrom, storedViews, viewCounter } from '../helpers/views';

const WINDOW_SECONDS = 1800;
const CAP = 10;

// Mid-morning UTC: no window here crosses midnight's new visitor salt.
let clock = Date.parse('2026-11-28T09:00:00Z');

describeWithDatabase(`the per-address cap (${CAP}, the default)`, () => {
  let app: TestApp;

  beforeAll(async () => {
    // The default (10), set because the tests' environment turns the cap off.
    app = await bootStrapi({ env: { VIEWS_MAX_PER_IP_PER_ARTICLE: String(CAP) } });
    viewCounter(app).useClock(() => new Date(clock));
  });
  afterAll(stopStrapi);

  it(`counts ${CAP} of 11 User-Agents from one IP; the 11th is answered as a repeat is`, async () => {
    const { documentId } = await createArticle(app.strapi);
    const view = (visitor: string) => postViewFrom(app, documentId, visitor, { from: '127.0.0.5' });

    for (let i = 1; i <= CAP; i += 1) {
      const res = await view(`rotating-${i}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ documentId, views: i, counted: true });
    }
    const repeat = await view('rotating-1');
    const overCap = await view('rotating-11');
    expect(overCap.status).toBe(200);
    expect(overCap.body).toEqual(repeat.body);
    expect(overCap.body).toEqual({ data: { documentId, views: CAP, counted: false } });

    await viewCounter(app).flush();
    expect(await storedViews(app, documentId)).toBe(CAP);
  });

  it('lets another IP count meanwhile, and the capped IP count again after the window', async () => {
    const { documentId } = await createArticle(app.strapi);
    const view = (from: string, visitor: string) =>
      postViewFrom(app, documentId, visitor, { from });

    for (let i = 1; i <= CAP + 1; i += 1) await view('127.0.0.6', `window-${i}`);
    expect((await view('127.0.0.7', 'window-1')).body.data).toMatchObject({
      views: CAP + 1,
      counted: true,
    });

    clock += WINDOW_SECONDS * 1000 - 1;
    expect((await view('127.0.0.6', 'window-12')).body.data.counted).toBe(false);
    clock += 1;
    expect((await view('127.0.0.6', 'window-13')).body.data).toMatchObject({
      views: CAP + 2,
      counted: true,
    });

    await viewCounter(app).flush();
    expect(await storedViews(app, documentId)).toBe(CAP + 2);
  });

  it("caps each article on its own: one article's cap does not stop another's views", async () => {
    const [one, two] = [await createArticle(app.strapi), await createArticle(app.strapi)];
    for (let i = 1; i <= CAP; i += 1) {
      await postViewFrom(app, one.documentId, `each-${i}`, { from: '127.0.0.8' });
    }
    const res = await postViewFrom(app, two.documentId, 'each-1', { from: '127.0.0.8' });
    expect(res.body.data).toMatchObject({ views: 1, counted: true });
  });
});

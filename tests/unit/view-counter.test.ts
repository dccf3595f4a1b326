/**
 * The view counter on an in-memory store: who counts and once per window, writing at once or
 * buffered, totals that never go back, stored totals read at most once per flush interval.
 */

import { createViewCounter } from '../../src/views/counter';
import type { ViewsSettings } from '../../src/views/settings';
import type { DayCount, ViewStore } from '../../src/views/store';

const SETTINGS: ViewsSettings = {
  dedupeWindowSeconds: 1800,
  rateLimitPerMinute: 0,
  rateLimitWindowSeconds: 60,
  flushIntervalMs: 1000,
  memoryMaxEntries: 1000,
  maxPerIpPerArticle: 10,
  redisUrl: '',
  saltSecret: 'unit-test-secret',
};

const UA = (i: number) => `Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36 r/${i}`;

/**
 * An in-memory store for one published article `a`. `publishedTotal` reads the total when it is
 * called and, once `delayReads()` is on, answers only when `releaseReads()` is called: a database
 * reply (or a Redis round trip after it) that arrives late.
 */
const memoryStore = () => {
  const totals = new Map<string, number>([['a', 0]]);
  const held: Array<() => void> = [];
  let delay = false;
  const store = {
    add: async (counts: readonly DayCount[]) => {
      counts.forEach(({ documentId, views }) =>
        totals.set(documentId, (totals.get(documentId) ?? 0) + views),
      );
    },
    publishedTotal: (documentId: string) => {
      const value = totals.has(documentId) ? (totals.get(documentId) as number) : null;
      if (!delay) return Promise.resolve(value);
      return new Promise<number | null>((resolve) => held.push(() => resolve(value)));
    },
  };
  return {
    store: store as unknown as ViewStore,
    stored: (documentId: string) => totals.get(documentId) ?? 0,
    delayReads: () => (delay = true),
    releaseReads: () => held.splice(0).forEach((release) => release()),
  };
};

const flushMicrotasks = () => new Promise((resolve) => setImmediate(resolve));

describe('the view counter (unit, with an in-memory store)', () => {
  it('counts a browser once per window, and neither crawlers nor requests without a User-Agent', async () => {
    const memory = memoryStore();
    const counter = createViewCounter({ settings: SETTINGS, store: memory.store });
    const view = (userAgent?: string, ip = '198.51.100.7') =>
      counter.record({ documentId: 'a', ip, userAgent });

    expect(await view(undefined)).toEqual({ documentId: 'a', views: 0, counted: false });
    expect(await view('   ')).toMatchObject({ counted: false });
    expect(await view('Googlebot/2.1 (+http://www.google.com/bot.html)')).toMatchObject({
      counted: false,
    });
    expect(await view(UA(1))).toEqual({ documentId: 'a', views: 1, counted: true });
    expect(await view(UA(1))).toEqual({ documentId: 'a', views: 1, counted: false });
    expect(await view(UA(1), '198.51.100.8')).toEqual({ documentId: 'a', views: 2, counted: true });
    expect(await counter.record({ documentId: 'nope', ip: '1.1.1.1', userAgent: UA(1) })).toBe(
      null,
    );
    expect(memory.stored('a')).toBe(0);
    await counter.flush();
    expect(memory.stored('a')).toBe(2);
  });

  it('counts at most maxPerIpPerArticle visitors of one IP, answering the rest as repeats', async () => {
    const memory = memoryStore();
    const counter = createViewCounter({
      settings: { ...SETTINGS, maxPerIpPerArticle: 3 },
      store: memory.store,
    });
    const view = (i: number, ip = '198.51.100.9') =>
      counter.record({ documentId: 'a', ip, userAgent: UA(i) });

    for (let i = 1; i <= 3; i += 1) expect(await view(i)).toMatchObject({ counted: true });
    const repeat = await view(1);
    const overCap = await view(4);
    // The same answer for a repeat and for a new User-Agent over the cap: nothing to probe.
    expect(overCap).toEqual(repeat);
    expect(overCap).toEqual({ documentId: 'a', views: 3, counted: false });
    // Another address still counts.
    expect(await view(4, '198.51.100.10')).toMatchObject({ views: 4, counted: true });
    await counter.flush();
    expect(memory.stored('a')).toBe(4);
  });

  it('writes each view at once with VIEWS_FLUSH_INTERVAL_MS=0', async () => {
    const memory = memoryStore();
    const counter = createViewCounter({
      settings: { ...SETTINGS, flushIntervalMs: 0 },
      store: memory.store,
    });
    expect(await counter.record({ documentId: 'a', ip: '1.1.1.1', userAgent: UA(1) })).toEqual({
      documentId: 'a',
      views: 1,
      counted: true,
    });
    expect(memory.stored('a')).toBe(1);
    expect(counter.unwrittenCount()).toBe(0);
  });

  // Every answer is "stored + this instance's unwritten". A flush that committed between the moment
  // a view reads the stored total and the moment it adds itself to the buffer would leave the views
  // it wrote in neither, and the reader would be told less than a total already answered. So a
  // flush waits for views under way, and views that arrive meanwhile wait for the flush.
  it('never answers less than a total it answered before: a flush waits for a view under way', async () => {
    const memory = memoryStore();
    const counter = createViewCounter({ settings: SETTINGS, store: memory.store });

    const first = await counter.record({ documentId: 'a', ip: '1.1.1.1', userAgent: UA(1) });
    expect(first).toMatchObject({ views: 1, counted: true });

    counter.forget('a'); // no cached total: the next view reads the store
    memory.delayReads();
    const second = counter.record({ documentId: 'a', ip: '2.2.2.2', userAgent: UA(2) });
    await flushMicrotasks(); // the second view is reading the stored total (0)
    let flushed = false;
    const flush = counter.flush().then(() => (flushed = true));
    await flushMicrotasks();
    expect(flushed).toBe(false); // the flush has not written while the view reads
    expect(memory.stored('a')).toBe(0);
    memory.releaseReads();

    expect(await second).toMatchObject({ counted: true, views: 2 });
    await flush;
    expect(memory.stored('a')).toBe(2);
    expect(counter.unwrittenCount()).toBe(0);
  });

  it("reads an article's stored total at most once per flush interval, adding its own flushes", async () => {
    const memory = memoryStore();
    let reads = 0;
    const publishedTotal = memory.store.publishedTotal.bind(memory.store);
    memory.store.publishedTotal = (documentId: string) => {
      reads += 1;
      return publishedTotal(documentId);
    };
    const counter = createViewCounter({ settings: SETTINGS, store: memory.store });

    for (let i = 1; i <= 3; i += 1) {
      expect(
        await counter.record({ documentId: 'a', ip: '1.1.1.1', userAgent: UA(i) }),
      ).toMatchObject({ views: i });
    }
    await counter.flush();
    expect(memory.stored('a')).toBe(3);
    // Another instance writes 10 views: this one shows them once its cached total expires.
    await memory.store.add([{ documentId: 'a', day: '2026-01-01', views: 10 }]);
    expect(
      await counter.record({ documentId: 'a', ip: '1.1.1.1', userAgent: UA(4) }),
    ).toMatchObject({ views: 4 });
    expect(reads).toBe(1);

    counter.forget('a');
    expect(
      await counter.record({ documentId: 'a', ip: '1.1.1.1', userAgent: UA(5) }),
    ).toMatchObject({ views: 15 });
    expect(reads).toBe(2);
  });
});

import type { Redis } from 'ioredis';
import { isbot } from 'isbot';

import { createViewBuffer } from './buffer';
import { createReadWriteGate } from './gate';
import { createGuards } from './guards';
import type { ViewsSettings } from './settings';
import type { RankedArticle, ViewStore } from './store';
import { createAddressHasher, createVisitorHasher, DAY_MS, utcDay } from './visitor';

export interface ViewRequest {
  documentId: string;
  /** The client's IP as the server sees it (a trusted proxy's `X-Forwarded-For` applied). */
  ip: string;
  userAgent?: string;
}

export interface RecordedView {
  documentId: string;
  views: number;
  counted: boolean;
}

export const PERIODS = ['day', 'week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];
const PERIOD_DAYS: Record<Exclude<Period, 'all'>, number> = { day: 1, week: 7, month: 30 };

/** The first UTC day of a period of `days` days that ends today (today included). */
export const periodStart = (now: Date, period: Period): string | undefined =>
  period === 'all'
    ? undefined
    : utcDay(new Date(now.getTime() - (PERIOD_DAYS[period] - 1) * DAY_MS));

/**
 * The view counter. A view counts when it comes from a browser (a User-Agent that `isbot` does
 * not take for a crawler), that visitor has not been counted for the article within the window,
 * and its client IP has not yet added `maxPerIpPerArticle` views to the article in that window. Counted views are buffered and written as atomic `+ n` upserts; every figure it answers
 * is the stored total plus what this process has not written yet.
 */
export const createViewCounter = ({
  settings,
  store,
  redis,
  clock = () => new Date(),
}: {
  settings: ViewsSettings;
  store: ViewStore;
  redis?: Redis;
  clock?: () => Date;
}) => {
  let now = clock;
  const visitorOf = createVisitorHasher(settings.saltSecret);
  const addressOf = createAddressHasher(settings.saltSecret);
  // The guards read the clock through `now`, so `useClock` moves their windows too.
  const guards = createGuards({ redis, ...settings, now: () => now().getTime() });
  const buffer = createViewBuffer((counts) => store.add(counts));
  const buffered = settings.flushIntervalMs > 0;
  // Stored totals are read, and the buffer added to them, only while no flush commits.
  const gate = createReadWriteGate();
  // Published articles' stored totals, read at most once per flush interval per article; this
  // instance's own flushes are added as they commit, other instances' show within the interval.
  const totalsCache = new Map<string, { stored: number; until: number }>();
  const storedTotal = async (documentId: string): Promise<number | null> => {
    const cached = totalsCache.get(documentId);
    if (cached && cached.until > Date.now()) return cached.stored;
    const stored = await store.publishedTotal(documentId);
    if (stored === null) totalsCache.delete(documentId);
    else if (buffered)
      totalsCache.set(documentId, { stored, until: Date.now() + settings.flushIntervalMs });
    return stored;
  };
  const flush = () =>
    gate.write(async () => {
      const written = await buffer.flush();
      written.forEach(({ documentId, views }) => {
        const cached = totalsCache.get(documentId);
        if (cached) cached.stored += views;
      });
      const now = Date.now();
      totalsCache.forEach(
        (entry, documentId) => entry.until <= now && totalsCache.delete(documentId),
      );
    });

  const countable = async ({ documentId, ip, userAgent }: ViewRequest, day: string) => {
    if (!userAgent?.trim() || isbot(userAgent)) return false;
    if (!(await guards.firstInWindow(documentId, visitorOf(ip, userAgent, day)))) return false;
    // Only a visitor's first view uses up its address's allowance; over it, the view is answered
    // exactly as a repeat is, so a client cannot tell which of the two stopped it.
    return guards.underAddressCap(documentId, addressOf(ip));
  };

  return {
    /**
     * Records one view; `null` when no published article has this document id (the visitor's
     * turn is then left unused). The stored total is read and the view added with no flush in
     * between, so the total answered is exact for this instance.
     */
    async record(request: ViewRequest): Promise<RecordedView | null> {
      const day = utcDay(now());
      const recorded = await gate.read(async () => {
        const stored = await storedTotal(request.documentId);
        if (stored === null) return null;
        const counted = await countable(request, day);
        if (counted) buffer.add(request.documentId, day);
        return {
          documentId: request.documentId,
          views: stored + buffer.unwritten(request.documentId),
          counted,
        };
      });
      if (recorded?.counted && !buffered) await flush();
      return recorded;
    },

    /** Seconds until this IP may send another view, or `null` when it may now. */
    retryAfter: (ip: string) => guards.retryAfter(ip),

    /** Totals of many articles (stored plus unwritten), in one query. */
    async totals(documentIds: readonly string[]): Promise<Map<string, number>> {
      const totals = await store.totals(documentIds);
      totals.forEach((views, documentId) =>
        totals.set(documentId, views + buffer.unwritten(documentId)),
      );
      return totals;
    },

    /** Published articles ranked by views over a period (written views; at most a flush behind). */
    ranking: (options: {
      period: Period;
      sectionIds?: number[];
      limit: number;
    }): Promise<RankedArticle[]> =>
      store.ranking({
        fromDay: periodStart(now(), options.period),
        sectionIds: options.sectionIds,
        limit: options.limit,
      }),

    /** Views of one article over the periods, for the admin panel. */
    async summary(documentId: string): Promise<Record<Period, number>> {
      const [day, week, month, all] = await Promise.all(
        PERIODS.map((period) => store.viewsOf(documentId, periodStart(now(), period))),
      );
      const unwritten = buffer.unwritten(documentId);
      return {
        day: day + unwritten,
        week: week + unwritten,
        month: month + unwritten,
        all: all + unwritten,
      };
    },

    /**
     * A new article's starting views, spread over the `days` UTC days that end today (the rest
     * of the division today), so rankings of every period have them. Only when it has none yet.
     */
    initialise(documentId: string, views: number, days = 3) {
      const share = Math.floor(views / days);
      return store.initialise(
        documentId,
        Array.from({ length: days }, (_, i) => ({
          day: utcDay(new Date(now().getTime() - (days - 1 - i) * DAY_MS)),
          views: i === days - 1 ? views - share * (days - 1) : share,
        })),
      );
    },

    /** Drops what is cached of an article (it was unpublished, republished or deleted). */
    forget(documentId: string): void {
      totalsCache.delete(documentId);
    },

    /** Writes buffered views now (also done every `flushIntervalMs` and at shutdown). */
    flush,

    /** Views waiting to be written. */
    unwrittenCount: () => buffer.size(),

    /** Replaces the clock (tests: day rollover, the dedupe and rate-limit windows). */
    useClock(next: () => Date) {
      now = next;
    },
  };
};

export type ViewCounter = ReturnType<typeof createViewCounter>;

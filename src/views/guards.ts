import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { type RateLimiterAbstract, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** One key's use of a window: whether it was allowed, and how long until the window ends. */
interface Consumption {
  allowed: boolean;
  msBeforeNext: number;
}

type Window = (key: string) => Promise<Consumption>;

/**
 * `points` uses per key per fixed window, in process memory: an LRU bounded to `maxEntries` keys
 * (the least recently used key is forgotten first, which at worst lets a forgotten visitor count
 * again), timed by the injected clock so tests move time instead of waiting for it.
 * (rate-limiter-flexible's memory store keeps every key and reads the wall clock.)
 */
const memoryWindow = ({
  points,
  durationMs,
  maxEntries,
  now,
}: {
  points: number;
  durationMs: number;
  maxEntries: number;
  now: () => number;
}): Window => {
  const windows = new LRUCache<string, { used: number; endsAt: number }>({ max: maxEntries });
  return async (key) => {
    const at = now();
    let window = windows.get(key);
    if (!window || window.endsAt <= at) {
      window = { used: 0, endsAt: at + durationMs };
      windows.set(key, window);
    }
    window.used += 1;
    return { allowed: window.used <= points, msBeforeNext: window.endsAt - at };
  };
};

/**
 * The same window in Redis, shared by every instance (`rate-limiter-flexible`); while Redis fails,
 * the in-memory window answers rather than refusing readers.
 */
const redisWindow = (
  redis: Redis,
  options: { keyPrefix: string; points: number; duration: number },
  fallback: Window,
): Window => {
  const limiter: RateLimiterAbstract = new RateLimiterRedis({ ...options, storeClient: redis });
  return async (key) => {
    try {
      const result = await limiter.consume(key);
      return { allowed: true, msBeforeNext: result.msBeforeNext };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, msBeforeNext: rejection.msBeforeNext };
      }
      return fallback(key);
    }
  };
};

export interface Guards {
  /** True the first time a visitor reads an article within the window. */
  firstInWindow(documentId: string, visitor: string): Promise<boolean>;
  /**
   * True while `address` (a client IP, or a key standing for one) has added fewer than
   * `maxPerIpPerArticle` views to the article within the dedupe window; each call uses one.
   * Always true when the dedupe window is 0 (every view counts, so there is no window to cap).
   */
  underAddressCap(documentId: string, address: string): Promise<boolean>;
  /** `null` when the IP may send another view now, or the seconds until it may. */
  retryAfter(ip: string): Promise<number | null>;
}

export const createGuards = ({
  redis,
  dedupeWindowSeconds,
  rateLimitPerMinute,
  rateLimitWindowSeconds = 60,
  memoryMaxEntries = 100_000,
  maxPerIpPerArticle = 10,
  now = Date.now,
}: {
  redis?: Redis;
  dedupeWindowSeconds: number;
  rateLimitPerMinute: number;
  rateLimitWindowSeconds?: number;
  memoryMaxEntries?: number;
  maxPerIpPerArticle?: number;
  /** Milliseconds since the epoch; the in-memory windows' clock. */
  now?: () => number;
}): Guards => {
  const window = (keyPrefix: string, points: number, seconds: number): Window => {
    const memory = memoryWindow({
      points,
      durationMs: seconds * 1000,
      maxEntries: memoryMaxEntries,
      now,
    });
    return redis ? redisWindow(redis, { keyPrefix, points, duration: seconds }, memory) : memory;
  };
  const seen =
    dedupeWindowSeconds > 0 ? window('newsroom:views:seen', 1, dedupeWindowSeconds) : undefined;
  const addressCap =
    dedupeWindowSeconds > 0
      ? window('newsroom:views:ipcap', maxPerIpPerArticle, dedupeWindowSeconds)
      : undefined;
  const rate =
    rateLimitPerMinute > 0
      ? window('newsroom:views:rate', rateLimitPerMinute, rateLimitWindowSeconds)
      : undefined;

  return {
    async firstInWindow(documentId, visitor) {
      return seen ? (await seen(`${documentId}:${visitor}`)).allowed : true;
    },
    async underAddressCap(documentId, address) {
      return addressCap ? (await addressCap(`${documentId}:${address}`)).allowed : true;
    },
    async retryAfter(ip) {
      if (!rate) return null;
      const { allowed, msBeforeNext } = await rate(ip);
      return allowed ? null : Math.max(1, Math.ceil(msBeforeNext / 1000));
    },
  };
};

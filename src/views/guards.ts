import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/**
 * A "once per key per window" gate from `rate-limiter-flexible`: in Redis when given (shared by
 * every instance), in process memory otherwise. With Redis down, it falls back to memory rather
 * than refusing readers.
 */
const limiter = (
  redis: Redis | undefined,
  options: { keyPrefix: string; points: number; duration: number },
): RateLimiterAbstract => {
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    insuranceLimiter: new RateLimiterMemory(options),
  });
};

/** Answers whether a consumption was allowed; rejections for being over the limit are `false`. */
const consumed = async (gate: RateLimiterAbstract, key: string): Promise<true | RateLimiterRes> => {
  try {
    await gate.consume(key);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
};

export interface Guards {
  /** True the first time a visitor reads an article within the window. */
  firstInWindow(documentId: string, visitor: string): Promise<boolean>;
  /** `null` when the IP may send another view now, or the seconds until it may. */
  retryAfter(ip: string): Promise<number | null>;
}

export const createGuards = ({
  redis,
  dedupeWindowSeconds,
  rateLimitPerMinute,
  rateLimitWindowSeconds = 60,
}: {
  redis?: Redis;
  dedupeWindowSeconds: number;
  rateLimitPerMinute: number;
  rateLimitWindowSeconds?: number;
}): Guards => {
  const seen =
    dedupeWindowSeconds > 0
      ? limiter(redis, {
          keyPrefix: 'newsroom:views:seen',
          points: 1,
          duration: dedupeWindowSeconds,
        })
      : undefined;
  const rate =
    rateLimitPerMinute > 0
      ? limiter(redis, {
          keyPrefix: 'newsroom:views:rate',
          points: rateLimitPerMinute,
          duration: rateLimitWindowSeconds,
        })
      : undefined;

  return {
    async firstInWindow(documentId, visitor) {
      if (!seen) return true;
      return (await consumed(seen, `${documentId}:${visitor}`)) === true;
    },
    async retryAfter(ip) {
      if (!rate) return null;
      const result = await consumed(rate, ip);
      return result === true ? null : Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    },
  };
};

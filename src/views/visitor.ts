import { createHmac } from 'node:crypto';

/** One UTC day in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC calendar day of `date`, as `YYYY-MM-DD`: the day bucket of a view. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Who a visitor is, without a cookie and without keeping their address: a keyed hash of client IP
 * and User-Agent under a salt that changes every UTC day. The salt is derived from a server
 * secret, so every instance agrees on it, and yesterday's hashes cannot be linked to today's.
 */
export const createVisitorHasher = (secret: string) => {
  let cached: { day: string; salt: Buffer } | undefined;

  const saltFor = (day: string): Buffer => {
    if (cached?.day !== day) {
      cached = { day, salt: createHmac('sha256', secret).update(`newsroom:views:${day}`).digest() };
    }
    return cached.salt;
  };

  return (ip: string, userAgent: string, day: string): string =>
    createHmac('sha256', saltFor(day)).update(`${ip}\n${userAgent}`).digest('base64url');
};

/**
 * A client IP as the per-address cap keys it: a keyed hash under a salt that does not change with
 * the day (so the cap holds across midnight), and no raw address in memory or in Redis.
 */
export const createAddressHasher = (secret: string) => {
  const salt = createHmac('sha256', secret).update('newsroom:views:address').digest();
  return (ip: string): string => createHmac('sha256', salt).update(ip).digest('base64url');
};

import type { Response } from 'supertest';

/** What the cache's tests boot with: the cache on (the suite turns it off in TEST_APP_ENV). */
export const CACHE_ON = { CACHE_ENABLED: 'true' };

/** The `X-Cache` header of an answer (`HIT`, `MISS`, `STALE`), or undefined when uncached. */
export const xCache = (res: Response): string | undefined => res.headers['x-cache'];

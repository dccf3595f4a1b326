import type { Response } from 'supertest';

import type { TestApp } from './strapi';

/** What the cache's tests boot with: the cache on (the suite turns it off in TEST_APP_ENV). */
export const CACHE_ON = { CACHE_ENABLED: 'true' };

/** Runs `task` and counts the SQL statements the app sent meanwhile (knex `query` events). */
export const queriesDuring = async <T>(
  app: TestApp,
  task: () => Promise<T>,
): Promise<{ result: T; queries: number }> => {
  let queries = 0;
  const count = () => (queries += 1);
  const { connection } = app.strapi.db;
  connection.on('query', count);
  try {
    const result = await task();
    return { result, queries };
  } finally {
    connection.off('query', count);
  }
};

/** The `X-Cache` header of an answer (`HIT`, `MISS`, `STALE`), or undefined when uncached. */
export const xCache = (res: Response): string | undefined => res.headers['x-cache'];

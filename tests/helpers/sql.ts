import type { TestApp } from './strapi';

/**
 * The SQL statements knex sent while `action` ran (its `query` events on Strapi's connection).
 * `requestsOnly`: only those sent within a request's context, not the tail of a fixture's write
 * that may still be finishing in the background.
 */
export const sqlDuring = async (
  app: TestApp,
  action: () => Promise<unknown>,
  { requestsOnly = false }: { requestsOnly?: boolean } = {},
): Promise<string[]> => {
  const statements: string[] = [];
  const listener = (query: { sql: string }) => {
    if (!requestsOnly || app.strapi.requestContext.get()) statements.push(query.sql);
  };
  app.strapi.db.connection.on('query', listener);
  try {
    await action();
  } finally {
    app.strapi.db.connection.off('query', listener);
  }
  return statements;
};

/** Runs `task` and counts the SQL statements the app sent meanwhile. */
export const queriesDuring = async <T>(
  app: TestApp,
  task: () => Promise<T>,
): Promise<{ result: T; queries: number }> => {
  let result: T | undefined;
  const statements = await sqlDuring(app, async () => {
    result = await task();
  });
  return { result: result as T, queries: statements.length };
};

/** Statements that read or write users-permissions' permissions (`up_permissions` and its links). */
export const permissionQueries = (statements: string[]): string[] =>
  statements.filter((sql) => sql.includes('up_permissions'));

import type { TestApp } from './strapi';

/** The SQL statements knex sent while `action` ran (its `query` events on Strapi's connection). */
export const sqlDuring = async (
  app: TestApp,
  action: () => Promise<unknown>,
): Promise<string[]> => {
  const statements: string[] = [];
  const listener = (query: { sql: string }) => statements.push(query.sql);
  app.strapi.db.connection.on('query', listener);
  try {
    await action();
  } finally {
    app.strapi.db.connection.off('query', listener);
  }
  return statements;
};

/** Statements that read or write users-permissions' permissions (`up_permissions` and its links). */
export const permissionQueries = (statements: string[]): string[] =>
  statements.filter((sql) => sql.includes('up_permissions'));

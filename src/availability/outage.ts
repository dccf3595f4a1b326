/**
 * Whether an error means the database cannot be reached (as opposed to a query it refused):
 * the network codes Node and `pg` raise, PostgreSQL's "connection exception" class (08xxx) and
 * shutdown codes (57P01-57P03), the pool's acquire timeout, and SQLite's file errors. Looks
 * through `AggregateError`s (Node tries each address of a host) and `cause` chains.
 */

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now. */
const POSTGRES_SHUTDOWN = new Set(['57P01', '57P02', '57P03']);

const MESSAGES = [
  /^Knex: Timeout acquiring a connection/,
  /^Connection terminated/, // pg: the server or the network closed the socket
  /^Client has encountered a connection error/,
  /^timeout exceeded when trying to connect/,
];

const isUnavailableCode = (code: string): boolean =>
  NETWORK_CODES.has(code) ||
  POSTGRES_SHUTDOWN.has(code) ||
  /^08[0-9A-Z]{3}$/.test(code) ||
  code === 'SQLITE_CANTOPEN' ||
  code.startsWith('SQLITE_IOERR');

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
}

// Read by shape, not `instanceof Error`: errors raised by Node's own modules (a refused socket)
// come from another realm than the app's code when it runs in a sandbox (Jest's).
export const isDatabaseUnavailable = (error: unknown, depth = 0): boolean => {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, errors, cause } = error as ErrorLike;
  if (typeof code === 'string' && isUnavailableCode(code)) return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  return isDatabaseUnavailable(cause, depth + 1);
};

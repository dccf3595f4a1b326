import { types } from 'node:util';

import { errors } from '@strapi/utils';

/** An error in Strapi's answer shape: what goes under `error` in `{ data: null, error }`. */
export interface ClientError {
  status: number;
  name: string;
  message: string;
  details: Record<string, unknown>;
}

/**
 * What Strapi's query builder throws for filters or sorts it cannot turn into SQL (in
 * `@strapi/database` and knex): the caller's query is malformed, not the server.
 */
const QUERY_BUILDER_MESSAGES = [
  /^Only \$and, \$or and \$not can only be used as root level operators/,
  /^Operator \S+ must be an array/,
  /^Where must be an (array or an )?object/,
  /^Expected a valid (Number|BigInteger)/,
  /^Undefined attribute level operator/,
  /^Undefined field for type/,
  /^Attribute \S+ not found on model/,
  /^You cannot (filter|order) on/,
  /^Invalid orderBy syntax/,
  /^Operator and non-operator keys cannot be mixed/,
  /^Only one operator key is allowed/,
  /^Cannot join on non relational field/,
  /^The second argument to where(Not)?Between must be an array/,
  /^You must specify 2 values for the where(Not)?Between clause/,
];

/**
 * PostgreSQL's SQLSTATE for a value of the wrong type or out of range (class 22, e.g.
 * `filters[id][$eq]=abc`) and for an operator that does not apply to a column's type (42883,
 * e.g. `$contains` on a JSON column): both come from the caller's filter values.
 */
const isDatabaseDataError = (code: unknown): boolean =>
  typeof code === 'string' && (/^22[0-9A-Z]{3}$/.test(code) || code === '42883');

/**
 * Whether `error` is an Error, from whichever realm made it: Node's `assert` (which knex uses)
 * and zlib throw errors that `instanceof Error` does not recognise inside a VM context (Jest).
 */
const isError = (error: unknown): error is Error =>
  error instanceof Error || types.isNativeError(error);

/**
 * The `code` of an error, or of the error a library wrapped into a message of JSON (koa-body
 * turns a throwable it does not recognise as an Error into `new Error(JSON.stringify(it))`).
 */
const codeOf = (error: Error): unknown => {
  const code = (error as { code?: unknown }).code;
  if (code !== undefined || !error.message.startsWith('{"')) return code;
  try {
    return (JSON.parse(error.message) as { code?: unknown }).code;
  } catch {
    return undefined;
  }
};

/** zlib's and brotli's decoding errors: a body that is not what its Content-Encoding says. */
const isDecodingError = (code: unknown): boolean =>
  typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__ERROR_'));

/** Whether `error` is a malformed query Strapi let through but the database layer refused. */
export const isMalformedQuery = (error: unknown): boolean => {
  if (!isError(error) || error instanceof errors.ApplicationError) return false;
  if (isDatabaseDataError((error as { code?: unknown }).code)) return true;
  return QUERY_BUILDER_MESSAGES.some((pattern) => pattern.test(error.message));
};

/** `Invalid query: ...`, the first line of the database layer's message without its SQL. */
export const malformedQueryError = (error: Error) =>
  new errors.ValidationError(
    `Invalid query: ${error.message.split('\n')[0].replace(/^.* - /, '')}`,
    { source: 'query' },
  );

const NAMES: Record<number, string> = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
  408: 'RequestTimeoutError',
  411: 'LengthRequiredError',
  413: 'PayloadTooLargeError',
  414: 'URITooLongError',
  415: 'UnsupportedMediaTypeError',
  422: 'UnprocessableEntityError',
  429: 'RateLimitError',
  431: 'RequestHeaderFieldsTooLargeError',
};

/** Strapi's name for an HTTP status, e.g. `UnsupportedMediaTypeError` for 415. */
export const errorName = (status: number): string => NAMES[status] ?? 'BadRequestError';

/** The statuses Strapi's error middleware gives its own errors (any other is a 400). */
const APPLICATION_STATUSES: Array<[new (...args: never[]) => Error, number]> = [
  [errors.UnauthorizedError, 401],
  [errors.ForbiddenError, 403],
  [errors.NotFoundError, 404],
  [errors.PayloadTooLargeError, 413],
  [errors.RateLimitError, 429],
  [errors.NotImplementedError, 501],
];

const clientStatus = (value: unknown): number | undefined =>
  typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;

const shape = (status: number, name: string, message: string, details = {}): ClientError => ({
  status,
  name,
  message,
  details,
});

/**
 * The 4xx that `error` stands for, or `undefined` when it is the server's fault (a 5xx, logged
 * with its stack). Besides Strapi's own errors: what the body parsers throw for a body that is
 * not what its headers say (bad gzip, broken multipart, a JSON with `__proto__`), and malformed
 * queries the database layer refuses.
 */
export const clientErrorOf = (error: unknown): ClientError | undefined => {
  if (!isError(error)) return undefined;
  if (error instanceof errors.ApplicationError) {
    // Strapi's error middleware answers these itself; the status is wanted here for the log.
    const status = APPLICATION_STATUSES.find(([type]) => error instanceof type)?.[1] ?? 400;
    if (status >= 500) return undefined;
    return shape(status, error.name, error.message, (error.details ?? {}) as object);
  }
  if (isMalformedQuery(error)) {
    const translated = malformedQueryError(error as Error);
    return shape(400, translated.name, translated.message, translated.details as object);
  }
  if (isDecodingError(codeOf(error))) {
    return shape(400, 'BadRequestError', 'The request body is not valid for its Content-Encoding');
  }
  // formidable (multipart) errors carry `httpCode`; a broken multipart body is the sender's.
  const httpCode = (error as { httpCode?: unknown }).httpCode;
  if (error.constructor.name === 'FormidableError' || clientStatus(httpCode)) {
    return shape(
      clientStatus(httpCode) ?? 400,
      'BadRequestError',
      `Malformed multipart body: ${error.message}`,
    );
  }
  const status =
    clientStatus((error as { status?: unknown }).status) ??
    clientStatus((error as { statusCode?: unknown }).statusCode);
  if (status) {
    const name = error.name && error.name !== 'Error' ? error.name : errorName(status);
    return shape(status, name === 'SyntaxError' ? 'BadRequestError' : name, error.message);
  }
  return undefined;
};

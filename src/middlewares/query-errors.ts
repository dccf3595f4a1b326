import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * What Strapi's query builder throws for filters or sorts it cannot turn into SQL (in
 * `@strapi/database`), and the data errors PostgreSQL raises for a value of the wrong type
 * (SQLSTATE class 22, e.g. `filters[id][$eq]=abc`). Both mean the caller's query is malformed.
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
];

const isMalformedQuery = (error: unknown): error is Error => {
  if (!(error instanceof Error) || error instanceof errors.ApplicationError) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
  return QUERY_BUILDER_MESSAGES.some((pattern) => pattern.test(error.message));
};

/**
 * On reader routes, a query Strapi lets through its validation but cannot run is the caller's
 * mistake: a 400 in Strapi's error shape, never a 500.
 */
const queryErrors: Core.MiddlewareFactory = () => async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (!isMalformedQuery(error)) throw error;
    const message = error.message.split('\n')[0].replace(/^.* - /, '');
    throw new errors.ValidationError(`Invalid query: ${message}`, { source: 'query' });
  }
};

export default queryErrors;

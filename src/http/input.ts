import { validateZodSchema, z } from '@strapi/utils';
import type { Context } from 'koa';

/** A route's query or path parameters, one zod schema each: what a route's `request` holds. */
export type InputShape = Record<string, z.ZodType>;

/** `input` checked against `shape`: unknown keys refused, each value parsed by its schema. */
export const parseInput = <S extends InputShape>(shape: S, input: unknown) => {
  const schema = z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown parameter ${issue.keys.join(', ')}: use ${Object.keys(shape).join(', ')}`
        : undefined,
  });
  return validateZodSchema(schema)(input) as z.output<z.ZodObject<S>>;
};

/**
 * The request's query, checked against the same schemas the route declares in `request.query`
 * (which Strapi's OpenAPI generation reads too). Anything malformed or unknown is a 400
 * `ValidationError` in Strapi's error shape that says what is expected.
 */
export const parseQuery = <S extends InputShape>(ctx: Context, shape: S) =>
  parseInput(shape, ctx.query);

/**
 * The route's path parameters, checked against the schemas of its `request.params` (the router
 * may add keys of its own, which are not the client's to get wrong).
 */
export const parseParams = <S extends InputShape>(ctx: Context, shape: S) =>
  validateZodSchema(z.object(shape))(ctx.params ?? {}) as z.output<z.ZodObject<S>>;

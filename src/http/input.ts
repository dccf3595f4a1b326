import { validateZodSchema, z } from '@strapi/utils';
import type { Context } from 'koa';

/** A route's query or path parameters, one zod schema each: what a route's `request` holds. */
export type InputShape = Record<string, z.ZodType>;

type Validate = (input: unknown) => unknown;

/**
 * Each shape's validator, built once: building a zod object is far dearer than checking a value
 * with it, and the shapes are the routes' constants (a page by slug spent a third of its time
 * building its one-key schema on every request).
 */
const validators = {
  strict: new WeakMap<InputShape, Validate>(),
  loose: new WeakMap<InputShape, Validate>(),
};

const validatorOf = (shape: InputShape, strict: boolean): Validate => {
  const cache = strict ? validators.strict : validators.loose;
  const known = cache.get(shape);
  if (known) return known;
  const schema = strict
    ? z.strictObject(shape, {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `Unknown parameter ${issue.keys.join(', ')}: use ${Object.keys(shape).join(', ')}`
            : undefined,
      })
    : z.object(shape);
  const validate = validateZodSchema(schema) as Validate;
  cache.set(shape, validate);
  return validate;
};

/** `input` checked against `shape`: unknown keys refused, each value parsed by its schema. */
export const parseInput = <S extends InputShape>(shape: S, input: unknown) =>
  validatorOf(shape, true)(input) as z.output<z.ZodObject<S>>;

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
  validatorOf(shape, false)(ctx.params ?? {}) as z.output<z.ZodObject<S>>;

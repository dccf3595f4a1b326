import type { Core } from '@strapi/strapi';
import { validateZodSchema, z } from '@strapi/utils';

const wholeNumber = (key: string, min: number) =>
  z
    .string({ error: `pagination[${key}] must be a whole number of at least ${min}` })
    .regex(/^-?\d+$/, { error: `pagination[${key}] must be a whole number of at least ${min}` })
    .refine((text) => Number.isSafeInteger(Number(text)) && Number(text) >= min, {
      error: `pagination[${key}] must be a whole number of at least ${min}`,
    });

/** What Strapi's `pagination` parameter may hold, each value as the query string gives it. */
const paginationSchema = z
  .strictObject(
    {
      page: wholeNumber('page', 1).optional(),
      pageSize: wholeNumber('pageSize', 1).optional(),
      start: wholeNumber('start', 0).optional(),
      limit: wholeNumber('limit', 1).optional(),
      withCount: z
        .union([z.enum(['true', 'false']), z.boolean()], {
          error: 'pagination[withCount] must be true or false',
        })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `pagination[${issue.keys.join('], pagination[')}] is not a pagination parameter (page, pageSize, start, limit, withCount)`
          : 'pagination must be an object, e.g. pagination[page]=1&pagination[pageSize]=25',
    },
  )
  .optional();

const validatePagination = validateZodSchema(paginationSchema);

/**
 * Strapi quietly replaces a malformed page or page size (`pageSize=abc`, `page=-1`) with a default;
 * a frontend then renders the wrong page without knowing. Here such a request is a 400 instead.
 */
const strictPagination: Core.MiddlewareFactory = () => async (ctx, next) => {
  validatePagination((ctx.query as Record<string, unknown>).pagination);
  await next();
};

export default strictPagination;

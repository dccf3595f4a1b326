import { z } from '@strapi/utils';

import { PERIODS } from './counter';

export const MOST_READ_MAX_LIMIT = 50;
export const MOST_READ_DEFAULT_LIMIT = 10;
const LIMIT_ERROR = `limit must be a whole number from 1 to ${MOST_READ_MAX_LIMIT}`;

/**
 * `?period=&section=&limit=` of the most-read routes (public and admin): one zod schema per
 * parameter, declared in the route's `request.query` and checked by `parseQuery`.
 */
export const mostReadQuery = {
  period: z.enum(PERIODS, { error: `period must be one of ${PERIODS.join(', ')}` }).default('day'),
  limit: z
    .string({ error: LIMIT_ERROR })
    .regex(/^\d+$/, { error: LIMIT_ERROR })
    .transform(Number)
    .pipe(
      z.number().min(1, { error: LIMIT_ERROR }).max(MOST_READ_MAX_LIMIT, { error: LIMIT_ERROR }),
    )
    .default(MOST_READ_DEFAULT_LIMIT),
  section: z
    .string({ error: 'section must be one section slug' })
    .min(1, { error: 'section must be one section slug' })
    .optional(),
};

export type MostReadQuery = z.output<z.ZodObject<typeof mostReadQuery>>;

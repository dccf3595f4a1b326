import { z } from '@strapi/utils';

import { DOCUMENT_ID_PATTERN } from '../../constants';
import { pageQuery } from '../../http/pages';

/** `GET /corrections?page=&pageSize=&kind=`. */
export const correctionsQuery = {
  ...pageQuery,
  kind: z.enum(['correction', 'clarification', 'update']).optional(),
};

/** `GET /articles/:documentId/related`: a document id's shape. */
export const relatedParams = {
  documentId: z
    .string()
    .regex(DOCUMENT_ID_PATTERN, { error: 'documentId must be a Strapi document id' }),
};

/** `GET /articles/:documentId/related?limit=` (1 to 20, 5 when not given). */
export const relatedQuery = {
  limit: z.coerce.number().int().min(1).max(20).default(5),
};

/** `GET /articles/breaking?limit=` (1 to 20, 10 when not given). */
export const breakingQuery = {
  limit: z.coerce.number().int().min(1).max(20).default(10),
};

/** The longest a cached breaking list lives: less when one of its items expires sooner. */
export const BREAKING_TTL_SECONDS = 10;

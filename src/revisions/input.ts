import { z } from '@strapi/utils';

import { DOCUMENT_ID_PATTERN } from '../constants';

const ID_ERROR = 'must be a revision id (a whole number)';
const revisionId = (name: string) =>
  z
    .string({ error: `${name} ${ID_ERROR}` })
    .regex(/^[1-9]\d{0,15}$/, { error: `${name} ${ID_ERROR}` })
    .transform(Number);

export const REVISIONS_MAX_PAGE_SIZE = 100;
const PAGE_SIZE_ERROR = `pageSize must be a whole number from 1 to ${REVISIONS_MAX_PAGE_SIZE}`;

/** `/articles/:documentId/revisions`'s path. */
export const articleParams = {
  documentId: z
    .string()
    .regex(DOCUMENT_ID_PATTERN, { error: 'documentId must be an article document id' }),
};

/** `?page=&pageSize=` of the list, newest first. */
export const listQuery = {
  page: z
    .string({ error: 'page must be a whole number from 1' })
    .regex(/^[1-9]\d{0,5}$/, { error: 'page must be a whole number from 1' })
    .transform(Number)
    .default(1),
  pageSize: z
    .string({ error: PAGE_SIZE_ERROR })
    .regex(/^\d+$/, { error: PAGE_SIZE_ERROR })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: PAGE_SIZE_ERROR })
        .max(REVISIONS_MAX_PAGE_SIZE, { error: PAGE_SIZE_ERROR }),
    )
    .default(20),
};

/** `/revisions/:id` and `/revisions/:id/restore`. */
export const revisionParams = { id: revisionId('id') };

/** `?from=&to=`: two revisions of one article (`from` the older, usually). */
export const diffQuery = { from: revisionId('from'), to: revisionId('to') };

import { z } from '@strapi/utils';

/**
 * What the desk's routes answer, for the OpenAPI document (Strapi documents a route's `response`
 * schema and does not check answers against it). Objects are loose, as in `responses.ts`.
 */

const pagination = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});

/** An article in a list: title, slug, standfirst, dates, reading time, section, cover. */
export const articleCard = z.looseObject({
  documentId: z.string(),
  title: z.string(),
  slug: z.string(),
  standfirst: z.string().nullable(),
  originallyPublishedAt: z.string().nullable().describe('First publication, ISO 8601'),
  readingTimeMinutes: z.number().int(),
  section: z.looseObject({ name: z.string(), slug: z.string() }).nullable(),
});

export const correctionsResponse = z.object({
  data: z.array(
    z.object({
      kind: z.enum(['correction', 'clarification', 'update']),
      text: z.string(),
      date: z.string().nullable().describe('When the note was added, ISO 8601'),
      article: z.object({ documentId: z.string(), title: z.string(), slug: z.string() }),
    }),
  ),
  meta: z.object({ pagination }),
});

export const relatedResponse = z.object({
  data: z.array(
    articleCard.extend({ pinned: z.boolean().describe('Chosen by an editor, shown first') }),
  ),
  meta: z.object({ limit: z.number().int() }),
});

export const breakingResponse = z.object({
  data: z.array(articleCard.extend({ breaking: z.boolean(), breakingUntil: z.string() })),
  meta: z.object({ limit: z.number().int() }),
});

export const tagPageResponse = z.object({
  data: z.looseObject({
    documentId: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    articles: z.array(articleCard).describe('Published only, newest first'),
  }),
  meta: z.object({ pagination }),
});

import { z } from '@strapi/utils';

/**
 * What the article's custom routes answer, for the OpenAPI document (`GET /api/openapi.json`):
 * Strapi documents a route's `response` schema and does not check answers against it. Objects are
 * loose: a field added to a content type shows in answers before it is described here.
 */

const media = z
  .looseObject({ url: z.string(), alternativeText: z.string().nullable().optional() })
  .nullable();

const crumb = z.object({
  name: z.string(),
  slug: z.string(),
  documentId: z.string().describe("The section's, for purging caches when it changes"),
});

const author = z.looseObject({
  documentId: z.string(),
  name: z.string(),
  slug: z.string(),
  jobTitle: z.string().nullable().optional(),
  bio: z.string().nullable().optional(),
  avatar: media.optional(),
});

const section = z.looseObject({
  documentId: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable().optional(),
});

/** The published article page (`GET /articles/slug/:slug`) and a draft's preview. */
const articlePage = z.looseObject({
  documentId: z.string(),
  title: z.string(),
  slug: z.string(),
  standfirst: z.string().nullable(),
  body: z
    .array(z.looseObject({ type: z.string() }))
    .nullable()
    .describe('Strapi blocks'),
  readingTimeMinutes: z.number().int().min(1),
  originallyPublishedAt: z.string().nullable().describe('First publication, ISO 8601'),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  views: z.number().int().min(0).describe('Total reads counted so far'),
  section: section.nullable(),
  authors: z.array(author),
  cover: media.optional(),
  seo: z.looseObject({}).nullable().optional(),
  breadcrumb: z.array(crumb).describe('Top section first, down to the article’s own'),
});

export const articlePageResponse = z.object({
  data: articlePage,
  meta: z.object({}),
});

export const articlePreviewResponse = z.object({
  data: articlePage,
  meta: z.object({ status: z.literal('draft') }),
});

export const mostReadResponse = z.object({
  data: z.array(
    z.looseObject({
      documentId: z.string(),
      title: z.string(),
      slug: z.string(),
      views: z.number().int().min(0).describe('Reads in the period'),
    }),
  ),
  meta: z.object({
    period: z.string(),
    limit: z.number().int(),
    section: z.string().nullable(),
  }),
});

export const recordedViewResponse = z.object({
  data: z.object({
    documentId: z.string(),
    views: z.number().int().min(0).describe("The article's total, this read included"),
    counted: z.boolean().describe('false when this visitor was counted in the window already'),
  }),
});

/** A document id in the path: shape errors answer 404 like any unknown id, so no pattern here. */
export const documentIdParams = {
  documentId: z.string().describe('The article’s document id'),
};

import type { Core } from '@strapi/strapi';

/**
 * Readers (the Public and Authenticated roles) see published content only, whatever `status`,
 * `publicationFilter` or `hasPublishedVersion` they send. API tokens keep Strapi's own behaviour
 * (a token may be made to read drafts, for previews). Relation filters and sorts of published
 * reads are the Document Service's concern (`src/publishing/published-reads.ts`), so that every
 * way in, GraphQL too, gets the same rule.
 */
const publishedOnly: Core.MiddlewareFactory = () => {
  return async (ctx, next) => {
    const strategy = (ctx.state.auth as { strategy?: { name?: string } } | undefined)?.strategy
      ?.name;
    if (strategy !== 'content-api-token') {
      // Koa caches the parsed query object: changing it in place is what the controller reads.
      const query = ctx.query as Record<string, unknown>;
      query.status = 'published';
      delete query.publicationFilter;
      delete query.hasPublishedVersion;
    }
    await next();
  };
};

export default publishedOnly;

import type { Core } from '@strapi/strapi';

import { scopeFiltersToPublished } from '../publishing/published-scope';

/**
 * Readers (the Public and Authenticated roles) see published content only, whatever `status`,
 * `publicationFilter`, `hasPublishedVersion` or relation filters they send. API tokens keep
 * Strapi's own behaviour (a token may be made to read drafts, for previews).
 */
const publishedOnly: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    const strategy = (ctx.state.auth as { strategy?: { name?: string } } | undefined)?.strategy
      ?.name;
    if (strategy !== 'content-api-token') {
      const handler = String((ctx.state.route as { handler?: unknown } | undefined)?.handler ?? '');
      const uid = handler.split('.').slice(0, 2).join('.');
      // Koa caches the parsed query object: changing it in place is what the controller reads.
      const query = ctx.query as Record<string, unknown>;
      query.status = 'published';
      delete query.publicationFilter;
      delete query.hasPublishedVersion;
      if (query.filters !== undefined && uid in strapi.contentTypes) {
        query.filters = scopeFiltersToPublished(
          strapi,
          uid as keyof typeof strapi.contentTypes,
          query.filters,
        );
      }
    }
    await next();
  };
};

export default publishedOnly;

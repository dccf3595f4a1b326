import type { Core } from '@strapi/strapi';

/** Sorted before the core router so `/articles/slug/...` is not read as a document id. */
const routes: Core.RouterConfig = {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/articles/slug/:slug',
      handler: 'api::article.article.findBySlug',
      config: { middlewares: ['global::query-errors', 'global::published-only'] },
    },
    {
      method: 'POST',
      path: '/articles/:documentId/views',
      handler: 'api::article.article.recordView',
    },
  ],
};

export default routes;

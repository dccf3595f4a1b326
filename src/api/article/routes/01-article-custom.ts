import type { Core } from '@strapi/strapi';

/** Sorted before the core router so `/articles/slug/...` and `/articles/most-read` are not read as document ids. */
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
      method: 'GET',
      path: '/articles/most-read',
      handler: 'api::article.article.mostRead',
    },
    {
      method: 'POST',
      path: '/articles/:documentId/views',
      handler: 'api::article.article.recordView',
      config: { middlewares: ['global::views-rate-limit'] },
    },
  ],
};

export default routes;

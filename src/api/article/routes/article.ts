import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::article.article', {
  config: {
    find: {
      middlewares: ['global::query-errors', 'global::strict-pagination', 'global::published-only'],
    },
    findOne: { middlewares: ['global::query-errors', 'global::published-only'] },
  },
});

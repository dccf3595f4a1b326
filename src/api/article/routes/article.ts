import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::article.article', {
  config: {
    find: { middlewares: ['global::strict-pagination', 'global::published-only'] },
    findOne: { middlewares: ['global::published-only'] },
  },
});

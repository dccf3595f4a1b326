import { factories } from '@strapi/strapi';

/** Public reads only ever see published articles through an author's relations. */
export default factories.createCoreRouter('api::author.author', {
  config: {
    find: {
      middlewares: ['global::query-errors', 'global::strict-pagination', 'global::published-only'],
    },
    findOne: { middlewares: ['global::query-errors', 'global::published-only'] },
  },
});

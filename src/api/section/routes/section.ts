import { factories } from '@strapi/strapi';

/** Public reads only ever see published articles through a section's relations. */
export default factories.createCoreRouter('api::section.section', {
  config: {
    find: {
      middlewares: ['global::query-errors', 'global::strict-pagination', 'global::published-only'],
    },
    findOne: { middlewares: ['global::query-errors', 'global::published-only'] },
  },
});

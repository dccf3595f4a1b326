import { factories } from '@strapi/strapi';

import { AUTHOR_UID } from '../../../constants';

/** Public reads only ever see published articles through an author's relations. */
export default factories.createCoreRouter(AUTHOR_UID, {
  config: {
    find: {
      middlewares: ['global::query-errors', 'global::strict-pagination', 'global::published-only'],
    },
    findOne: { middlewares: ['global::query-errors', 'global::published-only'] },
  },
});

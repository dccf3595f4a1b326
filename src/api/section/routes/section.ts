import { factories } from '@strapi/strapi';

import { SECTION_UID } from '../../../constants';

/** Public reads only ever see published articles through a section's relations. */
export default factories.createCoreRouter(SECTION_UID, {
  config: {
    find: {
      middlewares: ['global::query-errors', 'global::strict-pagination', 'global::published-only'],
    },
    findOne: { middlewares: ['global::query-errors', 'global::published-only'] },
  },
});

import { factories } from '@strapi/strapi';

import { cacheable } from '../../../cache';
import { AUTHOR_UID } from '../../../constants';

/** Public reads only ever see published articles through an author's relations. */
export default factories.createCoreRouter(AUTHOR_UID, {
  config: {
    find: {
      middlewares: [
        cacheable({ list: 'authors' }),
        'global::query-errors',
        'global::strict-pagination',
        'global::published-only',
      ],
    },
    findOne: {
      middlewares: [
        cacheable({ list: 'authors' }),
        'global::query-errors',
        'global::published-only',
      ],
    },
  },
});

import { factories } from '@strapi/strapi';

import { cacheable } from '../../../cache';
import { TAG_UID } from '../../../constants';

/** Public reads only ever see published articles through a tag's relations. */
export default factories.createCoreRouter(TAG_UID, {
  config: {
    find: {
      middlewares: [
        cacheable({ list: 'tags' }),
        'global::query-errors',
        'global::strict-pagination',
        'global::published-only',
      ],
    },
    findOne: {
      middlewares: [cacheable({ list: 'tags' }), 'global::query-errors', 'global::published-only'],
    },
  },
});

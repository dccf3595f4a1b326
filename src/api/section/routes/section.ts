import { factories } from '@strapi/strapi';

import { cacheable } from '../../../cache';
import { SECTION_UID } from '../../../constants';

/** Public reads only ever see published articles through a section's relations. */
export default factories.createCoreRouter(SECTION_UID, {
  config: {
    find: {
      middlewares: [
        cacheable({ list: 'sections' }),
        'global::query-errors',
        'global::strict-pagination',
        'global::published-only',
      ],
    },
    findOne: {
      middlewares: [
        cacheable({ list: 'sections' }),
        'global::query-errors',
        'global::published-only',
      ],
    },
  },
});

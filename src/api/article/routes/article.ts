import { factories } from '@strapi/strapi';

import { cacheable } from '../../../cache';
import { ARTICLE_UID } from '../../../constants';

export default factories.createCoreRouter(ARTICLE_UID, {
  config: {
    find: {
      middlewares: [
        cacheable({ list: 'articles' }),
        'global::query-errors',
        'global::strict-pagination',
        'global::published-only',
      ],
    },
    findOne: {
      middlewares: [
        cacheable({ list: 'articles' }),
        'global::query-errors',
        'global::published-only',
      ],
    },
  },
});

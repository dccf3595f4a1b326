import { factories } from '@strapi/strapi';

import { ARTICLE_UID } from '../../../constants';

export default factories.createCoreRouter(ARTICLE_UID, {
  config: {
    find: {
      middlewares: ['global::query-errors', 'global::strict-pagination', 'global::published-only'],
    },
    findOne: { middlewares: ['global::query-errors', 'global::published-only'] },
  },
});

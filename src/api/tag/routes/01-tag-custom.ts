import type { Core } from '@strapi/strapi';

import { cacheable } from '../../../cache';
import { TAG_UID } from '../../../constants';
import { pageQuery } from '../../../http/pages';
import { tagPageResponse } from '../../article/desk-responses';
import { tagSlugParams } from '../input';

/** Sorted before the core router so `/tags/slug/...` is not read as a document id. */
const routes: Core.RouterConfig = {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/tags/slug/:slug',
      handler: `${TAG_UID}.findBySlug`,
      request: { params: tagSlugParams, query: pageQuery },
      response: tagPageResponse,
      config: {
        // A publish changes which articles it lists (`articles`); a tag write purges its id.
        middlewares: [cacheable({ list: 'articles', query: Object.keys(pageQuery) })],
      },
    },
  ],
};

export default routes;

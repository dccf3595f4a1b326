import type { Core } from '@strapi/strapi';

import { cacheable } from '../../../cache';
import { ARTICLE_UID } from '../../../constants';
import { mostReadQuery } from '../../../views';
import { previewSecretStrategy } from '../auth/preview-secret';
import { slugParams } from '../input';
import {
  articlePageResponse,
  articlePreviewResponse,
  documentIdParams,
  mostReadResponse,
  recordedViewResponse,
} from '../responses';

/** Sorted before the core router so `/articles/slug/...` and `/articles/most-read` are not read as document ids. */
const routes: Core.RouterConfig = {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/articles/slug/:slug',
      handler: `${ARTICLE_UID}.findBySlug`,
      request: { params: slugParams },
      response: articlePageResponse,
      config: {
        middlewares: [
          // The page reads no query parameter: every query string shares one entry.
          cacheable({ list: 'articles', query: [] }),
          'global::query-errors',
          'global::published-only',
        ],
      },
    },
    {
      method: 'GET',
      path: '/articles/most-read',
      handler: `${ARTICLE_UID}.mostRead`,
      request: { query: mostReadQuery },
      response: mostReadResponse,
      // Its ranking changes with every view and no write: a short TTL bounds the lag.
      config: {
        middlewares: [
          cacheable({ list: 'articles', ttlSeconds: 10, query: Object.keys(mostReadQuery) }),
        ],
      },
    },
    {
      // A draft's page payload, for the site's preview: the preview secret, or an API token
      // that may read articles (a read-only, custom or full-access token). Never readers.
      method: 'GET',
      path: '/articles/:documentId/preview',
      handler: `${ARTICLE_UID}.preview`,
      request: { params: documentIdParams },
      response: articlePreviewResponse,
      config: {
        auth: {
          // Strapi's auth service takes strategy objects here too; its route type names only strings.
          strategies: [previewSecretStrategy as unknown as string, 'content-api-token'],
          scope: [`${ARTICLE_UID}.findOne`],
        },
      },
    },
    {
      method: 'POST',
      path: '/articles/:documentId/views',
      handler: `${ARTICLE_UID}.recordView`,
      request: { params: documentIdParams },
      response: recordedViewResponse,
      config: { middlewares: ['global::views-rate-limit'] },
    },
  ],
};

export default routes;

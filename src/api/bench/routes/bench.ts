import type { Core } from '@strapi/strapi';

/**
 * Routes for `npm run bench` only: they exist when the server runs with `BENCH_ROUTES=true`
 * (never set it in production). Both go through the same content-API stack as the views route.
 */
const routes: Core.RouterConfig = {
  type: 'content-api',
  routes:
    process.env.BENCH_ROUTES === 'true'
      ? [
          { method: 'GET', path: '/bench/noop', handler: 'api::bench.bench.noop' },
          {
            method: 'POST',
            path: '/bench/naive-views/:documentId',
            handler: 'api::bench.bench.naiveView',
          },
        ]
      : [],
};

export default routes;

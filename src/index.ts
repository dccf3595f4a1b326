import type { Core } from '@strapi/strapi';

import { registerDeskAdminRoutes } from './admin-panel';
import { availabilityOf, registerAvailability } from './availability';
import {
  cachePurgeMiddleware,
  installCacheLane,
  invalidationOf,
  registerInvalidationBus,
  registerResponseCache,
  stopResponseCache,
  subscribePermissionPurges,
} from './cache';
import { registerGraphql } from './graphql';
import { registerSecurityHeaders } from './http/security-headers';
import { registerPermissionsCache } from './permissions';
import {
  registerNewsroomConditions,
  registerPublishingMiddlewares,
  useSlugGeneratorInAdmin,
} from './publishing';
import { registerRevisions, revisionsOf } from './revisions';
import { runSetup } from './setup';
import { registerSitePages } from './site';
import { registerFeeds } from './site/feeds';
import { registerViewsAdminRoutes, viewsCacheMiddleware, viewsOf } from './views';
import { installViewsLane } from './views/lane';

export default {
  /** Before the app starts: the editorial rules every save passes through, the RBAC condition. */
  async register({ strapi }: { strapi: Core.Strapi }) {
    registerAvailability(strapi);
    registerSecurityHeaders(strapi);
    registerInvalidationBus(strapi);
    registerResponseCache(strapi);
    // Feeds before the reader pages: the pages end with a catch-all 404 for `/news/(.*)`.
    registerFeeds(strapi);
    registerSitePages(strapi);
    // First, so it runs outermost: it purges once every other middleware's work has committed.
    strapi.documents.use(cachePurgeMiddleware(strapi));
    registerPermissionsCache(strapi);
    // Outside the publishing middlewares: it records a change once it has committed.
    registerRevisions(strapi);
    registerPublishingMiddlewares(strapi);
    await registerNewsroomConditions(strapi);
    registerViewsAdminRoutes(strapi);
    registerDeskAdminRoutes(strapi);
    strapi.documents.use(viewsCacheMiddleware(strapi));
    registerGraphql(strapi);
  },

  /** Once the database is ready: the boot steps, in order (see `src/setup`). */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    useSlugGeneratorInAdmin(strapi);
    subscribePermissionPurges(strapi);
    await runSetup(strapi);
    // Last: Strapi's HTTP server exists by now and listens only after bootstrap.
    installCacheLane(strapi);
    installViewsLane(strapi);
  },

  /**
   * At shutdown (Strapi calls it on SIGTERM and SIGINT too, before it closes its HTTP server):
   * no new request, the ones under way answered, then the buffered views and revisions written.
   */
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await availabilityOf(strapi).stopServing();
    await viewsOf(strapi).stop();
    await revisionsOf(strapi).settled();
    await stopResponseCache(strapi);
    await invalidationOf(strapi).stop();
  },
};

import type { Core } from '@strapi/strapi';

import { REVISION_UID } from '../constants';
import { registerRevisionsAdminRoutes } from './admin-routes';
import { registerRevisionHistory, revisionsOf } from './history';
import { revisionsMiddleware } from './middleware';
import { currentRestore } from './restore';

export { diffSnapshots } from './diff';
export { type Revision, revisionsOf } from './history';
export { recordingAs } from './origin';
export { restoreRevision } from './restore';

interface GraphqlExtension {
  shadowCRUD(uid: string): { disable(): void };
}

/**
 * The revision history: its place in Strapi's container (settings checked now, so a malformed
 * variable stops the boot), the Document Service middleware that records every change to an
 * article, the admin routes, and GraphQL kept away from the type (when that plugin is on).
 * Register it before the publishing middlewares: it must see a write only once it has committed.
 */
export const registerRevisions = (strapi: Core.Strapi): void => {
  registerRevisionHistory(strapi);
  revisionsOf(strapi);
  strapi.documents.use(revisionsMiddleware(strapi, currentRestore));
  registerRevisionsAdminRoutes(strapi);
  const graphql = strapi.plugin('graphql');
  if (graphql) {
    (graphql.service('extension') as unknown as GraphqlExtension)
      .shadowCRUD(REVISION_UID)
      .disable();
  }
};
